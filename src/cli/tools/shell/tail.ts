/**
 * `tail [-n [+]NUM | -c [+]NUM | -NUM | +NUM] [-f | -F] [-qv] [FILE]…` (GNU coreutils 9.1): the last
 * lines or bytes of each input, or everything from line or byte NUM on. With `-f` it then follows
 * the files in virtual time — what a background `kafka-console-consumer … > out.txt &` appends shows
 * up — until Ctrl-C. Standard input is not followed (a pipe ends; GNU tail ignores `-f` for it).
 */
import type { ProcessContext, Tool } from '../../runtime/types';
import { coreutilsFooter, helpVersionLines, multiplierHelp } from './gnu/footer';
import type { GetoptSpec } from './gnu/getopt';
import { eachInputLine, eachInTurn, withNewline } from './gnu/lines';
import { parseCount, utf8Length, utf8Slice } from './gnu/numbers';
import {
  argmatchError,
  openFile,
  optionNames,
  parseArgs,
  quote,
  quoteAlways,
  quoteIfNeeded,
} from './gnu/program';
import type { GnuProgram } from './gnu/program';

const program: GnuProgram = {
  name: 'tail',
  pkg: 'coreutils',
  authors: ['Paul Rubin', 'David MacKenzie', 'Ian Lance Taylor', 'Jim Meyering'],
  usageStatus: 1,
  help:
    'Usage: tail [OPTION]... [FILE]...\n' +
    'Print the last 10 lines of each FILE to standard output.\n' +
    'With more than one FILE, precede each with a header giving the file name.\n\n' +
    'With no FILE, or when FILE is -, read standard input.\n\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -c, --bytes=[+]NUM       output the last NUM bytes; or use -c +NUM to\n' +
    '                             output starting with byte NUM of each file\n' +
    '  -f, --follow[={name|descriptor}]\n' +
    '                           output appended data as the file grows;\n' +
    "                             an absent option argument means 'descriptor'\n" +
    '  -F                       same as --follow=name --retry\n' +
    '  -n, --lines=[+]NUM       output the last NUM lines, instead of the last 10;\n' +
    '                             or use -n +NUM to output starting with line NUM\n' +
    '  -q, --quiet, --silent    never output headers giving file names\n' +
    '      --retry              keep trying to open a file if it is inaccessible\n' +
    '  -s, --sleep-interval=N   with -f, sleep for approximately N seconds\n' +
    '                             (default 1.0) between iterations\n' +
    '  -v, --verbose            always output headers giving file names\n' +
    helpVersionLines +
    multiplierHelp +
    coreutilsFooter('tail'),
};

const spec: GetoptSpec = {
  short: 'c:n:fFqs:v',
  long: [
    { name: 'bytes', arg: 'required', key: 'c' },
    { name: 'follow', arg: 'optional', key: 'follow' },
    { name: 'lines', arg: 'required', key: 'n' },
    { name: 'quiet', arg: 'none', key: 'q' },
    { name: 'retry', arg: 'none', key: 'retry' },
    { name: 'silent', arg: 'none', key: 'q' },
    { name: 'sleep-interval', arg: 'required', key: 's' },
    { name: 'verbose', arg: 'none', key: 'v' },
  ],
};

/** How often a followed file is looked at, virtual ms (GNU's inotify sees appends at once). */
export const FOLLOW_POLL_MS = 100;

interface Amount {
  unit: 'lines' | 'bytes';
  count: number;
  /** `-n +NUM`: from line NUM on. */
  fromStart: boolean;
}

/** `tail -5`, `tail +2`, `tail -3f`, `tail -c`… as the first argument (tail.c parse_obsolete_option). */
function obsoleteArgs(args: readonly string[]): string[] {
  const m = /^([-+])(\d*)([bcl]?)(f?)$/.exec(args[0] ?? '');
  if (!m || (m[1] === '-' && m[2] === '') || (m[2] === '' && m[3] === '' && m[4] === ''))
    return [...args];
  const count = `${m[1] === '+' ? '+' : ''}${m[2] || '10'}${m[3] === 'b' ? 'b' : ''}`;
  return [m[3] === 'c' ? `-c${count}` : `-n${count}`, ...(m[4] ? ['-f'] : []), ...args.slice(1)];
}

function run(ctx: ProcessContext): void {
  const parsed = parseArgs(ctx, program, spec, obsoleteArgs(ctx.argv.slice(1)));
  if (!parsed) return;
  const amount: Amount = { unit: 'lines', count: 10, fromStart: false };
  let headers: boolean | undefined;
  let follow: 'descriptor' | 'name' | undefined;
  let retry = false;
  for (const o of parsed.options) {
    switch (o.key) {
      case 'q':
        headers = false;
        break;
      case 'v':
        headers = true;
        break;
      case 'f':
        follow = 'descriptor';
        break;
      case 'F':
        follow = 'name';
        retry = true;
        break;
      case 'retry':
        retry = true;
        break;
      case 'follow': {
        const how = o.value ?? 'descriptor';
        const match = ['name', 'descriptor'].filter((w) => w.startsWith(how) && how !== '');
        if (match.length !== 1)
          return argmatchError(ctx, program, how, '--follow', [['descriptor'], ['name']]);
        follow = match[0] as 'name' | 'descriptor';
        break;
      }
      case 's':
        if (!/^(\d+\.?\d*|\.\d+)$/.test(o.value!)) {
          ctx.stderr(`tail: invalid number of seconds: ${quote(o.value!)}\n`);
          return ctx.exit(1);
        }
        break;
      default: {
        const unit = o.key === 'c' ? 'bytes' : 'lines';
        let text = o.value!;
        const fromStart = text.startsWith('+');
        if (fromStart || text.startsWith('-')) text = text.slice(1);
        const count = parseCount(text);
        if (count === 'invalid' || count === 'overflow') {
          const tooBig = count === 'overflow' ? ': Value too large for defined data type' : '';
          ctx.stderr(`tail: invalid number of ${unit}: ${quote(text)}${tooBig}\n`);
          return ctx.exit(1);
        }
        Object.assign(amount, { unit, count, fromStart });
      }
    }
  }
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const showHeaders = headers ?? files.length > 1;
  let status = 0;
  let first = true;
  const header = (name: string) => {
    if (!showHeaders) return;
    ctx.stdout(`${first ? '' : '\n'}==> ${name} <==\n`);
    first = false;
  };
  const followed: Followed[] = [];
  eachInTurn(
    files,
    (name, next) => {
      if (name === '-') {
        header('standard input');
        return tailOfInput(ctx, amount, next);
      }
      const file = openFile(ctx, name);
      if ('error' in file) {
        if (file.error === 'Is a directory') {
          header(name);
          ctx.stderr(`tail: error reading ${quoteAlways(name)}: Is a directory\n`);
        } else ctx.stderr(`tail: cannot open ${quoteAlways(name)} for reading: ${file.error}\n`);
        status = 1;
        if (follow && retry && file.error !== 'Is a directory')
          followed.push({ name, printed: undefined });
        return next();
      }
      header(name);
      ctx.stdout(tailOfText(file.text, amount));
      if (follow) followed.push({ name, printed: file.text.length });
      next();
    },
    () => {
      if (!follow) return ctx.exit(status);
      if (followed.length === 0) {
        // A pipe is not followed: it has ended.
        if (files.includes('-')) return ctx.exit(status);
        ctx.stderr('tail: no files remaining\n');
        return ctx.exit(1);
      }
      new Follower(ctx, followed, showHeaders, follow, files.length - 1).start();
    },
  );
}

/** The part of a whole text `amount` asks for. */
function tailOfText(text: string, amount: Amount): string {
  const { unit, count, fromStart } = amount;
  if (unit === 'bytes') {
    const bytes = utf8Length(text);
    const start = fromStart ? Math.max(0, count - 1) : Math.max(0, bytes - count);
    return start >= bytes ? '' : utf8Slice(text, start);
  }
  if (fromStart) {
    let at = 0;
    for (let line = 1; line < count && at < text.length; line++) {
      const nl = text.indexOf('\n', at);
      at = nl < 0 ? text.length : nl + 1;
    }
    return text.slice(at);
  }
  if (count === 0) return '';
  // The last `count` newlines, not counting one that ends the text.
  let at = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let n = 0; n < count; n++) {
    const nl = at > 0 ? text.lastIndexOf('\n', at - 1) : -1;
    if (nl < 0) return text;
    at = nl;
  }
  return text.slice(at + 1);
}

/** Standard input: `+NUM` streams from line NUM on; otherwise the end is printed at end of input. */
function tailOfInput(ctx: ProcessContext, amount: Amount, done: () => void): void {
  if (amount.fromStart && amount.unit === 'lines') {
    let n = 0;
    return eachInputLine(
      ctx.stdin,
      (line, newline) => {
        if (++n >= amount.count) ctx.stdout(withNewline(line, newline));
      },
      done,
    );
  }
  const held: string[] = [];
  eachInputLine(
    ctx.stdin,
    (line, newline) => {
      held.push(withNewline(line, newline));
      if (amount.unit === 'lines' && held.length > amount.count) held.shift();
    },
    () => {
      ctx.stdout(tailOfText(held.join(''), amount));
      done();
    },
  );
}

interface Followed {
  name: string;
  /** How much of the file has been printed, UTF-16 units; undefined while it is missing. */
  printed: number | undefined;
}

/** `tail -f`: looks at each followed file every {@link FOLLOW_POLL_MS} and prints what was added. */
class Follower {
  constructor(
    private readonly ctx: ProcessContext,
    private readonly files: Followed[],
    private readonly headers: boolean,
    private readonly mode: 'descriptor' | 'name',
    /** tail.c starts with the last operand as the one last printed. */
    private last: number,
  ) {}

  start(): void {
    this.ctx.clock.schedule(FOLLOW_POLL_MS, () => this.poll());
  }

  private poll(): void {
    const { ctx } = this;
    this.files.forEach((f, i) => {
      const file = openFile(ctx, f.name);
      const text = 'text' in file ? file.text : undefined;
      if (text === undefined) {
        if (f.printed !== undefined && this.mode === 'name') {
          ctx.stderr(
            `tail: ${quoteAlways(f.name)} has become inaccessible: No such file or directory\n`,
          );
          f.printed = undefined;
        }
        return;
      }
      if (f.printed === undefined) {
        if (this.mode === 'descriptor') return;
        ctx.stderr(`tail: ${quoteAlways(f.name)} has appeared;  following new file\n`);
        f.printed = 0;
      } else if (text.length < f.printed) {
        ctx.stderr(`tail: ${quoteIfNeeded(f.name)}: file truncated\n`);
        f.printed = 0;
      }
      if (text.length === f.printed) return;
      if (i !== this.last && this.headers) ctx.stdout(`\n==> ${f.name} <==\n`);
      this.last = i;
      ctx.stdout(text.slice(f.printed));
      f.printed = text.length;
    });
    ctx.clock.schedule(FOLLOW_POLL_MS, () => this.poll());
  }
}

export const tailTool: Tool = {
  name: 'tail',
  summary: 'Output the last part of files; -f follows them as they grow.',
  optionNames: optionNames(spec),
  run,
};

/**
 * Builtins that steer loops and functions and read input, with bash's messages: `break [n]`,
 * `continue [n]` (builtins/break.def), `return [n]`, `shift [n]`, `local NAME[=VALUE]…` and
 * `read [-r] [-p prompt] [name …]` (builtins/read.def).
 */
import { defaultIfs } from '../../shell/parse/index';
import type { ShellSession } from '../session';
import { setPositional } from '../shellFunctions';
import type { ProcessContext, Tool } from '../types';

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

function loopControl(session: ShellSession, kind: 'break' | 'continue'): Tool {
  return {
    name: kind,
    summary:
      kind === 'break' ? 'Exit for, while, or until loops.' : 'Resume for, while, or until loops.',
    run(ctx) {
      if (session.loopDepth === 0) {
        ctx.stderr(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
        return ctx.exit(0);
      }
      const arg = ctx.argv[1] ?? '1';
      if (!/^[-+]?\d+$/.test(arg)) {
        ctx.stderr(`bash: ${kind}: ${arg}: numeric argument required\n`);
        session.loopControl = { kind: 'break', levels: session.loopDepth };
        return ctx.exit(128);
      }
      const levels = Number(arg);
      if (levels < 1) {
        ctx.stderr(`bash: ${kind}: ${arg}: loop count out of range\n`);
        return ctx.exit(1);
      }
      session.loopControl = { kind, levels: Math.min(levels, session.loopDepth) };
      ctx.exit(0);
    },
  };
}

/** `return [n]`: ends the running function with status n (default: `$?`). */
function returnBuiltin(session: ShellSession): Tool {
  return {
    name: 'return',
    summary: 'Return from a shell function.',
    run(ctx) {
      if (session.functionDepth === 0) {
        ctx.stderr("bash: return: can only `return' from a function or sourced script\n");
        return ctx.exit(2);
      }
      const arg = ctx.argv[1];
      let status = session.lastStatus;
      if (arg !== undefined) {
        if (/^[-+]?\d+$/.test(arg)) status = Number(BigInt.asUintN(8, BigInt(arg)));
        else {
          ctx.stderr(`bash: return: ${arg}: numeric argument required\n`);
          status = 2;
        }
      }
      session.loopControl = { kind: 'return', levels: 0, status };
      ctx.exit(status);
    },
  };
}

/** `shift [n]`: drops the first n positional parameters; status 1 when there are fewer. */
function shiftBuiltin(session: ShellSession): Tool {
  return {
    name: 'shift',
    summary: 'Shift positional parameters.',
    run(ctx) {
      const arg = ctx.argv[1] ?? '1';
      if (!/^\d+$/.test(arg)) {
        ctx.stderr(`bash: shift: ${arg}: numeric argument required\n`);
        return ctx.exit(1);
      }
      const n = Number(arg);
      const count = Number(session.vars.get('#') ?? '0');
      if (n > count) return ctx.exit(1);
      const args: string[] = [];
      for (let i = n + 1; i <= count; i++) args.push(session.vars.get(String(i)) ?? '');
      setPositional(session.vars, args, count);
      ctx.exit(0);
    },
  };
}

/** `local NAME[=VALUE]…`: variables restored when the function returns. */
function localBuiltin(session: ShellSession): Tool {
  return {
    name: 'local',
    summary: 'Define local variables.',
    run(ctx) {
      const frame = session.localFrames[session.localFrames.length - 1];
      if (frame === undefined) {
        ctx.stderr('bash: local: can only be used in a function\n');
        return ctx.exit(1);
      }
      let status = 0;
      for (const arg of ctx.argv.slice(1)) {
        const eq = arg.indexOf('=');
        const name = eq < 0 ? arg : arg.slice(0, eq);
        if (!namePattern.test(name)) {
          ctx.stderr(`bash: local: \`${arg}': not a valid identifier\n`);
          status = 1;
          continue;
        }
        if (!frame.has(name)) frame.set(name, session.vars.get(name));
        if (eq >= 0) session.vars.set(name, arg.slice(eq + 1));
        else session.vars.unset(name);
      }
      ctx.exit(status);
    },
  };
}

/**
 * `read`: one line of standard input split on `$IFS` into the names (the last takes the rest),
 * `REPLY` without names. Without `-r` a backslash escapes the next character and a trailing one
 * joins the next line. Status 1 at end of input.
 */
function readBuiltin(session: ShellSession): Tool {
  return {
    name: 'read',
    summary: 'Read a line from the standard input and split it into fields.',
    run(ctx) {
      let raw = false;
      let prompt: string | undefined;
      const args = ctx.argv.slice(1);
      let i = 0;
      for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
        const option = args[i]!;
        if (option === '--') {
          i++;
          break;
        }
        if (option === '-r') raw = true;
        else if (option === '-p') prompt = args[++i] ?? '';
        else if (option.startsWith('-p')) prompt = option.slice(2);
        else {
          ctx.stderr(`bash: read: ${option}: invalid option\n`);
          ctx.stderr(
            'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n',
          );
          return ctx.exit(2);
        }
      }
      const names = args.slice(i);
      const invalid = names.find((n) => !namePattern.test(n));
      if (invalid !== undefined) {
        ctx.stderr(`bash: read: \`${invalid}': not a valid identifier\n`);
        return ctx.exit(1);
      }
      if (prompt !== undefined && ctx.stdin.isTTY) ctx.stderr(prompt);
      readLogicalLine(ctx, raw, (line, complete) => {
        if (line === null) return ctx.exit(1);
        assign(session, names, line, raw);
        ctx.exit(complete ? 0 : 1);
      });
    },
  };
}

/** Reads a line, joining `\`-newline continuations unless `raw`; `complete` when it had its newline. */
function readLogicalLine(
  ctx: ProcessContext,
  raw: boolean,
  done: (line: string | null, complete: boolean) => void,
): void {
  let text = '';
  let started = false;
  const more = () =>
    ctx.stdin.readLine((line, newline = true) => {
      if (line === null) return done(started ? text : null, false);
      started = true;
      const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
      if (!raw && trailing % 2 === 1 && newline) {
        text += line.slice(0, -1);
        return more();
      }
      text += line;
      done(text, newline);
    });
  more();
}

/** Splits `line` on `$IFS` into `names` as bash's `read` does. */
function assign(session: ShellSession, names: string[], line: string, raw: boolean): void {
  if (names.length === 0) {
    session.vars.set('REPLY', raw ? line : unescape(line));
    return;
  }
  const ifs = session.vars.get('IFS') ?? defaultIfs;
  const whitespace = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWs = (c: string) => whitespace.includes(c);
  const isIfs = (c: string) => ifs.includes(c);
  // Characters with a backslash before them are literal: never separators.
  const chars: { c: string; literal: boolean }[] = [];
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (!raw && c === '\\' && k + 1 < line.length) chars.push({ c: line[++k]!, literal: true });
    else if (!raw && c === '\\') continue;
    else chars.push({ c, literal: false });
  }
  let pos = 0;
  const skipWs = () => {
    while (pos < chars.length && !chars[pos]!.literal && isWs(chars[pos]!.c)) pos++;
  };
  skipWs();
  names.forEach((name, n) => {
    if (n === names.length - 1) {
      let end = chars.length;
      while (end > pos && !chars[end - 1]!.literal && isWs(chars[end - 1]!.c)) end--;
      session.vars.set(
        name,
        chars
          .slice(pos, end)
          .map((x) => x.c)
          .join(''),
      );
      pos = chars.length;
      return;
    }
    let value = '';
    while (pos < chars.length && (chars[pos]!.literal || !isIfs(chars[pos]!.c)))
      value += chars[pos++]!.c;
    skipWs();
    if (pos < chars.length && !isWs(chars[pos]!.c) && isIfs(chars[pos]!.c)) {
      pos++;
      skipWs();
    }
    session.vars.set(name, value);
  });
}

function unescape(line: string): string {
  return line.replace(/\\(.)/g, '$1').replace(/\\$/, '');
}

/** `break`, `continue`, `return`, `shift`, `local` and `read` for `session`. */
export function loopBuiltins(session: ShellSession): Tool[] {
  return [
    loopControl(session, 'break'),
    loopControl(session, 'continue'),
    returnBuiltin(session),
    shiftBuiltin(session),
    localBuiltin(session),
    readBuiltin(session),
  ];
}

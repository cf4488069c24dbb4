import { describe, expect, it } from 'vitest';
import {
  type Expansion,
  type ExpansionEnv,
  ExpansionError,
  expandWord,
  wordExpansion,
  wordsExpansion,
} from './expand';
import { splitFields } from './fields';
import { argv, envOf, simpleCommands } from './testEnv';

// Expected values were checked against GNU bash 5.2 (`printf '<%s>' …`).
const env = envOf(
  { HOME: '/home/kafka', KAFKA_HOME: '/opt/kafka', V: ' x  y ', E: '', PWD: '/work' },
  3,
);

describe('parameter expansion (bash manual §3.5.3)', () => {
  it('$VAR and ${VAR} expand; text may follow ${VAR} directly', () => {
    expect(argv('echo $KAFKA_HOME/bin ${KAFKA_HOME}x', env)).toEqual([
      'echo',
      '/opt/kafka/bin',
      '/opt/kafkax',
    ]);
  });

  it('$? is the last exit status', () => {
    expect(argv('echo $? "$?"', env)).toEqual(['echo', '3', '3']);
  });

  it('$$ and $! come from the runtime', () => {
    expect(argv('echo $$ $!', envOf({ $: '4242', '!': '4300' }))).toEqual(['echo', '4242', '4300']);
  });

  it('an unset ${topic_name} vanishes, leaving --topic without a value, as in bash', () => {
    expect(
      argv('kafka-topics.sh --create --topic ${topic_name} --bootstrap-server localhost:9092', env),
    ).toEqual(['kafka-topics.sh', '--create', '--topic', '--bootstrap-server', 'localhost:9092']);
  });

  it('a quoted unset variable is one empty argument', () => {
    expect(argv('echo "$UNSET" "${topic_name}"', env)).toEqual(['echo', '', '']);
  });

  it('${VAR:-word} uses word when VAR is unset or empty; ${VAR-word} only when unset', () => {
    // ${E-d} is E's empty value, unquoted: no argument at all.
    expect(argv('echo ${U:-d} ${E:-d} ${E-d} ${U-d} ${KAFKA_HOME:-d}', env)).toEqual([
      'echo',
      'd',
      'd',
      'd',
      '/opt/kafka',
    ]);
  });

  it('${VAR:+word} uses word only when VAR is set and not empty', () => {
    expect(argv('echo ${KAFKA_HOME:+set} ${E:+set} ${E+set} ${U+set}', env)).toEqual([
      'echo',
      'set',
      'set',
    ]);
  });

  it('the default word may hold expansions and quotes', () => {
    expect(argv('echo ${U:-$KAFKA_HOME/config} ${U:-"a  b" c} "${U:-\'q\'}"', env)).toEqual([
      'echo',
      '/opt/kafka/config',
      'a  b',
      'c',
      "'q'",
    ]);
  });

  it('${VAR:=word} assigns through env.set', () => {
    const vars: Record<string, string> = {};
    const assigning: ExpansionEnv = {
      get: (n) => vars[n],
      set: (n, v) => (vars[n] = v),
      lastStatus: 0,
    };
    expect(argv('echo ${TOPIC:=orders}', assigning)).toEqual(['echo', 'orders']);
    expect(vars.TOPIC).toBe('orders');
  });

  it("${VAR:?message} fails with bash's message", () => {
    expect(() => argv('echo ${TOPIC:?set TOPIC first}', env)).toThrow('TOPIC: set TOPIC first');
    expect(() => argv('echo ${E:?}', env)).toThrow('E: parameter null or not set');
    expect(() => argv('echo ${U?}', env)).toThrow('U: parameter not set');
  });

  it('${#VAR} counts characters, Korean included', () => {
    expect(
      argv('echo ${#KAFKA_HOME} ${#K}', envOf({ KAFKA_HOME: '/opt/kafka', K: '한국어' })),
    ).toEqual(['echo', '10', '3']);
  });

  it('${VAR%pattern} and ${VAR#pattern} remove the shortest, %% and ## the longest match', () => {
    const files = envOf({ F: 'server.properties', K: '한국어' });
    expect(
      argv('echo ${F%.*} ${F#*.} ${F%%e*} ${F##*e} ${F%".*"} "${F%.*}" ${K%어}', files),
    ).toEqual(['echo', 'server', 'properties', 's', 's', 'server.properties', 'server', '한국']);
  });

  it('a malformed ${…} parses but fails when expanded with bad substitution', () => {
    const [command] = simpleCommands('echo ${a b}');
    const word = command?.words[1];
    expect(word).toBeDefined();
    if (word === undefined) return;
    expect(() => expandWord(word, env)).toThrow(
      new ExpansionError('BAD_SUBSTITUTION', '${a b}: bad substitution'),
    );
  });

  it('valid forms this shell does not implement fail clearly', () => {
    expect(() => argv('echo ${F/a/b}', env)).toThrow(
      '${F/a/b}: expansion not supported in this shell',
    );
  });

  it('without env.commandSubstitution, the synchronous API refuses $(…)', () => {
    expect(() => argv('echo $(date)', env)).toThrow(
      'command substitution is not supported in this shell',
    );
  });

  it('command substitution runs through env.commandSubstitution, trailing newlines removed', () => {
    const withSubstitution: ExpansionEnv = {
      ...env,
      commandSubstitution: (source) => `[${source}]\n\n`,
    };
    expect(argv('echo $(hostname -f) "`id -u`"', withSubstitution)).toEqual([
      'echo',
      '[hostname',
      '-f]',
      '[id -u]',
    ]);
  });

  it('$ before a character that starts no expansion is literal', () => {
    expect(argv('echo $ $% "$" a$ $/x', env)).toEqual(['echo', '$', '$%', '$', 'a$', '$/x']);
  });

  it('nothing expands inside single quotes', () => {
    expect(argv("echo '$KAFKA_HOME ${U:-d} ~'", env)).toEqual(['echo', '$KAFKA_HOME ${U:-d} ~']);
  });
});

describe('tilde expansion (bash manual §3.5.2)', () => {
  it('~ at the start of a word is $HOME; quoted or mid-word it is not', () => {
    expect(argv('echo ~ ~/config x~ "~" \\~ ~+', env)).toEqual([
      'echo',
      '/home/kafka',
      '/home/kafka/config',
      'x~',
      '~',
      '~',
      '/work',
    ]);
  });

  it('assignments expand ~ after = and after each :', () => {
    const [command] = simpleCommands('P=~/a:~/b cmd a=~/x --opt=~/x');
    const assignment = command?.assignments[0];
    expect(assignment?.name).toBe('P');
    expect(assignment && expandWord(assignment.value, env)).toBe('/home/kafka/a:/home/kafka/b');
    expect(argv('cmd a=~/x --opt=~/x', env)).toEqual(['cmd', 'a=/home/kafka/x', '--opt=~/x']);
  });

  it('~user stays literal', () => {
    expect(argv('echo ~kafka/x', env)).toEqual(['echo', '~kafka/x']);
  });
});

describe('word splitting (bash manual §3.5.7)', () => {
  it('unquoted expansions split on blanks; quoted ones do not', () => {
    expect(argv('printf %s $V "$V" a$V"b"', env)).toEqual([
      'printf',
      '%s',
      'x',
      'y',
      ' x  y ',
      'a',
      'x',
      'y',
      'b',
    ]);
  });

  it('an unquoted default word splits with the expansion', () => {
    expect(argv('echo ${U:-a  b} "${U:-a  b}"', env)).toEqual(['echo', 'a', 'b', 'a  b']);
  });

  it('words that expand to nothing unquoted disappear', () => {
    expect(argv('echo $UNSET $E$E x$UNSET', env)).toEqual(['echo', 'x']);
  });

  it('literal text is never split, even on IFS characters', () => {
    expect(argv('echo a:b $C', envOf({ IFS: ':', C: 'c:d' }))).toEqual(['echo', 'a:b', 'c', 'd']);
  });

  it('non-blank IFS characters delimit empty fields; a trailing one does not', () => {
    const seg = (text: string) => [{ text, split: true, quoted: false }];
    expect(splitFields(seg(':a::b:'), ':')).toEqual(['', 'a', '', 'b']);
    expect(splitFields(seg(' :a : b :'), ' :')).toEqual(['', 'a', 'b']);
  });

  it('an empty IFS disables splitting', () => {
    expect(argv('echo $V', envOf({ IFS: '', V: 'a b' }))).toEqual(['echo', 'a b']);
  });

  it('"$@" without positional parameters is no argument', () => {
    expect(argv('echo "$@" x"$@"y', env)).toEqual(['echo', 'xy']);
  });
});

/** Runs `expansion`, answering each substitution from `results` in order; returns value and sources. */
function drive<T>(
  expansion: Expansion<T>,
  results: [output: string, status: number][],
): { value: T; sources: string[] } {
  const sources: string[] = [];
  for (let step = expansion.next(); ;) {
    if (step.done) return { value: step.value, sources };
    sources.push(step.value);
    const [output, status] = results[sources.length - 1] ?? ['', 0];
    step = expansion.next({ output, status });
  }
}

const words = (text: string) => simpleCommands(text)[0]?.words ?? [];

describe('command substitution as a resumable expansion (bash manual §3.5.4)', () => {
  it('yields each $(…) and `…` source left to right and resumes with its output', () => {
    const { value, sources } = drive(wordsExpansion(words('echo $(hostname -f) "`id -u`"'), env), [
      ['kafka1.local\n', 0],
      ['0\n\n', 0],
    ]);
    expect(sources).toEqual(['hostname -f', 'id -u']);
    expect(value).toEqual(['echo', 'kafka1.local', '0']);
  });

  it('trailing newlines are removed; inner ones split unquoted and stay quoted', () => {
    const { value } = drive(wordsExpansion(words('echo $(x) "$(x)"'), env), [
      ['a  b\nc\n\n\n', 0],
      ['a  b\nc\n\n\n', 0],
    ]);
    expect(value).toEqual(['echo', 'a', 'b', 'c', 'a  b\nc']);
  });

  it('an unquoted substitution that prints nothing is no argument; a quoted one is empty', () => {
    const { value } = drive(wordsExpansion(words('echo $(true) "$(true)" x'), env), []);
    expect(value).toEqual(['echo', '', 'x']);
  });

  it('$? after a substitution is its status, for the rest of the command (bash sets it at once)', () => {
    const { value } = drive(wordsExpansion(words('echo $?$(false) $?'), env), [['', 1]]);
    expect(value).toEqual(['echo', '3', '1']);
  });

  it('${X:-$(cmd)} runs cmd only when X is unset or empty', () => {
    const set = drive(wordExpansion(words('echo ${KAFKA_HOME:-$(pwd)}')[1]!, env), []);
    expect(set).toEqual({ value: '/opt/kafka', sources: [] });
    const unset = drive(wordExpansion(words('echo ${NOPE:-$(pwd)}')[1]!, env), [['/root\n', 0]]);
    expect(unset).toEqual({ value: '/root', sources: ['pwd'] });
  });

  it('nested substitutions are one source: the inner one is the subshell’s to run', () => {
    const { sources } = drive(wordsExpansion(words('echo $(echo $(echo x))'), env), [['x', 0]]);
    expect(sources).toEqual(['echo $(echo x)']);
  });

  it('a bad ${…} after a substitution still throws, once the substitution has run', () => {
    const expansion = wordsExpansion(words('echo $(date) ${a b}'), env);
    expect(expansion.next()).toEqual({ done: false, value: 'date' });
    expect(() => expansion.next({ output: 'now', status: 0 })).toThrow(
      new ExpansionError('BAD_SUBSTITUTION', '${a b}: bad substitution'),
    );
  });
});

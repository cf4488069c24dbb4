/**
 * Compound commands, brace expansion, arithmetic and conditionals in the shell, end to end: loops
 * feeding Kafka's console producer, loops in virtual time, Ctrl-C ending a loop, and bash's
 * messages for malformed input.
 */
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../src/cli/headless/runHeadless';
import { Terminal } from './harness';

const BOOTSTRAP = '--bootstrap-server localhost:9092';

describe('loops feeding Kafka', () => {
  it('a for loop over {1..10} piped into the console producer writes 10 records a consumer reads', () => {
    const t = new Terminal();
    const produced = t.run(
      `for i in {1..10}; do echo "msg-$i"; done | kafka-console-producer.sh ${BOOTSTRAP} --topic orders`,
    );
    expect(produced.status).toBe(0);
    const consumed = t.run(
      `kafka-console-consumer.sh ${BOOTSTRAP} --topic orders --from-beginning --max-messages 10`,
    );
    expect(consumed.stdout.trim().split('\n').sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `msg-${i + 1}`).sort(),
    );
    expect(consumed.stderr).toContain('Processed a total of 10 messages');
  });

  it('a loop body that runs a Kafka tool waits for it before the next iteration', () => {
    const t = new Terminal();
    t.run(`kafka-topics.sh ${BOOTSTRAP} --create --topic orders --partitions 1`);
    const r = t.run(
      `for k in a b c; do echo "$k" | kafka-console-producer.sh ${BOOTSTRAP} --topic orders; done\n` +
        `kafka-console-consumer.sh ${BOOTSTRAP} --topic orders --from-beginning --max-messages 3`,
    );
    expect(r.stdout).toBe('a\nb\nc\n');
  });
});

describe('loops in virtual time', () => {
  it('sleep 1 in a three-pass loop advances the clock by 3 s', () => {
    const t = new Terminal();
    const before = t.cluster.scheduler.now;
    const r = t.run('for i in 1 2 3; do sleep 1; echo "tick $i"; done');
    expect(r.stdout).toBe('tick 1\ntick 2\ntick 3\n');
    expect(t.cluster.scheduler.now - before).toBe(3000);
  });

  it('wait waits in virtual time for the jobs a loop started in the background', () => {
    const t = new Terminal();
    const before = t.cluster.scheduler.now;
    const r = t.run('for i in 3 1 2; do (sleep $i; echo "job $i") & done; wait; echo all');
    expect(r.stdout).toBe('job 1\njob 2\njob 3\nall\n');
    expect(t.cluster.scheduler.now - before).toBeGreaterThanOrEqual(3000);
    expect(t.run('(exit 3) & wait $!; echo $?').stdout).toBe('3\n');
    expect(t.run('wait %9')).toMatchObject({
      stderr: 'bash: wait: %9: no such job\n',
      status: 127,
    });
  });

  it('Ctrl-C ends an infinite loop whose body never waits, and the clock keeps moving', () => {
    const t = new Terminal();
    const result = t.start('n=0; while true; do n=$((n+1)); done; echo after');
    t.wait(50);
    expect(result().status).toBeUndefined();
    t.interrupt();
    t.wait(10);
    expect(result()).toMatchObject({ status: 130, stdout: '' });
    // A thousand passes in the first millisecond, then one a millisecond.
    expect(Number(t.session.vars.get('n'))).toBeGreaterThan(1000);
    expect(Number(t.session.vars.get('n'))).toBeLessThan(1100);
  });

  it('Ctrl-C ends a loop while its body sleeps, as bash does', () => {
    const t = new Terminal();
    const result = t.start('while true; do sleep 1; echo tick; done');
    t.wait(2500);
    t.interrupt();
    t.wait(2000);
    expect(result()).toEqual({ stdout: 'tick\ntick\n', stderr: '', status: 130 });
  });

  it('Ctrl-C that kills a command abandons the rest of its line; a consumer that exits lets it go on', () => {
    const t = new Terminal();
    const killed = t.start('sleep 10; echo after');
    t.wait(1000);
    t.interrupt();
    t.wait(10);
    expect(killed()).toEqual({ stdout: '', stderr: '', status: 130 });
    const caught = t.start(
      `kafka-console-consumer.sh ${BOOTSTRAP} --topic none --timeout-ms 600000; echo after`,
    );
    t.wait(3000);
    t.interrupt();
    t.wait(1000);
    expect(caught().stdout).toBe('after\n');
  });

  it('Ctrl-C ends a loop piped into a console producer', () => {
    const t = new Terminal();
    const result = t.start(
      `while true; do echo hi; sleep 1; done | kafka-console-producer.sh ${BOOTSTRAP} --topic orders`,
    );
    t.wait(3500);
    t.interrupt();
    t.wait(5000);
    expect(result().status).toBe(130);
  });
});

describe('for, while, until, if, case', () => {
  it('runs multi-line loops, break and continue with levels, and keeps variables after the loop', () => {
    const t = new Terminal();
    expect(t.run('for i in a b\ndo\n  echo $i\ndone').stdout).toBe('a\nb\n');
    expect(
      t.run('for i in 1 2 3; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done')
        .stdout,
    ).toBe('1a\n2a\n3a\n');
    expect(
      t.run('for i in 1 2 3; do for j in x; do break 2; done; echo no; done; echo $i').stdout,
    ).toBe('1\n');
    expect(t.run('x=0; while [ $x -lt 3 ]; do x=$((x+1)); done; echo $x').stdout).toBe('3\n');
    expect(t.run('n=3; until (( n == 0 )); do echo $n; ((n--)); done').stdout).toBe('3\n2\n1\n');
    expect(
      t.run(
        'for ((i = 0; i < 5; i++)); do ((i == 1)) && continue; ((i == 3)) && break; echo $i; done',
      ).stdout,
    ).toBe('0\n2\n');
    expect(t.run('for ((;;)); do echo once; break; done').stdout).toBe('once\n');
  });

  it('a loop in a pipeline runs in a subshell: its variables do not survive it', () => {
    const t = new Terminal();
    expect(t.run('y=0; for i in 1 2; do y=$i; done | cat; echo $y').stdout).toBe('0\n');
    // So does each command of a pipeline inside a loop: a break there leaves the loop alone.
    expect(t.run('for i in 1 2; do echo x | break; echo $i; done').stdout).toBe('1\n2\n');
  });

  it('break outside a loop prints bash message and succeeds', () => {
    const t = new Terminal();
    expect(t.run('break')).toEqual({
      stdout: '',
      stderr: "bash: break: only meaningful in a `for', `while', or `until' loop\n",
      status: 0,
    });
  });

  it('if, elif and else pick the branch whose condition succeeds', () => {
    const t = new Terminal();
    const script = (v: string) =>
      `v=${v}; if [ "$v" -eq 1 ]; then echo one; elif [[ $v == 2* ]]; then echo two; else echo other; fi`;
    expect(t.run(script('1')).stdout).toBe('one\n');
    expect(t.run(script('25')).stdout).toBe('two\n');
    expect(t.run(script('7')).stdout).toBe('other\n');
    expect(t.run('if false; then echo x; fi').status).toBe(0);
  });

  it('case matches patterns in order', () => {
    const t = new Terminal();
    const r = t.run(
      'for f in a.log b.txt c; do case $f in *.log) echo "log $f";; *.txt|*.md) echo "doc $f";; *) echo "other $f";; esac; done',
    );
    expect(r.stdout).toBe('log a.log\ndoc b.txt\nother c\n');
    // `;&` falls into the next body, `;;&` goes on matching; no match is status 0.
    expect(
      t.run('x=abc; case $x in a*) echo A;;& *b*) echo B;& zz) echo Z;; *) echo no;; esac').stdout,
    ).toBe('A\nB\nZ\n');
    expect(t.run('false; case q in a) ;; esac').status).toBe(0);
  });

  it('read splits lines from a file, a pipe or a here-document', () => {
    const t = new Terminal();
    t.run('printf "a b c\\nd e\\n" > f.txt');
    expect(t.run('while read -r x rest; do echo "[$x][$rest]"; done < f.txt').stdout).toBe(
      '[a][b c]\n[d][e]\n',
    );
    expect(t.run('seq 3 | while read n; do echo "n=$n"; done').stdout).toBe('n=1\nn=2\nn=3\n');
    expect(t.run('while read line; do echo "<$line>"; done <<EOF\none\ntwo\nEOF').stdout).toBe(
      '<one>\n<two>\n',
    );
  });

  it('( … ) runs in a subshell: cd, variables and exit stay inside', () => {
    const t = new Terminal();
    expect(t.run('x=1; (cd config; x=2; pwd; exit 3); echo "$? $x"; pwd').stdout).toBe(
      '/opt/kafka/config\n3 1\n/opt/kafka\n',
    );
    expect(t.run('(echo a; echo b) | wc -l').stdout).toBe('2\n');
  });

  it('a group redirects its commands as one', () => {
    const t = new Terminal();
    expect(t.run('{ echo a; echo b; } > out.txt; wc -l < out.txt').stdout).toBe('2\n');
  });
});

describe('shell functions', () => {
  it('take positional parameters, "$@" keeps each argument whole, and return sets the status', () => {
    const t = new Terminal();
    const r = t.run(
      'produce() {\n  for m in "$@"; do echo "$1:$m"; done\n  return $#\n}\nproduce a "b c"; echo "status $? args [$1]"',
    );
    expect(r.stdout).toBe('a:a\na:b c\nstatus 2 args []\n');
  });

  it('return leaves loops inside the function, and outside one is an error', () => {
    const t = new Terminal();
    expect(t.run('f() { for i in 1 2; do return 4; done; echo no; }; f; echo $?').stdout).toBe(
      '4\n',
    );
    expect(t.run('return')).toEqual({
      stdout: '',
      stderr: "bash: return: can only `return' from a function or sourced script\n",
      status: 2,
    });
  });

  it('local variables are restored on return and shift drops positional parameters', () => {
    const t = new Terminal();
    const r = t.run(
      'f() { local a=1 b; a=2; echo "in $a [$b]"; shift 2; echo "$# $1"; shift 5; echo $?; }; a=0; f x y z; echo "out $a [$#]"',
    );
    expect(r.stdout).toBe('in 2 []\n1 z\n1\nout 0 [0]\n');
    expect(t.run('local x=1')).toEqual({
      stdout: '',
      stderr: 'bash: local: can only be used in a function\n',
      status: 1,
    });
  });

  it('a function in a pipeline feeds a console producer', () => {
    const t = new Terminal();
    t.run(
      `gen() { for i in $(seq $1); do echo "k$i"; done; }; gen 4 | kafka-console-producer.sh ${BOOTSTRAP} --topic fn`,
    );
    const r = t.run(
      `kafka-console-consumer.sh ${BOOTSTRAP} --topic fn --from-beginning --max-messages 4 | sort`,
    );
    expect(r.stdout).toBe('k1\nk2\nk3\nk4\n');
  });
});

describe('expansions and conditionals', () => {
  it('brace expansion gives one argument each', () => {
    const t = new Terminal();
    expect(t.run('echo msg-{1..3} {a,b}{x,y} {01..03}').stdout).toBe(
      'msg-1 msg-2 msg-3 ax ay bx by 01 02 03\n',
    );
  });

  it('$RANDOM draws 0–32767 from the cluster seed: the same script gives the same keys', () => {
    const keys = () =>
      new Terminal({ seed: 7 }).run('for i in {1..5}; do echo "key-$((RANDOM % 3)) $RANDOM"; done')
        .stdout;
    const first = keys();
    expect(first).toBe(keys());
    const lines = first.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      const [key, n] = line.split(' ');
      expect(key).toMatch(/^key-[0-2]$/);
      expect(Number(n)).toBeLessThan(32768);
    }
    expect(new Set(lines).size).toBeGreaterThan(1);
  });

  it('$((…)) evaluates as bash, with its division-by-zero message', () => {
    const t = new Terminal();
    expect(
      t.run('i=5; echo $((i * 2 + 1)) $((i++)) $i $(( 2**10 )) $((7 % 3 ? 1 : 0))').stdout,
    ).toBe('11 5 6 1024 1\n');
    expect(t.run('echo $((1/0))')).toMatchObject({
      stdout: '',
      stderr: 'bash: 1/0: division by 0 (error token is "0")\n',
      status: 1,
    });
    // As in an interactive bash, the rest of the line is discarded, the loop with it.
    expect(t.run('for i in 1 2; do echo $((i/0)); echo in; done; echo after')).toEqual({
      stdout: '',
      stderr: 'bash: i/0: division by 0 (error token is "0")\n',
      status: 1,
    });
    expect(t.run('echo next').stdout).toBe('next\n');
    expect(t.run('((1/0)); echo $?')).toEqual({
      stdout: '1\n',
      stderr: 'bash: ((: 1/0: division by 0 (error token is "0")\n',
      status: 0,
    });
  });

  it('let evaluates its arguments as arithmetic', () => {
    const t = new Terminal();
    expect(t.run('let i=5 j=i*2; echo $? $i $j; let 0; echo $?').stdout).toBe('0 5 10\n1\n');
    expect(t.run('let 1/0')).toEqual({
      stdout: '',
      stderr: 'bash: let: 1/0: division by 0 (error token is "0")\n',
      status: 1,
    });
  });

  it('test and [ give bash messages and status 2 on malformed expressions', () => {
    const t = new Terminal();
    expect(t.run('[ a = ')).toEqual({ stdout: '', stderr: "bash: [: missing `]'\n", status: 2 });
    expect(t.run('[ abc -eq 1 ]')).toMatchObject({
      stderr: 'bash: [: abc: integer expression expected\n',
      status: 2,
    });
    expect(t.run('test -z "" && [ -n x ] && [ ! -f nope ] && echo ok').stdout).toBe('ok\n');
  });

  it('[[ =~ ]] reads a regular expression with groups and alternatives', () => {
    const t = new Terminal();
    const check = (v: string) =>
      t.run(`v=${v}; [[ $v =~ ^(orders|payments)-[0-9]+$ && -n $v ]] && echo yes || echo no`)
        .stdout;
    expect(check('orders-12')).toBe('yes\n');
    expect(check('users-1')).toBe('no\n');
    expect(t.run('re="^a.c$"; [[ abc =~ $re ]] && echo match').stdout).toBe('match\n');
  });
});

describe('kafka-sim scripts', () => {
  it('a loop over several lines runs as one command, echoed whole', () => {
    let stdout = '';
    let stderr = '';
    const status = runHeadless(
      'for t in a b\ndo\n  echo "topic-$t"\ndone\nwhile true; do\n',
      { echo: true },
      { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
    );
    expect(stdout).toBe('$ for t in a b\ndo\n  echo "topic-$t"\ndone\ntopic-a\ntopic-b\n');
    expect(stderr).toBe('bash: line 6: syntax error: unexpected end of file\n');
    expect(status).toBe(2);
  });
});

describe("a container's shell", () => {
  it('refuses loops with a message instead of running nothing', () => {
    const t = new Terminal();
    expect(
      t.run("docker exec kafka1 bash -c 'for i in 1 2; do echo $i; done; echo after'"),
    ).toEqual({
      stdout: 'after\n',
      stderr: 'bash: for: compound commands are not supported in this shell\n',
      status: 0,
    });
  });
});

describe('syntax errors', () => {
  it('a stray done is bash syntax error, status 2, and nothing of the line runs', () => {
    const t = new Terminal();
    expect(t.run('for i in 1; do echo $i; done; done')).toEqual({
      stdout: '',
      stderr: "bash: syntax error near unexpected token `done'\n",
      status: 2,
    });
  });

  it('an empty body is an error at its closing word', () => {
    const t = new Terminal();
    expect(t.run('if true; then fi').stderr).toBe(
      "bash: syntax error near unexpected token `fi'\n",
    );
  });
});

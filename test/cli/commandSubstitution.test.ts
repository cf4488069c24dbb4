/**
 * Command substitution, `$(…)` and backquotes, through the shell (bash manual §3.5.4): the Kafka
 * 3.9 KRaft quickstart typed verbatim, the inner command in a subshell, its output trimmed and
 * split, `$?`, its stderr on the terminal, and a substitution that never ends until Ctrl-C.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/cli/defaultRegistry';
import { runHeadless } from '../../src/cli/headless/runHeadless';
import { ClusterHost } from '../../src/cli/host/clusterHost';
import type { HostPreset } from '../../src/cli/host/clusterHost';
import { ShellSession } from '../../src/cli/runtime/session';
import { needsMoreInput, parseScript } from '../../src/cli/shell/parse/index';
import { Terminal } from './harness';

/** A shell in a browser terminal (not headless: a consumer waits for records until Ctrl-C). */
function browserTerminal(preset: HostPreset = 'compose') {
  let stdout = '';
  let stderr = '';
  const host = new ClusterHost({ preset });
  const session = new ShellSession({
    host,
    registry: createDefaultRegistry(),
    headless: false,
    interactive: true,
    write: (channel, text) => (channel === 'stdout' ? (stdout += text) : (stderr += text)),
  });
  return {
    host,
    session,
    /** Starts a command line; its status arrives later from the returned function. */
    type(line: string) {
      let status: number | undefined;
      session.submit(parseScript(line).commands[0]!, (s) => (status = s));
      return () => status;
    },
    take() {
      const out = { stdout, stderr };
      stdout = '';
      stderr = '';
      return out;
    },
  };
}

describe('the Kafka 3.9 KRaft quickstart, typed verbatim', () => {
  const quickstart = [
    'KAFKA_CLUSTER_ID="$(bin/kafka-storage.sh random-uuid)"',
    'bin/kafka-storage.sh format --standalone -t $KAFKA_CLUSTER_ID -c config/kraft/reconfig-server.properties',
  ];

  it('in the kraft preset: the cluster id comes from random-uuid and format uses it', () => {
    const t = new Terminal({ mode: 'kraft' });
    expect(t.run(quickstart[0]!)).toEqual({ stdout: '', stderr: '', status: 0 });
    const id = t.run('echo "$KAFKA_CLUSTER_ID"').stdout.trim();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(t.run(quickstart[1]!)).toEqual({
      stdout:
        'Formatting dynamic metadata voter directory /tmp/kraft-combined-logs with metadata.version 3.9-IV0.\n',
      stderr: '',
      status: 0,
    });
    expect(t.session.host.formattedLogDirs.get('/tmp/kraft-combined-logs')).toBe(id);
  });

  it('on an empty machine: random-uuid, format, start the node, create a topic', () => {
    const t = new Terminal({ mode: 'kraft', brokers: 0 });
    for (const line of quickstart) expect(t.run(line).status).toBe(0);
    const start = t.run('bin/kafka-server-start.sh config/kraft/reconfig-server.properties');
    expect(start.status).toBe(0);
    expect(start.stdout).toContain('Kafka Server started (kafka.server.KafkaRaftServer)');
    expect(
      t.run(
        'bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092',
      ),
    ).toEqual({ stdout: 'Created topic quickstart-events.\n', stderr: '', status: 0 });
    const info = t.run('bin/kafka-storage.sh info -c config/kraft/reconfig-server.properties');
    expect(info.stdout).toContain(`cluster.id=${t.session.vars.get('KAFKA_CLUSTER_ID')}`);
  });
});

describe('what a substitution expands to', () => {
  it('the output with trailing newlines removed, inside double quotes kept whole', () => {
    const t = new Terminal();
    const date = t.run('date').stdout.trim();
    expect(t.run('echo "now: $(date)"').stdout).toBe(`now: ${date}\n`);
    expect(t.run('echo "[$(echo a; echo; echo)]"').stdout).toBe('[a]\n');
    expect(t.run('echo "[$(echo "a   b"; echo c)]"').stdout).toBe('[a   b\nc]\n');
  });

  it('unquoted, the output is split into words; nothing at all is no argument', () => {
    const t = new Terminal();
    expect(t.run('echo [$(echo "a   b"; echo c)]').stdout).toBe('[a b c]\n');
    t.run('echo orders > topics.txt; echo payments >> topics.txt');
    expect(t.run('ls $(cat topics.txt)').stderr).toBe(
      "ls: cannot access 'orders': No such file or directory\n" +
        "ls: cannot access 'payments': No such file or directory\n",
    );
    expect(t.run('echo a $(true) "$(true)" b').stdout).toBe('a  b\n');
  });

  it('nested substitutions and backquotes', () => {
    const t = new Terminal();
    expect(t.run('echo $(echo $(echo x))').stdout).toBe('x\n');
    expect(t.run('echo `echo y` "`echo \\`echo z\\``"').stdout).toBe('y z\n');
    expect(t.run('echo "$(echo "$(echo "a  b")")"').stdout).toBe('a  b\n');
  });

  it('in Kafka tool arguments: a topic name from a variable set by $(…) and from a file', () => {
    const t = new Terminal();
    expect(t.run('TOPIC=$(echo orders)')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(
      t.run(
        'kafka-topics.sh --create --topic $TOPIC --partitions 2 --bootstrap-server localhost:9092',
      ).stdout,
    ).toBe('Created topic orders.\n');
    t.run('echo orders > name.txt');
    const describe = t.run(
      'kafka-topics.sh --describe --topic "$(cat name.txt)" --bootstrap-server localhost:9092',
    );
    expect(describe.stdout).toMatch(/^Topic: orders\tTopicId: \S+\tPartitionCount: 2\t/);
    expect(t.run('T=$(< name.txt); echo "[$T]"').stdout).toBe('[orders]\n');
  });

  it('the inner command reads the pipe its command reads', () => {
    const t = new Terminal();
    expect(t.run('echo orders | echo "topic: $(cat)"').stdout).toBe('topic: orders\n');
  });

  it('in redirection targets and here-documents', () => {
    const t = new Terminal();
    t.run('echo hello > $(echo greeting).txt');
    expect(t.run('cat greeting.txt').stdout).toBe('hello\n');
    expect(t.run('cat <<EOF\nfile: $(cat greeting.txt)\nEOF').stdout).toBe('file: hello\n');
  });
});

describe('exit status and standard error', () => {
  it('$? after an assignment-only command is the substitution’s status', () => {
    const t = new Terminal();
    expect(t.run('X=$(false)').status).toBe(1);
    expect(t.run('X=$(false); echo $?').stdout).toBe('1\n');
    expect(t.run('X=$(true) Y=$(exit 3); echo $?').stdout).toBe('3\n');
    expect(t.run('$(exit 4); echo $?').stdout).toBe('4\n');
    // With a command, the command's status counts.
    expect(t.run('echo $(false); echo $?').stdout).toBe('\n0\n');
  });

  it('the inner command’s stderr goes to the terminal, not into the value', () => {
    const t = new Terminal();
    const run = t.run(
      'OUT=$(bin/kafka-storage.sh format -t x -c config/server.properties); echo "[$OUT] $?"',
    );
    expect(run).toEqual({
      stdout: '[] 1\n',
      stderr:
        'The kafka configuration file appears to be for a legacy cluster. Formatting is only supported for clusters in KRaft mode.\n',
      status: 0,
    });
    // Redirections of the outer command come after expansion: they do not catch it.
    expect(t.run('echo $(ls nope) 2>/dev/null').stderr).toBe(
      "ls: cannot access 'nope': No such file or directory\n",
    );
  });

  it('a syntax error inside is reported as bash reports it; the outer command still runs', () => {
    const t = new Terminal();
    expect(t.run('echo "x$(echo a | | b)y"; echo $?')).toEqual({
      stdout: 'xy\n0\n',
      stderr:
        "bash: command substitution: line 1: syntax error near unexpected token `|'\n" +
        "bash: command substitution: line 1: `echo a | | b'\n",
      status: 0,
    });
    expect(t.run('X=$(for i in 1; do echo; done; done)')).toEqual({
      stdout: '',
      stderr:
        "bash: command substitution: line 1: syntax error near unexpected token `done'\n" +
        "bash: command substitution: line 1: `for i in 1; do echo; done; done'\n",
      status: 2,
    });
    expect(t.run('X=$(if true; then echo yes; fi); echo $X').stdout).toBe('yes\n');
  });

  it('in a kafka-sim script, the message counts lines on from the command’s line', () => {
    let stdout = '';
    let stderr = '';
    const status = runHeadless(
      'echo a\nX=$(echo | | b)\necho $?\n',
      {},
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    );
    expect({ stdout, stderr, status }).toEqual({
      stdout: 'a\n2\n',
      stderr:
        "bash: command substitution: line 2: syntax error near unexpected token `|'\n" +
        "bash: command substitution: line 2: `echo | | b'\n",
      status: 0,
    });
  });

  it('an unterminated $( asks for more input (PS2); at the end of input it is an EOF error', () => {
    expect(needsMoreInput('echo "$(echo a\n')).toBe(true);
    expect(needsMoreInput('echo "$(echo a\n)"\n')).toBe(false);
    const t = new Terminal();
    expect(t.run('echo $(echo a').stderr).toBe(
      "bash: unexpected EOF while looking for matching `)'\nbash: syntax error: unexpected end of file\n",
    );
  });
});

describe('the inner command runs in a subshell', () => {
  it('its assignments, exports and cd stay inside', () => {
    const t = new Terminal();
    t.run('A=outer');
    expect(t.run('B=$(A=inner; export C=1; cd /root; echo "$A $(pwd)"); echo "$B"').stdout).toBe(
      'inner /root\n',
    );
    expect(t.run('echo "$A [$C] $(pwd)"; pwd').stdout).toBe('outer [] /opt/kafka\n/opt/kafka\n');
  });

  it('it sees the shell’s variables, and exit ends only the subshell', () => {
    const t = new Terminal();
    t.run('TOPIC=orders');
    expect(t.run('echo "$(echo $TOPIC; exit 3; echo never)" $?').stdout).toBe('orders 3\n');
    expect(t.run('echo still here').stdout).toBe('still here\n');
  });
});

describe('a substitution that never ends', () => {
  it('headless: Ctrl-C interrupts the consumer inside; the rest of the line is abandoned (130)', () => {
    const t = new Terminal();
    t.run('kafka-topics.sh --create --topic orders --bootstrap-server localhost:9092');
    const line = t.start(
      'GROUP=$(kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders); echo "after $GROUP"',
    );
    t.wait(5_000);
    expect(line().status).toBeUndefined();
    t.interrupt();
    t.wait(1_000);
    expect(line()).toEqual({
      stdout: '',
      stderr: 'Processed a total of 0 messages\n',
      status: 130,
    });
    expect(t.run('echo "[$GROUP] $?"').stdout).toBe('[] 130\n');
  });

  it('blocks the command line like bash; Ctrl-C interrupts it and abandons the line (130)', () => {
    const term = browserTerminal();
    term.type('kafka-topics.sh --create --topic orders --bootstrap-server localhost:9092');
    term.host.cluster.advance(1_000);
    term.take();
    const status = term.type(
      'GROUP=$(kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders); echo "after $GROUP"',
    );
    term.host.cluster.advance(600_000);
    expect(status()).toBeUndefined();
    expect(term.session.busy).toBe(true);

    term.session.interrupt();
    term.host.cluster.advance(1_000);
    expect(status()).toBe(130);
    expect(term.session.busy).toBe(false);
    expect(term.take()).toEqual({ stdout: '', stderr: 'Processed a total of 0 messages\n' });
    expect(term.session.vars.get('GROUP')).toBeUndefined();

    const next = term.type('echo $?');
    term.host.cluster.advance(0);
    expect(next()).toBe(0);
    expect(term.take().stdout).toBe('130\n');
  });

  it('Ctrl-C reaches a substitution nested in another', () => {
    const term = browserTerminal();
    const status = term.type('echo "$(echo "$(sleep 600)")"; echo after');
    term.host.cluster.advance(10_000);
    term.session.interrupt();
    term.host.cluster.advance(0);
    expect(status()).toBe(130);
    expect(term.take().stdout).toBe('');
  });

  it('kill %1 ends a background job waiting for its substitution', () => {
    const term = browserTerminal();
    term.type('echo "late: $(sleep 600; echo x)" &');
    term.host.cluster.advance(1_000);
    expect(term.take().stderr).toMatch(/^\[1\] \d+\n$/);
    term.type('kill %1');
    term.host.cluster.advance(1_000);
    expect(term.session.takeJobNotices()).toEqual([
      '[1]+  Terminated              echo "late: $(sleep 600; echo x)" &',
    ]);
    term.host.cluster.advance(600_000);
    expect(term.take().stdout).toBe('');
  });

  it('a background job’s substitution runs while later commands do', () => {
    const term = browserTerminal();
    term.type('echo "late: $(sleep 5; echo x)" &');
    term.type('echo first');
    term.host.cluster.advance(6_000);
    expect(term.take().stdout).toBe('first\nlate: x\n');
  });
});

describe('malformed and odd substitutions', () => {
  const piece = fc.constantFrom(
    '$(',
    ')',
    '`',
    '"',
    "'",
    '\\',
    ' ',
    ';',
    '|',
    '&',
    '<',
    '>',
    '\n',
    'echo',
    'x',
    '$?',
    '$X',
    'X=',
    'exit 3',
    'cd /root',
    'sleep 1',
    'cat',
    '${a b}',
    '$((1))',
    'if',
    '<<EOF',
    'EOF',
  );

  it('random lines full of $(, ` and quotes never throw out of the shell and always finish', () => {
    const t = new Terminal();
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const line = pieces.join('');
        let result;
        try {
          result = t.run(line);
        } catch (e) {
          throw new Error(`the shell threw on: ${line}\n${String(e)}`);
        }
        expect(Number.isInteger(result.status), line).toBe(true);
        expect(t.session.busy, line).toBe(false);
        t.run('cd /opt/kafka');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

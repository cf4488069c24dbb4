/** The headless shell's command-line contract (DESIGN §4): `npx kafka-sim [options] [SCRIPT]`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(__dirname, '../../bin/kafka-sim.mjs');

function kafkaSim(args: string[], stdin = '') {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('kafka-sim', () => {
  it('reads commands from stdin, keeps stdout and stderr apart, and exits with the last status', () => {
    const r = kafkaSim([], 'echo one\nnosuchtool --flag\n');
    expect(r.stdout).toBe('one\n');
    expect(r.stderr).toBe('bash: nosuchtool: command not found\n');
    expect(r.status).toBe(127);
  });

  it('--echo prints each command after "$ " like a transcript', () => {
    const r = kafkaSim(['--echo'], 'echo a\necho b\n');
    expect(r.stdout).toBe('$ echo a\na\n$ echo b\nb\n');
    expect(r.status).toBe(0);
  });

  it('runs a SCRIPT file, which may use here-documents and continuations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-sim-'));
    const script = join(dir, 'lesson.sh');
    writeFileSync(script, 'cat <<EOF\nhello \\\nworld\nEOF\necho done \\\n  twice\n');
    const r = kafkaSim([script]);
    expect(r.stdout).toBe('hello world\ndone twice\n');
    expect(r.status).toBe(0);
  });

  it('a missing SCRIPT and bad options are reported', () => {
    expect(kafkaSim(['/nonexistent/lesson.sh'])).toMatchObject({
      status: 127,
      stderr: 'kafka-sim: /nonexistent/lesson.sh: No such file or directory\n',
    });
    expect(kafkaSim(['--mode', 'paxos'])).toMatchObject({
      status: 2,
      stderr: 'kafka-sim: --mode is kraft or zookeeper\n',
    });
    expect(kafkaSim(['--brokers', '12']).status).toBe(2);
  });

  it('a syntax error stops the script with status 2, as bash does', () => {
    const r = kafkaSim([], 'echo before\necho a | | b\necho after\n');
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toContain("syntax error near unexpected token `|'");
    expect(r.status).toBe(2);
  });

  it('the same seed gives the same transcript', () => {
    const script = 'date\nsleep 3\ndate\n';
    expect(kafkaSim(['--seed', '7'], script)).toEqual(kafkaSim(['--seed', '7'], script));
  });
});

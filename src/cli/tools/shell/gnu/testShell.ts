/**
 * For the shell tools' unit tests: runs command lines in a headless shell with no cluster running,
 * in a working directory holding `files`, and returns what they printed and the last status.
 */
import { createHeadlessSession, runCommandLine } from '../../../headless/runHeadless';
import { VirtualFs } from '../../../host/virtualFs';
import type { ShellSession } from '../../../runtime/session';
import { parseScript } from '../../../shell/parse/index';

/**
 * Files every unit test's shell starts with in `/work`. The expected outputs in the tests were
 * taken from GNU coreutils 9.1, grep 3.8, findutils 4.9.0 and bash (Debian 12) run on these files.
 */
export const sampleFiles: Record<string, string> = {
  f1: 'a b\nc\n',
  n: Array.from({ length: 20 }, (_, i) => `${i + 1}\n`).join(''),
  'orders.txt':
    'Topic: orders\tTopicId: abc\tPartitionCount: 3\n' +
    'Topic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n' +
    'Topic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\n' +
    'Topic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1,2\n',
  words: 'apple banana\nCherry apple\n\nbanana split\nfoo_bar foo\nFOO\nnoeol',
  'sub/x.txt': 'foo 1\nbar 2\n',
  'sub/deep/y.txt': 'foo 3\n',
  nums: '10\n9\n100\n-3\n2.5\n1e3\n0x10\n 7\nabc\n\n',
  dup: 'a\na\nb\nb\nb\nc\na\n',
  csv: 'name,age,city\nalice,30,paris\nbob,25,london\ncarol,35\n',
  utf: 'héllo wörld\n日本語 テキスト\n',
  empty: '',
};

export interface ShellResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** A headless shell whose output the test reads; commands run in `/work`. */
export class TestShell {
  readonly session: ShellSession;
  private out = '';
  private err = '';

  constructor(files: Record<string, string> = sampleFiles) {
    this.session = createHeadlessSession(
      { brokers: 0 },
      { stdout: (t) => (this.out += t), stderr: (t) => (this.err += t) },
    );
    const fs = this.session.host.fs;
    fs.mkdir('/work');
    for (const [name, text] of Object.entries(files))
      fs.write(VirtualFs.resolve('/work', name), text);
    this.session.cwd = '/work';
  }

  /** Runs `script`, line by line; `stdin` is what the terminal gives (not a TTY). */
  run(script: string, stdin = ''): ShellResult {
    this.out = '';
    this.err = '';
    this.session.provideInput(stdin, false);
    let status = 0;
    for (const list of parseScript(script).commands)
      if (list.items.length > 0) status = runCommandLine(this.session, list);
    return { stdout: this.out, stderr: this.err, status };
  }

  /**
   * Starts `line` without running it to its end (a command that follows or waits): advance time
   * with {@link wait}, press Ctrl-C with {@link interrupt}. Returns what it printed so far.
   */
  start(line: string): () => { stdout: string; stderr: string; status?: number } {
    this.out = '';
    this.err = '';
    this.session.provideInput('', false);
    let status: number | undefined;
    for (const list of parseScript(line).commands)
      if (list.items.length > 0) this.session.submit(list, (s) => (status = s));
    return () => ({ stdout: this.out, stderr: this.err, status });
  }

  /** Advances virtual time by `ms`. */
  wait(ms: number): void {
    this.session.host.cluster.advance(ms);
  }

  /** Ctrl-C. */
  interrupt(): void {
    this.session.interrupt();
  }

  /** Virtual ms since the shell started. */
  get now(): number {
    return this.session.host.cluster.now;
  }

  /** Appends to a file (relative to `/work`), as another process would. */
  append(name: string, text: string): void {
    this.session.host.fs.append(VirtualFs.resolve('/work', name), text);
  }

  /** Replaces a file's text (relative to `/work`). */
  write(name: string, text: string): void {
    this.session.host.fs.write(VirtualFs.resolve('/work', name), text);
  }

  /** The text of a file (relative to `/work`). */
  file(name: string): string | undefined {
    return this.session.host.fs.read(VirtualFs.resolve('/work', name));
  }
}

/** Runs `script` in a fresh {@link TestShell} holding {@link sampleFiles}. */
export function sh(script: string, files = sampleFiles, stdin = ''): ShellResult {
  return new TestShell(files).run(script, stdin);
}

/**
 * Performing a command's redirections, left to right (bash manual §3.6), once their targets are
 * expanded: files of the virtual filesystem, `/dev/null`, here-documents and here-strings,
 * `2>&1` / `1>&2`.
 */
import type { VirtualFs } from '../host/virtualFs';
import { VirtualFs as Fs } from '../host/virtualFs';
import type { ExpandedRedirection } from './commandExpansion';
import { TextInput } from './streams';
import type { Defer } from './streams';
import type { InputSource, OutputSink } from './types';

/** A command's standard streams. */
export interface Streams {
  stdin: InputSource;
  stdout: OutputSink;
  stderr: OutputSink;
}

/**
 * The streams after `redirections`, or bash's message (without `bash: `) when one fails, e.g.
 * `nope.txt: No such file or directory` for `< nope.txt`.
 */
export function applyRedirections(
  redirections: readonly ExpandedRedirection[],
  streams: Streams,
  files: { fs: VirtualFs; cwd: string; defer: Defer },
): Streams | { error: string } {
  let { stdin, stdout, stderr } = streams;
  for (const { redirection: r, target, text } of redirections) {
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    if (text !== undefined) {
      stdin = new TextInput(text, files.defer);
    } else if (r.op === '<') {
      const path = Fs.resolve(files.cwd, target);
      const content = path === '/dev/null' ? '' : files.fs.read(path);
      if (content === undefined) return { error: `${target}: No such file or directory` };
      stdin = new TextInput(content, files.defer);
    } else if (r.op === '>&' && /^\d+$/.test(target)) {
      if (fd === 2 && target === '1') stderr = stdout;
      else if (fd === 1 && target === '2') stdout = stderr;
    } else {
      const sink = fileSink(
        files.fs,
        Fs.resolve(files.cwd, target),
        r.op === '>>' || r.op === '&>>',
      );
      if (r.op === '&>' || r.op === '&>>' || r.op === '>&') {
        stdout = sink;
        stderr = sink;
      } else if (fd === 2) stderr = sink;
      else stdout = sink;
    }
  }
  return { stdin, stdout, stderr };
}

function fileSink(fs: VirtualFs, path: string, append: boolean): (text: string) => void {
  if (path === '/dev/null') return () => {};
  if (!append) fs.write(path, '');
  return (text) => fs.append(path, text);
}

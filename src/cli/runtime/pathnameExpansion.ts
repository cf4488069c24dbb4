/**
 * Pathname expansion (bash manual §3.5.8) against the virtual filesystem: an unquoted word with
 * `*`, `?` or `[…]` becomes the sorted list of matching paths, or stays as it is when nothing
 * matches (bash's default, `nullglob` off). Without `globstar`, `**` matches like `*`.
 */
import type { VirtualFs } from '../host/virtualFs';
import { VirtualFs as Fs } from '../host/virtualFs';

const globChars = /[*?[]/;

/** True when `raw` (the word as typed) has glob characters outside quotes and escapes. */
export function hasUnquotedGlob(raw: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

function componentRegExp(component: string): RegExp {
  let re = '';
  for (let i = 0; i < component.length; i++) {
    const c = component[i]!;
    if (c === '*') {
      while (component[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = component.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        const body = component
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The paths `pattern` matches (absolute if the pattern is, else relative to `cwd`), sorted. */
export function expandPathname(pattern: string, fs: VirtualFs, cwd: string): string[] {
  if (!globChars.test(pattern)) return [pattern];
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let candidates: string[] = [absolute ? '' : '.'];
  for (const part of parts) {
    if (part === '') continue;
    const next: string[] = [];
    for (const base of candidates) {
      const dir = Fs.resolve(cwd, base === '' ? '/' : base);
      if (!globChars.test(part)) {
        const path = base === '' ? `/${part}` : base === '.' ? part : `${base}/${part}`;
        if (fs.exists(Fs.resolve(cwd, path))) next.push(path);
        continue;
      }
      const re = componentRegExp(part);
      for (const name of fs.list(dir))
        if (re.test(name) && (!name.startsWith('.') || part.startsWith('.')))
          next.push(base === '' ? `/${name}` : base === '.' ? name : `${base}/${name}`);
    }
    candidates = next;
    if (candidates.length === 0) return [pattern];
  }
  return candidates.sort();
}

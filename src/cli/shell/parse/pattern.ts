/**
 * Pattern matching for `${VAR#pattern}` and `${VAR%pattern}` (bash manual §3.5.8.1): `*`, `?` and
 * `[…]` in unquoted text; quoted text matches itself.
 */
import type { Segment } from './fields';

/** A regular expression matching exactly the strings the pattern matches. */
export function patternToRegExp(segments: Segment[]): RegExp {
  let source = '';
  for (const { text, split } of segments) {
    if (!split) {
      source += escape(text);
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i] ?? '';
      if (c === '*') source += '[\\s\\S]*';
      else if (c === '?') source += '[\\s\\S]';
      else if (c === '[') {
        const close = text.indexOf(']', i + 2);
        if (close < 0) {
          source += '\\[';
          continue;
        }
        let body = text.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        source += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      } else source += escape(c);
    }
  }
  return new RegExp(`^(?:${source})$`, 'u');
}

/** Removes the shortest (`#`, `%`) or longest (`##`, `%%`) matching prefix or suffix. */
export function removeMatch(value: string, pattern: RegExp, op: '#' | '##' | '%' | '%%'): string {
  const chars = Array.from(value);
  const n = chars.length;
  const prefix = (i: number) => chars.slice(0, i).join('');
  const suffix = (i: number) => chars.slice(i).join('');
  if (op === '#' || op === '##') {
    for (let k = 0; k <= n; k++) {
      const i = op === '#' ? k : n - k;
      if (pattern.test(prefix(i))) return suffix(i);
    }
  } else {
    for (let k = 0; k <= n; k++) {
      const i = op === '%' ? n - k : k;
      if (pattern.test(suffix(i))) return prefix(i);
    }
  }
  return value;
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

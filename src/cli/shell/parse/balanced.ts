/**
 * Finds where `$(…)` and `` `…` `` end without parsing their contents: parentheses are counted,
 * quotes, backslashes and comments skipped (enough for the commands a substitution holds here;
 * bash parses the whole command, `case` patterns included).
 */

/** Index of the `)` closing a `$(` whose contents start at `from`, or -1 if input ends first. */
export function findClosingParen(text: string, from: number): number {
  let depth = 1;
  let wordStart = true;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      wordStart = false;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const end = c === "'" ? text.indexOf("'", i + 1) : skipQuoted(text, i + 1, c);
      if (end < 0) return -1;
      i = end + 1;
      wordStart = false;
      continue;
    }
    if (c === '#' && wordStart) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return i;
    wordStart = /[\s;&|()<>]/.test(c ?? '');
    i++;
  }
  return -1;
}

/** Index of the unescaped `close` (`"` or `` ` ``) ending a quote whose contents start at `from`, or -1. */
export function skipQuoted(text: string, from: number, close: '"' | '`'): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
    } else if (c === close) {
      return i;
    } else if (close === '"' && c === '$' && text[i + 1] === '(') {
      const end = findClosingParen(text, i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else {
      i++;
    }
  }
  return -1;
}

/**
 * ANSI-C quoting, `$'…'` (bash manual §3.1.2.4): backslash escapes are decoded, the result is quoted.
 */
/** C's one-letter escapes (`\a \b \f \n \r \t \v`), as `tr` and `xargs -d` read them. */
export const cEscapes: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** bash's: C's, `\e` and `\E` (escape) and `\\` — `echo -e`, `printf` and `$'…'` share them. */
export const bashEscapes: Readonly<Record<string, string>> = {
  ...cEscapes,
  e: '\x1b',
  E: '\x1b',
  '\\': '\\',
};

const simpleEscapes: Record<string, string> = { ...bashEscapes, "'": "'", '"': '"', '?': '?' };

/**
 * Decodes `$'…'` starting at `start` (just after the opening `'`).
 * @returns the decoded text and the index just after the closing `'`, or null if there is none
 */
export function decodeAnsiC(text: string, start: number): { value: string; end: number } | null {
  let out = '';
  let i = start;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === "'") return { value: out, end: i + 1 };
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1] ?? '';
    const simple = simpleEscapes[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(text.slice(i + 1)) as RegExpExecArray;
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += 1 + m[0].length;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const m = new RegExp(`^[0-9a-fA-F]{1,${max}}`).exec(text.slice(i + 2));
      if (m) {
        out += String.fromCodePoint(Math.min(parseInt(m[0], 16), 0x10ffff));
        i += 2 + m[0].length;
      } else {
        out += '\\' + e;
        i += 2;
      }
    } else if (e === 'c' && i + 2 < text.length) {
      out += String.fromCharCode((text.charCodeAt(i + 2) & 0x1f) >>> 0);
      i += 3;
    } else {
      out += '\\' + e;
      i += 2;
    }
  }
  return null;
}

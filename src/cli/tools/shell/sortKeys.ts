/**
 * `sort`'s keys and comparisons (coreutils 9.1 sort.c): `-k F[.C][OPTS][,F[.C][OPTS]]` fields split
 * at `-t SEP` or at blank-to-non-blank transitions (a field keeps its leading blanks), and the
 * orderings `-n` (string numeric), `-g` (floating point), `-h` (2K < 1M), `-M` (months), `-V`
 * (versions), `-R` (hash), with `-b`, `-d`, `-f`, `-i` and `-r`, in the C.UTF-8 locale (code point
 * order). Lines are compared key by key, then — unless `-s` or `-u` — as whole lines.
 */

/** The ordering options of one key (or the global ones). */
export interface Ordering {
  skipStartBlanks: boolean;
  skipEndBlanks: boolean;
  dictionary: boolean;
  fold: boolean;
  general: boolean;
  human: boolean;
  nonprinting: boolean;
  month: boolean;
  numeric: boolean;
  random: boolean;
  reverse: boolean;
  version: boolean;
}

export function emptyOrdering(): Ordering {
  return {
    skipStartBlanks: false,
    skipEndBlanks: false,
    dictionary: false,
    fold: false,
    general: false,
    human: false,
    nonprinting: false,
    month: false,
    numeric: false,
    random: false,
    reverse: false,
    version: false,
  };
}

/** A `-k` key: zero-based start field and character, end field (Infinity: the line's end). */
export interface Key extends Ordering {
  startField: number;
  startChar: number;
  endField: number;
  /** 0: the end of the end field. */
  endChar: number;
}

/** Applies ordering letters (`-n`, or the `nr` of `-k2,2nr`); the rest of `s` it did not use. */
export function applyOrdering(s: string, o: Ordering, blank: 'start' | 'end' | 'both'): string {
  let i = 0;
  for (; i < s.length; i++) {
    switch (s[i]) {
      case 'b':
        if (blank !== 'end') o.skipStartBlanks = true;
        if (blank !== 'start') o.skipEndBlanks = true;
        break;
      case 'd':
        o.dictionary = true;
        break;
      case 'f':
        o.fold = true;
        break;
      case 'g':
        o.general = true;
        break;
      case 'h':
        o.human = true;
        break;
      case 'i':
        if (!o.dictionary) o.nonprinting = true;
        break;
      case 'M':
        o.month = true;
        break;
      case 'n':
        o.numeric = true;
        break;
      case 'R':
        o.random = true;
        break;
      case 'r':
        o.reverse = true;
        break;
      case 'V':
        o.version = true;
        break;
      default:
        return s.slice(i);
    }
  }
  return '';
}

/** True when a key names no ordering of its own, and so takes the global options. */
export function isPlain(o: Ordering): boolean {
  return !(
    o.dictionary ||
    o.nonprinting ||
    o.fold ||
    o.skipStartBlanks ||
    o.skipEndBlanks ||
    o.month ||
    o.numeric ||
    o.version ||
    o.general ||
    o.human ||
    o.random ||
    o.reverse
  );
}

/** The letters of an ordering, in sort.c `key_to_opts`'s order (for the incompatibility message). */
export function orderingLetters(o: Ordering, withBlankAndReverse: boolean): string {
  return [
    withBlankAndReverse && (o.skipStartBlanks || o.skipEndBlanks) ? 'b' : '',
    o.dictionary ? 'd' : '',
    o.fold ? 'f' : '',
    o.general ? 'g' : '',
    o.human ? 'h' : '',
    o.nonprinting ? 'i' : '',
    o.month ? 'M' : '',
    o.numeric ? 'n' : '',
    o.random ? 'R' : '',
    withBlankAndReverse && o.reverse ? 'r' : '',
    o.version ? 'V' : '',
  ].join('');
}

/** More than one of `-n -g -h -M` and `-R`/`-V`/`-d`/`-i` on one key: sort refuses. */
export function incompatible(o: Ordering): boolean {
  const kinds =
    Number(o.numeric) +
    Number(o.general) +
    Number(o.human) +
    Number(o.month) +
    Number(o.version || o.random || o.dictionary || o.nonprinting);
  return kinds > 1;
}

/** Parses a `-k` argument; an error is sort's message after `sort: `. */
export function parseKey(spec: string): Key | { error: string } {
  const key: Key = {
    ...emptyOrdering(),
    startField: 0,
    startChar: 0,
    endField: Infinity,
    endChar: 0,
  };
  const bad = (what: string) => ({ error: `${what}: invalid field specification ‘${spec}’` });
  const count = (s: string, what: string): [number, string] | { error: string } => {
    const m = /^\d+/.exec(s);
    if (!m) return { error: `${what}: invalid count at start of ‘${s}’` };
    return [Number(m[0]), s.slice(m[0].length)];
  };
  let r = count(spec, 'invalid number at field start');
  if ('error' in r) return r;
  let [n, rest] = r;
  if (n === 0) return bad('field number is zero');
  key.startField = n - 1;
  if (rest.startsWith('.')) {
    r = count(rest.slice(1), "invalid number after '.'");
    if ('error' in r) return r;
    [n, rest] = r;
    if (n === 0) return bad('character offset is zero');
    key.startChar = n - 1;
  }
  rest = applyOrdering(rest, key, 'start');
  if (rest.startsWith(',')) {
    r = count(rest.slice(1), "invalid number after ','");
    if ('error' in r) return r;
    [n, rest] = r;
    if (n === 0) return bad('field number is zero');
    key.endField = n - 1;
    if (rest.startsWith('.')) {
      r = count(rest.slice(1), "invalid number after '.'");
      if ('error' in r) return r;
      [key.endChar, rest] = r;
    }
    rest = applyOrdering(rest, key, 'end');
  }
  if (rest !== '') return bad('stray character in field spec');
  return key;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** Where the key starts in `line` (sort.c `begfield`). */
function keyStart(line: string, key: Key, tab: string | undefined): number {
  const lim = line.length;
  let p = 0;
  for (let f = key.startField; p < lim && f > 0; f--) {
    if (tab !== undefined) {
      while (p < lim && line[p] !== tab) p++;
      if (p < lim) p++;
    } else {
      while (p < lim && isBlank(line[p])) p++;
      while (p < lim && !isBlank(line[p])) p++;
    }
  }
  if (key.skipStartBlanks) while (p < lim && isBlank(line[p])) p++;
  return Math.min(lim, p + key.startChar);
}

/** Where the key ends in `line` (sort.c `limfield`). */
function keyEnd(line: string, key: Key, tab: string | undefined): number {
  const lim = line.length;
  if (key.endField === Infinity) return lim;
  let p = 0;
  let eword = key.endChar === 0 ? key.endField + 1 : key.endField;
  while (p < lim && eword-- > 0) {
    if (tab !== undefined) {
      while (p < lim && line[p] !== tab) p++;
      if (p < lim && (eword > 0 || key.endChar !== 0)) p++;
    } else {
      while (p < lim && isBlank(line[p])) p++;
      while (p < lim && !isBlank(line[p])) p++;
    }
  }
  if (key.endChar !== 0) {
    if (key.skipEndBlanks) while (p < lim && isBlank(line[p])) p++;
    p = Math.min(lim, p + key.endChar);
  }
  return p;
}

/** The text of `key` in `line`. */
export function keyText(line: string, key: Key, tab: string | undefined): string {
  const start = keyStart(line, key, tab);
  return line.slice(start, Math.max(start, keyEnd(line, key, tab)));
}

/** Compares two keys' texts under `o` (without its `reverse`). */
export function compareKeyText(a: string, b: string, o: Ordering, salt: number): number {
  if (o.numeric) return compareNumeric(a, b);
  if (o.general) return compareGeneral(a, b);
  if (o.human) return humanOrder(a) - humanOrder(b) || compareNumeric(a, b);
  if (o.month) return month(a) - month(b);
  if (o.version) return compareVersions(a, b);
  if (o.random) {
    const d = hash(transform(a, o), salt) - hash(transform(b, o), salt);
    if (d !== 0) return d;
  }
  return compareText(transform(a, o), transform(b, o));
}

/** Code point order (the C.UTF-8 locale's collation). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/** `-d`, `-i` and `-f`: drop the characters not considered, fold lower case to upper. */
function transform(s: string, o: Ordering): string {
  let out = s;
  if (o.dictionary) out = out.replace(/[^ \t\p{L}\p{N}]/gu, '');
  else if (o.nonprinting) out = out.replace(/[^\x20-\x7e\u00a0-\u{10ffff}]/gu, '');
  if (o.fold) out = out.toUpperCase();
  return out;
}

/** A `-n` number: sign, integer digits without leading zeros, fraction without trailing zeros. */
function numberParts(s: string): { negative: boolean; int: string; frac: string } {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(s)!;
  const int = m[2]!.replace(/^0+/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return { negative: m[1] === '-' && (int !== '' || frac !== ''), int, frac };
}

/** sort.c `numcompare`: decimal strings compared exactly, whatever their length. */
export function compareNumeric(a: string, b: string): number {
  const x = numberParts(a);
  const y = numberParts(b);
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const sign = x.negative ? -1 : 1;
  if (x.int.length !== y.int.length) return sign * (x.int.length - y.int.length);
  if (x.int !== y.int) return sign * (x.int < y.int ? -1 : 1);
  if (x.frac !== y.frac) return sign * (x.frac < y.frac ? -1 : 1);
  return 0;
}

const floatPattern =
  /^[ \t\n\v\f\r]*[+-]?(?:inf(?:inity)?|nan|0x(?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i;

/** `strtod`'s value of the start of `s`; undefined when no number starts it. */
function strtod(s: string): number | undefined {
  const m = floatPattern.exec(s);
  if (!m) return undefined;
  const t = m[0].trim().toLowerCase();
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.replace(/^[+-]/, '');
  if (body.startsWith('inf')) return sign * Infinity;
  if (body === 'nan') return NaN;
  if (body.startsWith('0x')) {
    const hm = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(body)!;
    let v = parseInt(hm[1] || '0', 16);
    const frac = hm[2] ?? '';
    for (let i = 0; i < frac.length; i++) v += parseInt(frac[i]!, 16) / 16 ** (i + 1);
    return sign * v * 2 ** Number(hm[3] ?? 0);
  }
  return sign * Number(body);
}

/** sort.c `general_numcompare`: conversion errors first, then NaN, then numbers. */
export function compareGeneral(a: string, b: string): number {
  const x = strtod(a);
  const y = strtod(b);
  if (x === undefined) return y === undefined ? 0 : -1;
  if (y === undefined) return 1;
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** sort.c `find_unit_order`: the suffix's power (K 1 … Q 10), negative for a negative number. */
function humanOrder(s: string): number {
  const m = /^[ \t]*(-?)\d*(?:\.\d*)?([KkMGTPEZYRQ]?)/.exec(s)!;
  const order = m[2] ? 'KMGTPEZYRQ'.indexOf(m[2].toUpperCase()) + 1 : 0;
  return m[1] === '-' ? -order : order;
}

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `-M`: 1–12 for a month name's first three letters, 0 for anything else. */
function month(s: string): number {
  return months.indexOf(s.trimStart().slice(0, 3).toUpperCase()) + 1;
}

/** `-V` (gnulib filevercmp, simplified): digit runs compare as numbers, letters before other signs. */
export function compareVersions(a: string, b: string): number {
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pd = /^\d/.test(p);
    const qd = /^\d/.test(q);
    if (pd && qd) {
      const d = compareNumeric(p, q);
      if (d !== 0) return d;
    } else if (pd !== qd) return pd ? -1 : 1;
    else {
      const rank = (c: string) =>
        c === '~' ? -1 : /[A-Za-z]/.test(c) ? c.charCodeAt(0) : c.charCodeAt(0) + 256;
      for (let j = 0; j < Math.max(p.length, q.length); j++) {
        const d = (j < p.length ? rank(p[j]!) : 0) - (j < q.length ? rank(q[j]!) : 0);
        if (d !== 0) return d;
      }
    }
  }
  return 0;
}

/** FNV-1a of `s` mixed with `salt`: `-R`'s order, the same for equal keys. */
function hash(s: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Brace expansion (bash manual §3.5.1): `msg-{1..3}` → `msg-1 msg-2 msg-3`, `{a,b}{c,d}` → `ac ad
 * bc bd`, `{01..10}`, `{a..e}`, `{1..10..2}`. It runs first, before any other expansion, on the
 * unquoted text of a word only: quoted text and `$…` expansions are carried along untouched, so
 * `"{a,b}"` and `${x}` are never expanded. A brace without a top-level comma or a valid sequence
 * expression stays as typed (`{a}`, `x{1..a}y`).
 */
import type { Word, WordPart } from './ast';
import { PartsBuilder } from './partsBuilder';

/** One unquoted character, or any other part carried as a whole. */
type Item = string | WordPart;

/** The words `word` brace-expands to, in bash's order (the word itself when it has no braces). */
export function braceExpand(word: Word): Word[] {
  if (!word.parts.some((p) => p.kind === 'literal' && !p.quoted && p.text.includes('{'))) {
    return [word];
  }
  const items = word.parts.flatMap((p): Item[] =>
    p.kind === 'literal' && !p.quoted ? Array.from(p.text) : [p],
  );
  return expandItems(items).map((expanded) => toWord(expanded, word));
}

/** Expands every word; the result is the argument list's words before any other expansion. */
export function braceExpandWords(words: readonly Word[]): Word[] {
  return words.flatMap(braceExpand);
}

function expandItems(items: Item[]): Item[][] {
  for (let open = 0; open < items.length; open++) {
    if (items[open] !== '{') continue;
    const close = matchingBrace(items, open);
    if (close < 0) continue;
    const alternatives = braceBody(items.slice(open + 1, close));
    if (alternatives === null) continue;
    const prefix = items.slice(0, open);
    const suffixes = expandItems(items.slice(close + 1));
    const out: Item[][] = [];
    for (const alternative of alternatives)
      for (const middle of expandItems(alternative))
        for (const suffix of suffixes) out.push([...prefix, ...middle, ...suffix]);
    return out;
  }
  return [items];
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function matchingBrace(items: Item[], open: number): number {
  let depth = 0;
  for (let i = open; i < items.length; i++) {
    if (items[i] === '{') depth++;
    else if (items[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The alternatives of a brace's body: its comma-separated parts, or a sequence; null if neither. */
function braceBody(body: Item[]): Item[][] | null {
  const alternatives: Item[][] = [];
  let depth = 0;
  let start = 0;
  body.forEach((item, i) => {
    if (item === '{') depth++;
    else if (item === '}') depth--;
    else if (item === ',' && depth === 0) {
      alternatives.push(body.slice(start, i));
      start = i + 1;
    }
  });
  if (alternatives.length > 0) {
    alternatives.push(body.slice(start));
    return alternatives;
  }
  if (!body.every((item) => typeof item === 'string')) return null;
  const sequence = sequenceExpression(body.join(''));
  return sequence === null ? null : sequence.map((s) => Array.from(s));
}

/** `x..y[..incr]` with integers or single letters, as bash's brace.c `expand_seqterm` does. */
export function sequenceExpression(text: string): string[] | null {
  const numeric = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(text);
  if (numeric) {
    const [, a = '', b = '', step] = numeric;
    const from = Number(a);
    const to = Number(b);
    const width = /^[-+]?0\d/.test(a) || /^[-+]?0\d/.test(b) ? Math.max(a.length, b.length) : 0;
    return range(from, to, step, (n) => pad(n, width));
  }
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/.exec(text);
  if (letters) {
    const [, a = '', b = '', step] = letters;
    return range(a.charCodeAt(0), b.charCodeAt(0), step, (n) => String.fromCharCode(n));
  }
  return null;
}

function range(from: number, to: number, step: string | undefined, show: (n: number) => string) {
  const increment = Math.abs(Number(step ?? 1)) || 1;
  const out: string[] = [];
  if (from <= to) for (let n = from; n <= to; n += increment) out.push(show(n));
  else for (let n = from; n >= to; n -= increment) out.push(show(n));
  return out;
}

/** Zero-padded to `width` characters, the sign included (`{-05..5}` gives `-05`). */
function pad(n: number, width: number): string {
  const digits = String(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  return sign + digits.padStart(width - sign.length, '0');
}

function toWord(items: Item[], original: Word): Word {
  const b = new PartsBuilder();
  for (const item of items) {
    if (typeof item === 'string') b.literal(item, false);
    else if (item.kind === 'literal') b.literal(item.text, item.quoted);
    else b.push(item);
  }
  return { parts: b.parts, raw: original.raw };
}

/**
 * grep's PATTERNS as one JavaScript RegExp: basic or extended regular expressions (translated),
 * fixed strings (`-F`) or Perl-style (`-P`, which JavaScript's syntax mostly is), any of them
 * matching; `-i`, `-w` (no word character either side) and `-x` (the whole line).
 */
import { literal, RegexSyntaxError, translateRegex, WORD } from './posixRegex';

export type PatternSyntax = 'basic' | 'extended' | 'fixed' | 'perl';

export interface MatcherOptions {
  syntax: PatternSyntax;
  ignoreCase: boolean;
  /** `-w`: a match must not touch a word character on either side. */
  word: boolean;
  /** `-x`: a match must be the whole line. */
  line: boolean;
}

/** A part of a line a pattern matched: UTF-16 offsets, `end` exclusive. */
export interface Match {
  start: number;
  end: number;
}

export interface Matcher {
  /** True when a pattern matches somewhere in `line`. */
  test(line: string): boolean;
  /** The non-empty matches in `line`, left to right (what `-o` prints and `--color` marks). */
  matches(line: string): Match[];
}

/** A matcher for `patterns`, with grep's warnings, or grep's error message. */
export function compileMatcher(
  patterns: readonly string[],
  options: MatcherOptions,
): { matcher: Matcher; warnings: string[] } | { error: string } {
  if (patterns.length === 0)
    return { matcher: { test: () => false, matches: () => [] }, warnings: [] };
  const warnings: string[] = [];
  const sources: string[] = [];
  let groups = 0;
  try {
    for (const p of patterns) {
      if (options.syntax === 'fixed') sources.push([...p].map(literal).join(''));
      else if (options.syntax === 'perl') sources.push(p);
      else {
        const t = translateRegex(p, options.syntax, groups);
        groups += t.groups;
        warnings.push(...t.warnings);
        sources.push(t.source);
      }
    }
  } catch (e) {
    if (e instanceof RegexSyntaxError) return { error: e.message };
    throw e;
  }
  let source = sources.length === 1 ? sources[0]! : sources.map((s) => `(?:${s})`).join('|');
  if (options.line) source = `^(?:${source})$`;
  else if (options.word) source = `(?<!${WORD})(?:${source})(?!${WORD})`;
  const flags = options.ignoreCase ? 'i' : '';
  let one: RegExp;
  let all: RegExp;
  try {
    one = new RegExp(source, `u${flags}`);
    all = new RegExp(source, `gu${flags}`);
  } catch (e) {
    if (options.syntax !== 'perl') throw e;
    // PCRE accepts escapes JavaScript's `u` mode rejects (`\-`, `\/`…): try without it.
    try {
      one = new RegExp(source, flags);
      all = new RegExp(source, `g${flags}`);
    } catch (e2) {
      return { error: (e2 as Error).message.replace(/^Invalid regular expression: /, '') };
    }
  }
  return {
    warnings,
    matcher: {
      test: (line) => one.test(line),
      matches(line) {
        const out: Match[] = [];
        all.lastIndex = 0;
        for (let m = all.exec(line); m !== null; m = all.exec(line)) {
          if (m[0] === '') {
            all.lastIndex += (line.codePointAt(all.lastIndex) ?? 0) > 0xffff ? 2 : 1;
            if (all.lastIndex > line.length) break;
            continue;
          }
          out.push({ start: m.index, end: m.index + m[0].length });
        }
        return out;
      },
    },
  };
}

/**
 * `java.text.BreakIterator.getLineInstance()` as the JDK implements it, which jopt-simple's help
 * formatter uses to wrap option and description text (joptsimple/internal/Columns.java).
 *
 * The JDK's line iterator is a longest-match automaton over the rule
 * `LineBreakRules` in src/java.base/share/classes/sun/text/resources/BreakIteratorRules.java
 * (character sets parsed by make/jdk/.../generatebreakiteratordata/CharSet.java, where `^X`
 * subtracts only the item X that follows it):
 *
 * ```
 * <word>(((<space>*<glue><glue>*{<space>})|<hack3>)<word>)*<space>*{<enclosing>*}
 *     {<hack1><hack2><post-word>*}{<enclosing>*}{\r}{<break>};
 * \r<break>;
 * word = <pre-word>* (<char>* | <kanji> | <number>) (<dash><dash>* | <post-word>*)
 * ```
 * From a break position, the next break follows the longest text matching a rule (at least one
 * character); `<ignore>` characters are transparent (sun.util.locale.provider.RuleBasedBreakIterator
 * `handleNext`). In effect a line may break after spaces and after a run of dashes, so
 * `--bootstrap-server` can wrap as `--` / `bootstrap-` / `server`, and `e.g.` as `e.` / `g.`.
 */

type Predicate = (cp: number) => boolean;

/** A memoized test of a code point against a one-character Unicode property regex. */
function property(re: RegExp): Predicate {
  const memo = new Map<number, boolean>();
  return (cp) => {
    let hit = memo.get(cp);
    if (hit === undefined) {
      hit = re.test(String.fromCodePoint(cp));
      memo.set(cp, hit);
    }
    return hit;
  };
}

const inSet = (chars: string): Predicate => {
  const set = new Set([...chars].map((c) => c.codePointAt(0) as number));
  return (cp) => set.has(cp);
};
const inRanges =
  (...ranges: [number, number][]): Predicate =>
  (cp) =>
    ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

const isCf = property(/^\p{Cf}$/u);
const isCc = property(/^\p{Cc}$/u);
const isZs = property(/^\p{Zs}$/u);
const isPd = property(/^\p{Pd}$/u);
const isOpeningOrCurrency = property(/^[\p{Sc}\p{Ps}\p{Pi}]$/u);
const isClosing = property(/^[\p{Pe}\p{Pf}]$/u);
const isDigitCategory = property(/^[\p{Nd}\p{No}]$/u);
const isMark = property(/^[\p{Mn}\p{Me}]$/u);

const CR = 0x0d;
const isBreak = inSet('\u0003\t\n\f\u2028\u2029');
/** `<ignore>=[:Cf:[:Cc:^[<break>\r]]]` */
const isIgnore: Predicate = (cp) => isCf(cp) || (isCc(cp) && !isBreak(cp) && cp !== CR);
const isEnclosing = isMark;
const isDanda = inSet('\u0964\u0965');
const isGlue = inSet('\u00a0\u0f0c\u2007\u2011\u202f\ufeff');
/** `<space>=[:Zs::Cc:^[<glue><break>\r]]` */
const isSpace: Predicate = (cp) =>
  (isZs(cp) || isCc(cp)) && !isGlue(cp) && !isBreak(cp) && cp !== CR;
/** `<dash>=[:Pd:\u00ad^<glue>]` */
const isDash: Predicate = (cp) => (isPd(cp) || cp === 0xad) && !isGlue(cp);
/** `<pre-word>=[:Sc::Ps::Pi:^[\u00a2]\"\']` */
const isPreWord: Predicate = (cp) =>
  (isOpeningOrCurrency(cp) && cp !== 0xa2) || cp === 0x22 || cp === 0x27;
const postWordExtras = inSet(
  '"!%.,:;?\u00a2\u00b0\u066a\u2030\u2031\u2032\u2033\u2034\u2103\u2105\u2109\u3001\u3002\u3005' +
    '\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u3099\u309a\u309b\u309c\u309d\u309e' +
    '\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6\u30fc\u30fd\u30fe' +
    '\uff01\uff05\uff0c\uff0e\uff1a\uff1b\uff1f',
);
/** `<post-word>`: closing punctuation, sentence punctuation, small kana, CJK marks. */
const isPostWord: Predicate = (cp) => isClosing(cp) || postWordExtras(cp);
const kanjiRanges = inRanges(
  [0x4e00, 0x9fa5],
  [0xac00, 0xd7a3],
  [0xf900, 0xfa2d],
  [0xfa30, 0xfa6a],
  [0x3041, 0x3094],
  [0x30a1, 0x30fa],
);
const isKanji: Predicate = (cp) => kanjiRanges(cp) && !isPostWord(cp) && !isIgnore(cp);
const isDigit = isDigitCategory;
const isMidNum = inSet('.,');
/** `<char>`: everything not named above (letters, digits, `<`, `>`, `=`, `#`, `/`, `_`, ...). */
const isChar: Predicate = (cp) =>
  !isBreak(cp) &&
  !isSpace(cp) &&
  !isDash(cp) &&
  !isKanji(cp) &&
  !isGlue(cp) &&
  !isIgnore(cp) &&
  !isPreWord(cp) &&
  !isPostWord(cp) &&
  !isMidNum(cp) &&
  cp !== CR &&
  !isDanda(cp);
const isHack1 = inSet('(');
const isHack2 = inSet(')');
const isHack3 = inSet("$'");
const isCR: Predicate = (cp) => cp === CR;

/** A regular expression over code-point predicates. */
type Rx =
  | { readonly kind: 'is'; readonly test: Predicate }
  | { readonly kind: 'seq'; readonly items: readonly Rx[] }
  | { readonly kind: 'alt'; readonly items: readonly Rx[] }
  | { readonly kind: 'star'; readonly item: Rx };

const is = (test: Predicate): Rx => ({ kind: 'is', test });
const seq = (...items: Rx[]): Rx => ({ kind: 'seq', items });
const alt = (...items: Rx[]): Rx => ({ kind: 'alt', items });
const star = (item: Rx): Rx => ({ kind: 'star', item });
const plus = (item: Rx): Rx => seq(item, star(item));
const opt = (item: Rx): Rx => alt(item, seq());

const digits = plus(is(isDigit));
const number = seq(
  star(is((cp) => isPreWord(cp) || isDash(cp))),
  digits,
  star(seq(is(isMidNum), digits)),
);
const wordCore = alt(star(is(isChar)), is(isKanji), number);
const wordSuffix = alt(plus(is(isDash)), star(is(isPostWord)));
const word = seq(star(is(isPreWord)), wordCore, wordSuffix);
const joiner = alt(seq(star(is(isSpace)), plus(is(isGlue)), opt(is(isSpace))), is(isHack3));
const mainRule = seq(
  word,
  star(seq(joiner, word)),
  star(is(isSpace)),
  star(is(isEnclosing)),
  opt(seq(is(isHack1), is(isHack2), star(is(isPostWord)))),
  star(is(isEnclosing)),
  opt(is(isCR)),
  opt(is(isBreak)),
);
const crBreakRule = seq(is(isCR), is(isBreak));

/** A Thompson NFA state: epsilon edges and at most one predicate edge. */
interface NfaState {
  readonly epsilon: number[];
  test?: Predicate;
  next?: number;
}

function compile(rx: Rx, states: NfaState[]): { start: number; end: number } {
  const add = () => states.push({ epsilon: [] }) - 1;
  const start = add();
  const end = add();
  const s = states[start] as NfaState;
  switch (rx.kind) {
    case 'is':
      s.test = rx.test;
      s.next = end;
      break;
    case 'seq': {
      let from = start;
      for (const item of rx.items) {
        const part = compile(item, states);
        (states[from] as NfaState).epsilon.push(part.start);
        from = part.end;
      }
      (states[from] as NfaState).epsilon.push(end);
      break;
    }
    case 'alt':
      for (const item of rx.items) {
        const part = compile(item, states);
        s.epsilon.push(part.start);
        (states[part.end] as NfaState).epsilon.push(end);
      }
      break;
    case 'star': {
      const part = compile(rx.item, states);
      s.epsilon.push(part.start, end);
      (states[part.end] as NfaState).epsilon.push(part.start, end);
      break;
    }
  }
  return { start, end };
}

const STATES: NfaState[] = [];
const { start: START, end: ACCEPT } = compile(alt(mainRule, crBreakRule), STATES);

function closure(seeds: Iterable<number>): number[] {
  const result = new Set<number>();
  const stack = [...seeds];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (result.has(id)) continue;
    result.add(id);
    for (const e of (STATES[id] as NfaState).epsilon) stack.push(e);
  }
  return [...result].sort((a, b) => a - b);
}

/** A state of the DFA built lazily from the NFA (subset construction), as the JDK precompiles. */
interface DfaState {
  readonly nfaStates: readonly number[];
  readonly accepting: boolean;
  readonly next: Map<number, DfaState | null>;
}

const dfaStates = new Map<string, DfaState>();

function dfaState(nfaStates: number[]): DfaState | null {
  if (nfaStates.length === 0) return null;
  const key = nfaStates.join(',');
  let state = dfaStates.get(key);
  if (!state) {
    state = { nfaStates, accepting: nfaStates.includes(ACCEPT), next: new Map() };
    dfaStates.set(key, state);
  }
  return state;
}

const DFA_START = dfaState(closure([START])) as DfaState;

function step(state: DfaState, cp: number): DfaState | null {
  let next = state.next.get(cp);
  if (next === undefined) {
    const moved: number[] = [];
    for (const id of state.nfaStates) {
      const nfa = STATES[id] as NfaState;
      if (nfa.test?.(cp)) moved.push(nfa.next as number);
    }
    next = dfaState(closure(moved));
    state.next.set(cp, next);
  }
  return next;
}

/** The break position after `from` (a UTF-16 index), as `BreakIterator.next()` finds it. */
export function nextLineBreak(text: string, from: number): number {
  const firstWidth = (text.codePointAt(from) ?? 0) > 0xffff ? 2 : 1;
  let result = from + firstWidth;
  let state: DfaState | null = DFA_START;
  let i = from;
  while (i < text.length && state !== null) {
    const cp = text.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    if (!isIgnore(cp)) state = step(state, cp);
    if (state?.accepting) result = i;
  }
  return Math.min(result, text.length);
}

/** The text cut at every line-break opportunity: the "words" jopt's Columns lays out. */
export function lineBreakSegments(text: string): string[] {
  const segments: string[] = [];
  for (let start = 0; start < text.length;) {
    const end = nextLineBreak(text, start);
    segments.push(text.slice(start, end));
    start = end;
  }
  return segments;
}

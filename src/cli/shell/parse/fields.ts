/**
 * Word splitting (bash manual §3.5.7): the results of unquoted expansions are split on `$IFS`;
 * literal and quoted text never is.
 */

/** A piece of an expanded word. */
export interface Segment {
  text: string;
  /** From an unquoted expansion: subject to splitting. */
  split: boolean;
  /** From quoted text: keeps an otherwise empty word as one empty argument (`""`, `"$UNSET"`). */
  quoted: boolean;
  /** Starts a new field: each positional parameter of `"$@"` after the first. */
  fieldBreak?: boolean;
}

/** bash's IFS when the variable is unset: space, tab, newline. */
export const defaultIfs = ' \t\n';

/**
 * Splits an expanded word into fields. IFS whitespace runs delimit and are trimmed at the ends;
 * each other IFS character delimits one field (`a::b` with `IFS=:` → `a`, ``, `b`). A word with no
 * text and no quotes yields no field at all, so an unset `$VAR` disappears.
 * @param ifs the value of `$IFS`, or undefined when unset (an empty IFS disables splitting)
 */
export function splitFields(segments: Segment[], ifs: string | undefined = defaultIfs): string[] {
  const fields: string[] = [];
  let current = '';
  let hasField = false;
  let afterWhitespace = false;
  for (const segment of segments) {
    if (segment.fieldBreak) {
      fields.push(current);
      current = '';
      hasField = false;
      afterWhitespace = false;
    }
    if (!segment.split || ifs === '') {
      current += segment.text;
      if (segment.text !== '' || segment.quoted) {
        hasField = true;
        afterWhitespace = false;
      }
      continue;
    }
    for (const c of segment.text) {
      if (!ifs.includes(c)) {
        current += c;
        hasField = true;
        afterWhitespace = false;
      } else if (c === ' ' || c === '\t' || c === '\n') {
        if (hasField) {
          fields.push(current);
          current = '';
          hasField = false;
          afterWhitespace = true;
        }
      } else {
        if (hasField || !afterWhitespace) fields.push(current);
        current = '';
        hasField = false;
        afterWhitespace = false;
      }
    }
  }
  if (hasField) fields.push(current);
  return fields;
}

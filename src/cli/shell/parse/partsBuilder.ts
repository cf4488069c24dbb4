import type { LiteralPart, WordPart } from './ast';

/** Collects a word's parts, merging adjacent literal text of the same quoting. */
export class PartsBuilder {
  readonly parts: WordPart[] = [];
  private merge = true;

  /** Appends literal text; `quoted` text still counts as an argument when empty. */
  literal(text: string, quoted: boolean): void {
    const last = this.parts[this.parts.length - 1];
    if (this.merge && last?.kind === 'literal' && last.quoted === quoted) {
      (last as LiteralPart).text += text;
    } else {
      this.parts.push({ kind: 'literal', text, quoted });
    }
    this.merge = true;
  }

  push(part: WordPart): void {
    this.parts.push(part);
    this.merge = true;
  }

  /** Starts a new part at the next append and returns its index (an assignment's value starts here). */
  boundary(): number {
    this.merge = false;
    return this.parts.length;
  }
}

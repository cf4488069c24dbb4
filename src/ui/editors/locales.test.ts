import { describe, expect, it } from 'vitest';
import editorsEn from './editors.en.json';
import editorsKo from './editors.ko.json';
import terminalEn from '../terminal/terminal.en.json';
import terminalKo from '../terminal/terminal.ko.json';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['editors', editorsEn, editorsKo],
  ['terminal', terminalEn, terminalKo],
] as const)('%s locale files', (_name, en, ko) => {
  it('Korean has exactly the English keys, with the same placeholders, none empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const korean = (ko as Record<string, string>)[key]!;
      expect(placeholders(korean), key).toEqual(placeholders(text));
      expect(korean.trim(), key).not.toBe('');
    }
  });
});

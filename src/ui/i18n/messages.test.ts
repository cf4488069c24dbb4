import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import ko from './ko.json';
import { translate } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('ko.json has exactly the keys of en.json', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('every Korean message uses the same placeholders as its English one', () => {
    for (const [key, text] of Object.entries(en))
      expect(placeholders(ko[key as keyof typeof ko]), key).toEqual(placeholders(text));
  });

  it('no message is empty', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(ko)])
      expect(text.trim(), key).not.toBe('');
  });

  it('substitutes named placeholders and leaves unknown ones', () => {
    expect(translate('en', 'diagram.broker', { id: 2 })).toBe('Broker 2');
    expect(translate('ko', 'diagram.broker', { id: 2 })).toBe('브로커 2');
    expect(translate('en', 'diagram.broker')).toBe('Broker {id}');
  });

  it('holds the terminal and editor words too, in both languages', () => {
    for (const prefix of ['terminal.', 'editors.']) {
      const keys = (catalog: object) => Object.keys(catalog).filter((k) => k.startsWith(prefix));
      expect(keys(en).length, prefix).toBeGreaterThan(0);
      expect(keys(ko), prefix).toEqual(keys(en));
    }
    expect(translate('ko', 'terminal.tab', { n: 2 })).toBe('터미널 2');
    expect(translate('en', 'editors.refused', { n: 3 })).toBe(
      'Not applied: 3 problems. The running cluster is unchanged.',
    );
  });

  it('en.json and ko.json are the only locale files of the UI', () => {
    const ui = fileURLToPath(new URL('..', import.meta.url));
    const json = readdirSync(ui, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.json'),
    );
    expect(json.map((f) => f.replaceAll('\\', '/')).sort()).toEqual([
      'i18n/en.json',
      'i18n/ko.json',
    ]);
  });
});

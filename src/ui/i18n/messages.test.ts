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
});

/**
 * The UI's words (STYLE: strings live in locale files, one per language, not in components):
 * lookup and `{name}` interpolation, shared by components ({@link useT}) and pure helpers such as
 * the event log's `describeEvent`.
 */
import en from './en.json';
import ko from './ko.json';
import type { Language } from '../../machines/appMachine';

/** Every message key; `en.json` is the reference, `ko.json` must have the same keys. */
export type MessageKey = keyof typeof en;

/** Values substituted for `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

export const catalogs: Record<Language, Record<MessageKey, string>> = { en, ko };

/** The message `key` in `language`, with `{name}` replaced by `params.name`. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[language][key] ?? catalogs.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translate function bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

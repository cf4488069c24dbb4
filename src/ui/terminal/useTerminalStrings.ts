/**
 * The terminal panel's words in the current UI language, from its own locale files
 * (`terminal.en.json`, `terminal.ko.json`).
 */
import { useMemo } from 'react';
import { useLanguage } from '../i18n/useT';
import en from './terminal.en.json';
import ko from './terminal.ko.json';

const catalogs = { en, ko };

export function useTerminalStrings() {
  const language = useLanguage();
  return useMemo(() => {
    const m = catalogs[language] ?? en;
    return {
      terminals: m.terminals,
      terminal: (n: number) => m.terminal.replace('{n}', String(n)),
      add: m.add,
      close: m.close,
    };
  }, [language]);
}

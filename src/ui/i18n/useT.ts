/** `const t = useT(); t('toolbar.play')` — the UI's words in the current language. */
import { useContext, useMemo } from 'react';
import { LanguageContext } from './LanguageContext';
import { translator } from './messages';
import type { Translate } from './messages';

export function useT(): Translate {
  const language = useContext(LanguageContext);
  return useMemo(() => translator(language), [language]);
}

/** The current UI language. */
export function useLanguage() {
  return useContext(LanguageContext);
}

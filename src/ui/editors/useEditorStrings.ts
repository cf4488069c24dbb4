/**
 * The editor panel's words in the current UI language, from its own locale files
 * (`editors.en.json`, `editors.ko.json`).
 */
import { useMemo } from 'react';
import { useLanguage } from '../i18n/useT';
import en from './editors.en.json';
import ko from './editors.ko.json';

const catalogs = { en, ko };

/** `template` with each `{name}` replaced by `params.name`. */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function useEditorStrings() {
  const language = useLanguage();
  return useMemo(() => {
    const m = catalogs[language] ?? en;
    return {
      files: m.files,
      loading: m.loading,
      loadFailed: m.loadFailed,
      missing: (path: string) => fill(m.missing, { path }),
      apply: m.apply,
      applying: m.applying,
      reload: m.reload,
      reloadTitle: m.reloadTitle,
      appliedCompose: m.appliedCompose,
      savedProperties: (path: string) => fill(m.savedProperties, { path }),
      restartNeeded: (ids: number[]) => fill(m.restartNeeded, { ids: ids.join(', ') }),
      refused: (n: number) => (n === 1 ? m.refusedOne : fill(m.refusedMany, { n })),
      line: (n: number) => fill(m.line, { n }),
      warning: m.warning,
    };
  }, [language]);
}

export type EditorStrings = ReturnType<typeof useEditorStrings>;

/** The editor panel's words in the current UI language (the `editors.*` messages). */
import { useMemo } from 'react';
import { useT } from '../i18n/useT';

export function useEditorStrings() {
  const t = useT();
  return useMemo(
    () => ({
      files: t('editors.label'),
      loading: t('editors.loading'),
      loadFailed: t('editors.loadFailed'),
      missing: (path: string) => t('editors.missing', { path }),
      apply: t('editors.apply'),
      applying: t('editors.applying'),
      reload: t('editors.reload'),
      reloadTitle: t('editors.reloadTitle'),
      appliedCompose: t('editors.appliedCompose'),
      savedProperties: (path: string) => t('editors.savedProperties', { path }),
      restartNeeded: (ids: number[]) => t('editors.restartNeeded', { ids: ids.join(', ') }),
      refused: (n: number) => (n === 1 ? t('editors.refusedOne') : t('editors.refused', { n })),
      line: (n: number) => t('editors.line', { n }),
      warning: t('editors.warning'),
    }),
    [t],
  );
}

export type EditorStrings = ReturnType<typeof useEditorStrings>;

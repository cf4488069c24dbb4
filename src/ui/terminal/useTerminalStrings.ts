/** The terminal panel's words in the current UI language (the `terminal.*` messages). */
import { useMemo } from 'react';
import { useT } from '../i18n/useT';

export function useTerminalStrings() {
  const t = useT();
  return useMemo(
    () => ({
      terminals: t('terminal.label'),
      terminal: (n: number) => t('terminal.tab', { n }),
      add: t('terminal.add'),
      close: t('terminal.close'),
    }),
    [t],
  );
}

/**
 * Applies the app machine's preferences to the document — `data-theme`, large text, `lang`,
 * reduced motion — and follows the system's `prefers-reduced-motion`.
 */
import { useEffect } from 'react';
import type { AppActor } from '../../machines/appMachine';
import { useActorSelector } from './useActorSelector';

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

export function usePreferenceEffects(app: AppActor): void {
  const theme = useActorSelector(app, (s) => s.context.theme);
  const largeText = useActorSelector(app, (s) => s.context.largeText);
  const language = useActorSelector(app, (s) => s.context.language);
  const reducedMotion = useActorSelector(app, (s) => s.context.reducedMotion);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.reducedMotion = String(reducedMotion);
    root.classList.toggle('large-text', largeText);
    root.lang = language;
  }, [theme, largeText, language, reducedMotion]);

  useEffect(() => {
    const query = window.matchMedia?.(reducedMotionQuery);
    if (!query) return;
    const onChange = () =>
      app.send({ type: 'reducedMotion.changed', reducedMotion: query.matches });
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [app]);
}

/** The machine's input from the browser: stored choices and system settings. */
export function browserPreferences() {
  const media = (q: string) => window.matchMedia?.(q).matches ?? false;
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined;
  }
  return {
    storage,
    systemLanguage: navigator.language,
    prefersDark: media('(prefers-color-scheme: dark)'),
    prefersReducedMotion: media(reducedMotionQuery),
  };
}

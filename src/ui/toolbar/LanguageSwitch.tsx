import type { Language } from '../../machines/appMachine';
import { useAppActor, useAppSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';

/** Each language named in itself, as language pickers do. */
const names: Record<Language, string> = { en: 'EN', ko: '한국어' };

/** EN / 한국어. */
export function LanguageSwitch() {
  const t = useT();
  const app = useAppActor();
  const language = useAppSelector((s) => s.context.language);
  return (
    <div className="segmented" role="group" aria-label={t('toolbar.language')}>
      {(Object.keys(names) as Language[]).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          data-testid={`toolbar-language-${l}`}
          className={`segmented__option${l === language ? ' is-active' : ''}`}
          aria-pressed={l === language}
          onClick={() => app.send({ type: 'language.set', language: l })}
        >
          {names[l]}
        </button>
      ))}
    </div>
  );
}

import { useAppActor, useAppSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';
import { Icon } from './Icon';

/** Theme, large text for projectors, and the shortcuts list. */
export function DisplayControls() {
  const t = useT();
  const app = useAppActor();
  const theme = useAppSelector((s) => s.context.theme);
  const largeText = useAppSelector((s) => s.context.largeText);
  const themeLabel = t(theme === 'light' ? 'toolbar.themeToDark' : 'toolbar.themeToLight');
  return (
    <>
      <button
        type="button"
        className="button button--icon"
        title={themeLabel}
        aria-label={themeLabel}
        data-testid="toolbar-theme"
        data-theme={theme}
        onClick={() => app.send({ type: 'theme.toggle' })}
      >
        <Icon name={theme === 'light' ? 'moon' : 'sun'} />
      </button>
      <button
        type="button"
        className={`button button--icon${largeText ? ' is-active' : ''}`}
        title={t('toolbar.largeTextTitle')}
        aria-label={t('toolbar.largeText')}
        data-testid="toolbar-large-text"
        aria-pressed={largeText}
        onClick={() => app.send({ type: 'largeText.toggle' })}
      >
        <span aria-hidden="true">A+</span>
      </button>
      <button
        type="button"
        className="button button--icon"
        title={t('toolbar.shortcuts')}
        aria-label={t('toolbar.shortcuts')}
        data-testid="toolbar-shortcuts"
        onClick={() => app.send({ type: 'shortcuts.open' })}
      >
        <span aria-hidden="true">?</span>
      </button>
    </>
  );
}

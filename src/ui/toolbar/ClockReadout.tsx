import { usePlaybackSelector } from '../app/actorContexts';
import { formatTick } from '../format';
import { useT } from '../i18n/useT';

/** The virtual time since the cluster was created. */
export function ClockReadout() {
  const t = useT();
  const now = usePlaybackSelector((s) => s.context.now);
  const error = usePlaybackSelector((s) => s.context.error);
  return (
    <span className="clock" title={t('toolbar.time')}>
      <span className="field__label">{t('toolbar.time')}</span>
      <output className="clock__value" data-testid="toolbar-clock">
        {formatTick(now)}
      </output>
      {error && (
        <span className="clock__error" role="alert">
          {t('toolbar.error', { error })}
        </span>
      )}
    </span>
  );
}

import { speedSteps } from '../../machines/playbackMachine';
import { usePlaybackActor, usePlaybackSelector } from '../app/actorContexts';
import { formatSpeed } from '../format';
import { useT } from '../i18n/useT';

/** Virtual time per wall time, 0.1×–10×. */
export function SpeedSelect() {
  const t = useT();
  const playback = usePlaybackActor();
  const speed = usePlaybackSelector((s) => s.context.speed);
  const options = (speedSteps as readonly number[]).includes(speed)
    ? speedSteps
    : [...speedSteps, speed].sort((a, b) => a - b);
  return (
    <label className="field" title={t('toolbar.speedTitle')}>
      <span className="field__label">{t('toolbar.speed')}</span>
      <select
        data-testid="toolbar-speed"
        value={String(speed)}
        onChange={(e) =>
          playback.send({ type: 'playback.setSpeed', speed: Number(e.target.value) })
        }
      >
        {options.map((s) => (
          <option key={s} value={String(s)}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
    </label>
  );
}

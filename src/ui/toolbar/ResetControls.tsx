import { useEffect, useState } from 'react';
import { presets } from '../../machines/playbackMachine';
import type { Preset } from '../../machines/playbackMachine';
import { usePlaybackActor, usePlaybackSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';
import { Icon } from './Icon';

const presetLabel = {
  compose: 'preset.compose',
  kraft: 'preset.kraft',
  empty: 'preset.empty',
} as const;

/** Which cluster to build, from which seed, and the reset that builds it. */
export function ResetControls() {
  const t = useT();
  const playback = usePlaybackActor();
  const seed = usePlaybackSelector((s) => s.context.seed);
  const preset = usePlaybackSelector((s) => s.context.preset);
  const resetting = usePlaybackSelector((s) => s.matches('resetting'));
  const [seedText, setSeedText] = useState(String(seed));
  useEffect(() => setSeedText(String(seed)), [seed]);
  const parsed = Number(seedText);
  const valid = seedText.trim() !== '' && Number.isSafeInteger(parsed);
  const reset = (next: Preset) =>
    playback.send({ type: 'playback.reset', preset: next, ...(valid ? { seed: parsed } : {}) });
  return (
    <form
      className="reset-controls"
      onSubmit={(e) => {
        e.preventDefault();
        reset(preset);
      }}
    >
      <label className="field" title={t('toolbar.presetTitle')}>
        <span className="field__label">{t('toolbar.preset')}</span>
        <select
          value={preset}
          disabled={resetting}
          onChange={(e) => reset(e.target.value as Preset)}
        >
          {presets.map((p) => (
            <option key={p} value={p}>
              {t(presetLabel[p])}
            </option>
          ))}
        </select>
      </label>
      <label className="field" title={t('toolbar.seedTitle')}>
        <span className="field__label">{t('toolbar.seed')}</span>
        <input
          className="field__seed"
          inputMode="numeric"
          value={seedText}
          aria-invalid={!valid}
          onChange={(e) => setSeedText(e.target.value)}
        />
      </label>
      <button type="submit" className="button" title={t('toolbar.resetTitle')} disabled={resetting}>
        <Icon name="reset" />
        {t(resetting ? 'toolbar.resetting' : 'toolbar.reset')}
      </button>
    </form>
  );
}

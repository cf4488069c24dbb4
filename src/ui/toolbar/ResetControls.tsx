import { useEffect, useState } from 'react';
import { presets } from '../../machines/playbackMachine';
import type { Preset } from '../../machines/playbackMachine';
import { usePlaybackActor, usePlaybackSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';
import { useSnapshotValue } from '../workbench/WorkbenchProvider';
import type { ClusterSnapshot } from '../../sim/index';
import { Icon } from './Icon';

/** Broker counts a reset can build: one to the nine the diagram is laid out for. */
const brokerCounts = [1, 2, 3, 4, 5, 6, 7, 8, 9];

const brokerCount = (snapshot: ClusterSnapshot | undefined) => snapshot?.brokers.length ?? 0;

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
  // What the running cluster has (a compose file applied in the editor may have set it).
  const brokers = useSnapshotValue(brokerCount);
  const [seedText, setSeedText] = useState(String(seed));
  useEffect(() => setSeedText(String(seed)), [seed]);
  const parsed = Number(seedText);
  const valid = seedText.trim() !== '' && Number.isSafeInteger(parsed);
  const reset = (next: Preset, brokerCount?: number) =>
    playback.send({
      type: 'playback.reset',
      preset: next,
      ...(valid ? { seed: parsed } : {}),
      ...(brokerCount !== undefined ? { brokers: brokerCount } : {}),
    });
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
          data-testid="toolbar-preset"
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
      <label className="field" title={t('toolbar.brokersTitle')}>
        <span className="field__label">{t('toolbar.brokers')}</span>
        <select
          data-testid="toolbar-brokers"
          value={preset === 'empty' ? '' : String(brokers)}
          disabled={resetting || preset === 'empty'}
          onChange={(e) => reset(preset, Number(e.target.value))}
        >
          {preset === 'empty' && <option value="">–</option>}
          {(brokerCounts.includes(brokers) ? brokerCounts : [...brokerCounts, brokers])
            .filter((n) => n > 0)
            .map((n) => (
              <option key={n} value={n}>
                {n}
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

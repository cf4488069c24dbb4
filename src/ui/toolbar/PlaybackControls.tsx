import { defaultStepMs } from '../../machines/playbackMachine';
import { usePlaybackActor, usePlaybackSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';
import { Icon } from './Icon';

/** Play/pause and single step. */
export function PlaybackControls() {
  const t = useT();
  const playback = usePlaybackActor();
  const playing = usePlaybackSelector((s) => s.matches('playing'));
  const resetting = usePlaybackSelector((s) => s.matches('resetting'));
  return (
    <>
      <button
        type="button"
        className={`button button--primary${playing ? ' is-active' : ''}`}
        title={t(playing ? 'toolbar.pauseTitle' : 'toolbar.playTitle')}
        aria-pressed={playing}
        data-testid="toolbar-play"
        disabled={resetting}
        onClick={() => playback.send({ type: 'playback.toggle' })}
      >
        <Icon name={playing ? 'pause' : 'play'} />
        {t(playing ? 'toolbar.pause' : 'toolbar.play')}
      </button>
      <button
        type="button"
        className="button"
        title={t('toolbar.stepTitle', { ms: defaultStepMs })}
        data-testid="toolbar-step"
        disabled={resetting}
        onClick={() => playback.send({ type: 'playback.step' })}
      >
        <Icon name="step" />
        {t('toolbar.step')}
      </button>
    </>
  );
}

import { useT } from '../i18n/useT';
import { ClockReadout } from './ClockReadout';
import { DisplayControls } from './DisplayControls';
import { LanguageSwitch } from './LanguageSwitch';
import { PlaybackControls } from './PlaybackControls';
import { ResetControls } from './ResetControls';
import { SpeedSelect } from './SpeedSelect';

/** The top bar (DESIGN §1): clock controls, cluster reset, language, theme and help. */
export function Toolbar() {
  const t = useT();
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <h1 className="toolbar__title" data-testid="toolbar-title">
        {t('app.title')}
      </h1>
      <div className="toolbar__group">
        <PlaybackControls />
        <SpeedSelect />
        <ClockReadout />
      </div>
      <div className="toolbar__group">
        <ResetControls />
      </div>
      <div className="toolbar__group toolbar__group--end">
        <LanguageSwitch />
        <DisplayControls />
      </div>
    </header>
  );
}

/**
 * The Kafka Workbench page (DESIGN §1): preferences and the app machine here; the worker, the
 * playback clock and the layout inside {@link WorkbenchProvider}.
 */
import { useState } from 'react';
import { createActor } from 'xstate';
import { appMachine } from '../machines/appMachine';
import { AppActorContext } from './app/actorContexts';
import { BootScreen } from './app/BootScreen';
import { useActorSelector } from './app/useActorSelector';
import { browserPreferences, usePreferenceEffects } from './app/usePreferenceEffects';
import { Workbench } from './app/Workbench';
import { LanguageContext } from './i18n/LanguageContext';
import { WorkbenchProvider } from './workbench/WorkbenchProvider';

export function App() {
  const [app] = useState(() => createActor(appMachine, { input: browserPreferences() }).start());
  const language = useActorSelector(app, (s) => s.context.language);
  const booting = useActorSelector(app, (s) => s.matches('booting'));
  usePreferenceEffects(app);
  return (
    <AppActorContext.Provider value={app}>
      <LanguageContext.Provider value={language}>
        {booting && <BootScreen />}
        <WorkbenchProvider>
          <Workbench />
        </WorkbenchProvider>
      </LanguageContext.Provider>
    </AppActorContext.Provider>
  );
}

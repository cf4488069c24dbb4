/**
 * The workbench layout (DESIGN §1), once the worker is connected: toolbar on top, the lesson or
 * sandbox on the left, the live topology in the centre, terminals below it, operator tables, the
 * event log and the editors in tabs on the right.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { createActor } from 'xstate';
import { playbackMachine } from '../../machines/playbackMachine';
import { EventLogContext } from '../events/EventLogContext';
import { EventLogStore } from '../events/eventLogStore';
import { LessonPanelToggle } from '../lesson/LessonPanelToggle';
import { SandboxPanel } from '../lesson/SandboxPanel';
import { SideTabs } from '../layout/SideTabs';
import { Toolbar } from '../toolbar/Toolbar';
import { ShortcutsDialog } from '../toolbar/ShortcutsDialog';
import { TopologyDiagram } from '../topology/TopologyDiagram';
import { useDiagramShown, useWorkbench } from '../workbench/WorkbenchProvider';
import { PlaybackActorContext, useAppActor } from './actorContexts';
import { useActorSelector } from './useActorSelector';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

/**
 * The terminals (xterm.js and their chunk of the worker: the tools and the shell) load after the
 * diagram has shown the first snapshot, so the first render needs neither.
 */
const TerminalPanel = lazy(() =>
  import('../terminal/TerminalPanel').then((m) => ({ default: m.TerminalPanel })),
);

export function Workbench() {
  const { remote, hub } = useWorkbench();
  const app = useAppActor();
  const [playback] = useState(() =>
    createActor(playbackMachine, { input: { backend: remote, clock: hub.clock } }).start(),
  );
  const [eventLog] = useState(() => new EventLogStore());
  const lessonOpen = useActorSelector(app, (s) => s.context.lessonPanelOpen);
  const diagramShown = useDiagramShown();

  useEffect(() => {
    app.send({ type: 'app.connected' });
  }, [app]);
  useEffect(
    () =>
      hub.subscribe((batch) => {
        playback.send({ type: 'playback.synced', clock: batch.clock });
        eventLog.add(batch);
      }),
    [hub, playback, eventLog],
  );
  useKeyboardShortcuts(app, playback);

  return (
    <PlaybackActorContext.Provider value={playback}>
      <EventLogContext.Provider value={eventLog}>
        <div className={`workbench${lessonOpen ? '' : ' workbench--lesson-folded'}`}>
          <Toolbar />
          <aside className="workbench__lesson" id="lesson-panel">
            <LessonPanelToggle />
            {lessonOpen && <SandboxPanel />}
          </aside>
          <main className="workbench__diagram">
            <TopologyDiagram />
          </main>
          <section className="workbench__terminal" aria-busy={!diagramShown}>
            {diagramShown && (
              <Suspense fallback={null}>
                <TerminalPanel />
              </Suspense>
            )}
          </section>
          <aside className="workbench__side">
            <SideTabs />
          </aside>
          <ShortcutsDialog />
        </div>
      </EventLogContext.Provider>
    </PlaybackActorContext.Provider>
  );
}

import { useAppActor, useAppSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';

/** Folds the left panel away (more room for the diagram on a projector) and back. */
export function LessonPanelToggle() {
  const t = useT();
  const app = useAppActor();
  const open = useAppSelector((s) => s.context.lessonPanelOpen);
  const label = t(open ? 'lesson.collapse' : 'lesson.expand');
  return (
    <button
      type="button"
      className="button button--icon lesson-toggle"
      title={label}
      aria-label={label}
      aria-expanded={open}
      aria-controls="lesson-panel"
      onClick={() => app.send({ type: 'lessonPanel.toggle' })}
    >
      <span aria-hidden="true">{open ? '«' : '»'}</span>
    </button>
  );
}

import { useEffect, useRef } from 'react';
import { useAppActor, useAppSelector } from '../app/actorContexts';
import { shortcuts } from '../app/shortcuts';
import { useT } from '../i18n/useT';

/** The `?` list of keyboard shortcuts. */
export function ShortcutsDialog() {
  const t = useT();
  const app = useAppActor();
  const open = useAppSelector((s) => s.matches({ ready: 'shortcutsOpen' }));
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => app.send({ type: 'shortcuts.close' })}
      onClick={(e) => {
        if (e.target === dialog.current) app.send({ type: 'shortcuts.close' });
      }}
    >
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{'message' in s.label ? t(s.label.message) : s.label.text}</kbd>
              </td>
              <td>{t(s.description)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('shortcuts.note')}</p>
      <button
        type="button"
        className="button"
        onClick={() => app.send({ type: 'shortcuts.close' })}
      >
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}

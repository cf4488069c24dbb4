/**
 * Global keys (listed under `?`): Space play/pause, `.` step, `+`/`-` speed, `t` new terminal,
 * `l` language, `?` this list, Esc closes it. Off while typing in a field, the terminal or an
 * editor, and with Ctrl/Alt/Meta held.
 */
import { useEffect } from 'react';
import type { AppActor } from '../../machines/appMachine';
import type { PlaybackActor } from '../../machines/playbackMachine';
import { shortcutFor } from './shortcuts';
import { requestNewTerminal } from './workbenchEvents';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], .xterm, .monaco-editor'))
    return true;
  return false;
}

export function useKeyboardShortcuts(app: AppActor, playback: PlaybackActor): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const action = shortcutFor(event.key);
      if (!action) return;
      if (action !== 'escape' && typingIn(event.target)) return;
      // Space on a focused button would press it as well.
      if (action === 'playPause' && event.target instanceof HTMLButtonElement) return;
      switch (action) {
        case 'playPause':
          playback.send({ type: 'playback.toggle' });
          break;
        case 'step':
          playback.send({ type: 'playback.step' });
          break;
        case 'faster':
          playback.send({ type: 'playback.faster' });
          break;
        case 'slower':
          playback.send({ type: 'playback.slower' });
          break;
        case 'newTerminal':
          requestNewTerminal();
          break;
        case 'language':
          app.send({ type: 'language.toggle' });
          break;
        case 'help':
          app.send({ type: 'shortcuts.toggle' });
          break;
        case 'escape':
          app.send({ type: 'shortcuts.close' });
          return; // let menus see Escape too
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app, playback]);
}

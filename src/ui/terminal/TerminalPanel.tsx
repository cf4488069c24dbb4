import { useCallback, useEffect, useRef, useState } from 'react';
import { newTerminalEvent, pasteCommandEvent } from '../app/workbenchEvents';
import type { PasteCommandDetail } from '../app/workbenchEvents';
import { TerminalPane } from './TerminalPane';
import type { TerminalController } from './terminalController';
import { useTerminalStrings } from './useTerminalStrings';
import './terminal.css';

/** At most this many terminals side by side. */
const maxTerminals = 4;

/**
 * The terminals (DESIGN §1, bottom): tabs side by side, each a shell of its own on the simulated
 * machine. The first opens at start; `+` adds one, `×` closes one (stopping what runs in it).
 */
export function TerminalPanel() {
  const t = useTerminalStrings();
  // Each tab's slot is its number minus one: the lowest free one, so history follows the number.
  const [slots, setSlots] = useState<number[]>([0]);
  const add = () =>
    setSlots((s) => {
      if (s.length >= maxTerminals) return s;
      let free = 0;
      while (s.includes(free)) free++;
      return [...s, free].sort((a, b) => a - b);
    });
  const close = (slot: number) => setSlots((s) => s.filter((x) => x !== slot));

  // The terminal last focused receives the sandbox's example commands.
  const controllers = useRef(new Map<number, TerminalController>());
  const active = useRef(0);
  const register = useCallback((slot: number, controller: TerminalController | undefined) => {
    if (controller) controllers.current.set(slot, controller);
    else controllers.current.delete(slot);
  }, []);
  useEffect(() => {
    const onNew = () => add();
    const onPaste = (event: Event) => {
      const { text } = (event as CustomEvent<PasteCommandDetail>).detail;
      const target =
        controllers.current.get(active.current) ?? controllers.current.values().next().value;
      target?.putCommand(text);
    };
    window.addEventListener(newTerminalEvent, onNew);
    window.addEventListener(pasteCommandEvent, onPaste);
    return () => {
      window.removeEventListener(newTerminalEvent, onNew);
      window.removeEventListener(pasteCommandEvent, onPaste);
    };
  }, []);

  return (
    <section className="terminal-panel" data-testid="terminal-panel" aria-label={t.terminals}>
      <div className="terminal-panes">
        {slots.map((slot, i) => {
          const label = t.terminal(slot + 1);
          return (
            <div
              className="terminal-pane"
              key={slot}
              onFocusCapture={() => {
                active.current = slot;
              }}
            >
              <div className="terminal-pane-header" data-testid={`terminal-tab-${slot + 1}`}>
                <span className="terminal-pane-title">{label}</span>
                <span className="terminal-pane-buttons">
                  {slots.length > 1 && (
                    <button
                      type="button"
                      className="terminal-button"
                      data-testid={`terminal-close-${slot + 1}`}
                      title={t.close}
                      aria-label={`${t.close}: ${label}`}
                      onClick={() => close(slot)}
                    >
                      ×
                    </button>
                  )}
                  {i === slots.length - 1 && slots.length < maxTerminals && (
                    <button
                      type="button"
                      className="terminal-button"
                      data-testid="terminal-add"
                      title={t.add}
                      aria-label={t.add}
                      onClick={add}
                    >
                      +
                    </button>
                  )}
                </span>
              </div>
              <TerminalPane slot={slot} label={label} register={register} />
            </div>
          );
        })}
      </div>
    </section>
  );
}

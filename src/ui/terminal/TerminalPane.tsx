import { useEffect, useRef, useState } from 'react';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useAppSelector } from '../app/actorContexts';
import { useWorkbench } from '../workbench/WorkbenchProvider';
import type { TerminalState } from '../../worker/client';
import { fitTerminal } from './fitTerminal';
import { TerminalController } from './terminalController';
import { terminalTheme } from './terminalTheme';

/** xterm's font size, px: normal and with the toolbar's large text (projectors). */
export const terminalFontSize = { normal: 14, large: 20 } as const;

/** `idle` at the prompt, `busy` while a command runs, `reading` when it reads typed lines. */
function stateName(state: TerminalState | undefined): 'starting' | 'idle' | 'busy' | 'reading' {
  if (!state) return 'starting';
  return state.readingInput ? 'reading' : state.busy ? 'busy' : 'idle';
}

/**
 * One terminal: an xterm.js screen sized to its box, wired to a shell in the worker by a
 * {@link TerminalController}. `slot` is the tab's position, whose history it continues.
 */
export function TerminalPane({
  slot,
  label,
  register,
}: {
  slot: number;
  label: string;
  /** Told of the pane's controller once it exists, and of `undefined` when it goes. */
  register?: (slot: number, controller: TerminalController | undefined) => void;
}) {
  const { remote, hub } = useWorkbench();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<TerminalState>();
  const [terminalId, setTerminalId] = useState<number>();
  const theme = useAppSelector((s) => s.context.theme);
  const fontSize = useAppSelector((s) =>
    s.context.largeText ? terminalFontSize.large : terminalFontSize.normal,
  );
  const termRef = useRef<Terminal>(undefined);
  const refit = useRef<() => void>(undefined);
  // What a new xterm starts with; a switch restyles the running one (below), not a rebuild.
  const themeRef = useRef(theme);
  const fontSizeRef = useRef(fontSize);

  useEffect(() => {
    const element = box.current!;
    const term = new Terminal({
      theme: terminalTheme(themeRef.current),
      fontFamily:
        'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK KR", monospace',
      fontSize: fontSizeRef.current,
      scrollback: 5_000,
      cursorBlink: true,
      allowProposedApi: false,
    });
    term.open(element);
    fitTerminal(term, element);
    // Ctrl/Cmd-Shift-C copies the selection, as in desktop terminals (Ctrl-C stays SIGINT).
    term.attachCustomKeyEventHandler((event) => {
      const copy =
        event.type === 'keydown' &&
        (event.ctrlKey || event.metaKey) &&
        event.shiftKey &&
        event.code === 'KeyC';
      if (!copy) return true;
      if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection());
      event.preventDefault();
      return false;
    });
    const controller = new TerminalController(term, remote, slot, setState);
    register?.(slot, controller);
    const unsubscribe = hub.subscribe((batch) => controller.onBatch(batch));
    void controller.start().then((id) => {
      if (id !== undefined) setTerminalId(id);
    });
    refit.current = () => {
      if (fitTerminal(term, element)) controller.resized();
    };
    const observer = new ResizeObserver(() => refit.current?.());
    observer.observe(element);
    term.focus();
    termRef.current = term;
    return () => {
      termRef.current = undefined;
      refit.current = undefined;
      observer.disconnect();
      unsubscribe();
      register?.(slot, undefined);
      controller.dispose();
      term.dispose();
    };
  }, [remote, hub, slot, register]);

  useEffect(() => {
    themeRef.current = theme;
    if (termRef.current) termRef.current.options.theme = terminalTheme(theme);
  }, [theme]);

  useEffect(() => {
    fontSizeRef.current = fontSize;
    if (!termRef.current || termRef.current.options.fontSize === fontSize) return;
    termRef.current.options.fontSize = fontSize;
    // The cells take their new size when xterm next renders; fit to them then.
    const frame = requestAnimationFrame(() => refit.current?.());
    return () => cancelAnimationFrame(frame);
  }, [fontSize]);

  return (
    <div
      className="terminal-pane-screen"
      ref={box}
      data-testid={`terminal-${slot + 1}`}
      data-terminal-id={terminalId}
      data-state={stateName(state)}
      aria-label={label}
    />
  );
}

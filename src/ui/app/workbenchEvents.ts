/**
 * Window events that loosely couple parts of the workbench built separately: the keyboard
 * shortcut `t` and the sandbox's example commands talk to the terminal panel through them.
 *
 * ```ts
 * window.addEventListener(newTerminalEvent, () => openTab());
 * window.addEventListener(pasteCommandEvent, (e) => paste((e as CustomEvent<PasteCommandDetail>).detail.text));
 * ```
 */

/** Asks the terminal panel to open a new terminal tab. No detail. */
export const newTerminalEvent = 'workbench:new-terminal';

/** Asks the terminal panel to put a command on the active terminal's prompt (not run it). */
export const pasteCommandEvent = 'workbench:paste-command';

export interface PasteCommandDetail {
  text: string;
}

export function requestNewTerminal(): void {
  window.dispatchEvent(new CustomEvent(newTerminalEvent));
}

export function requestPaste(text: string): void {
  window.dispatchEvent(
    new CustomEvent<PasteCommandDetail>(pasteCommandEvent, { detail: { text } }),
  );
}

/**
 * Command history kept across reloads, one list per terminal tab position (the first tab, the
 * second, …), in `localStorage`. A blocked or full storage only loses the history.
 */

/** The storage key of the history of the tab at `slot` (0 for the first tab). */
export function historyKey(slot: number): string {
  return `kafka-workbench.terminalHistory.${slot}`;
}

/** The lines stored for the tab at `slot`, oldest first. */
export function loadHistory(
  slot: number,
  storage: Storage | undefined = globalThis.localStorage,
): string[] {
  try {
    const raw = storage?.getItem(historyKey(slot));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
}

/** Replaces the stored lines of the tab at `slot`. */
export function saveHistory(
  slot: number,
  lines: string[],
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(historyKey(slot), JSON.stringify(lines));
  } catch {
    // Storage full or disabled: history lives for this visit only.
  }
}

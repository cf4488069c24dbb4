/**
 * Sizes an xterm.js terminal to the box it is in (what `@xterm/addon-fit` does): as many columns
 * and rows of the rendered cell size as fit, leaving room for the scrollbar.
 */
import type { Terminal } from '@xterm/xterm';

/** Width xterm.js's overlay scrollbar takes, CSS px. */
const scrollbarWidth = 14;

/** Resizes `term` to fill `box`; returns true when the size changed. */
export function fitTerminal(term: Terminal, box: HTMLElement): boolean {
  const screen = box.querySelector<HTMLElement>('.xterm-screen');
  if (!screen || term.cols === 0 || term.rows === 0) return false;
  const rect = screen.getBoundingClientRect();
  const cellWidth = rect.width / term.cols;
  const cellHeight = rect.height / term.rows;
  if (!(cellWidth > 0) || !(cellHeight > 0)) return false;
  const style = getComputedStyle(box);
  const px = (v: string) => parseFloat(v) || 0;
  const width = box.clientWidth - px(style.paddingLeft) - px(style.paddingRight) - scrollbarWidth;
  const height = box.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
  const cols = Math.max(20, Math.floor(width / cellWidth));
  const rows = Math.max(2, Math.floor(height / cellHeight));
  if (cols === term.cols && rows === term.rows) return false;
  term.resize(cols, rows);
  return true;
}

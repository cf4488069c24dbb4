/**
 * The terminal's colours for the app's light and dark themes. Every colour a program writes text
 * in stays readable on the background at projector size (WCAG contrast ≥ 4.5:1; the test checks
 * it). The pane's frame in `terminal.css` uses the same backgrounds.
 */
import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../../machines/appMachine';

/** Dark: VS Code's terminal background and text, with ANSI colours bright enough to read on it. */
const dark: ITheme = {
  background: '#1e1e1e',
  foreground: '#d4d4d4',
  cursor: '#d4d4d4',
  cursorAccent: '#1e1e1e',
  selectionBackground: '#264f78',
  selectionInactiveBackground: '#3a3d41',
  black: '#000000',
  red: '#f14c4c',
  green: '#23d18b',
  yellow: '#e5e510',
  blue: '#3b8eea',
  magenta: '#d670d6',
  cyan: '#29b8db',
  white: '#e5e5e5',
  brightBlack: '#8b8b8b',
  brightRed: '#ff6b6b',
  brightGreen: '#4ee3a0',
  brightYellow: '#f5f543',
  brightBlue: '#6cb0ff',
  brightMagenta: '#e88ce8',
  brightCyan: '#5fd4f0',
  brightWhite: '#ffffff',
};

/**
 * Light: the app's light panel and text colours (`styles.css`). ANSI colours are dark shades, and
 * white is a grey, since programs written for dark terminals print text in white.
 */
const light: ITheme = {
  background: '#ffffff',
  foreground: '#1a1e24',
  cursor: '#1a1e24',
  cursorAccent: '#ffffff',
  selectionBackground: '#add6ff',
  selectionInactiveBackground: '#d8e3f0',
  scrollbarSliderBackground: 'rgba(26, 30, 36, 0.2)',
  scrollbarSliderHoverBackground: 'rgba(26, 30, 36, 0.35)',
  scrollbarSliderActiveBackground: 'rgba(26, 30, 36, 0.5)',
  black: '#1a1e24',
  red: '#c4261d',
  green: '#17803d',
  yellow: '#8a5a00',
  blue: '#2456d3',
  magenta: '#a4209e',
  cyan: '#0b7285',
  white: '#5a6370',
  brightBlack: '#5f6772',
  brightRed: '#a3170f',
  brightGreen: '#0f6b31',
  brightYellow: '#7a4e00',
  brightBlue: '#1a45b0',
  brightMagenta: '#8a1585',
  brightCyan: '#085e6e',
  brightWhite: '#3b424d',
};

/** The xterm.js colours for the app's `theme`. */
export function terminalTheme(theme: Theme): ITheme {
  return theme === 'light' ? light : dark;
}

import { describe, expect, it } from 'vitest';
import type { ITheme } from '@xterm/xterm';
import { terminalTheme } from './terminalTheme';

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const c = ((n >> shift) & 255) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const ansi = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const satisfies readonly (keyof ITheme)[];

describe('terminalTheme', () => {
  it('gives the light theme a light background with dark text, and the dark theme the reverse', () => {
    const light = terminalTheme('light');
    const dark = terminalTheme('dark');
    expect(luminance(light.background!)).toBeGreaterThan(0.8);
    expect(luminance(light.foreground!)).toBeLessThan(0.05);
    expect(luminance(dark.background!)).toBeLessThan(0.05);
    expect(luminance(dark.foreground!)).toBeGreaterThan(0.5);
  });

  // Dark terminals draw black only as a background; light ones get white text from programs
  // written for dark terminals, so there white must be readable too.
  it.each([
    ['light', ansi],
    ['dark', ansi.filter((c) => c !== 'black')],
  ] as const)(
    'in the %s theme the text, the cursor, selected text and every ANSI text colour are readable',
    (name, textColours) => {
      const p = terminalTheme(name);
      const bg = p.background!;
      expect(contrast(p.foreground!, bg)).toBeGreaterThanOrEqual(7);
      expect(contrast(p.cursor!, bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.cursorAccent!, p.cursor!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.foreground!, p.selectionBackground!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.foreground!, p.selectionInactiveBackground!)).toBeGreaterThanOrEqual(4.5);
      for (const colour of textColours)
        expect(contrast(p[colour]!, bg), colour).toBeGreaterThanOrEqual(4.5);
    },
  );
});

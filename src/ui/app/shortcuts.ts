/** The keyboard shortcuts (DESIGN §5), as data: the key handler and the `?` dialog both read it. */
import type { MessageKey } from '../i18n/messages';

export type ShortcutAction =
  'playPause' | 'step' | 'faster' | 'slower' | 'newTerminal' | 'language' | 'help' | 'escape';

export interface Shortcut {
  action: ShortcutAction;
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** How the dialog shows the key: a named key's message, or the character itself. */
  label: { message: MessageKey } | { text: string };
  description: MessageKey;
}

export const shortcuts: readonly Shortcut[] = [
  {
    action: 'playPause',
    keys: [' '],
    label: { message: 'key.space' },
    description: 'shortcuts.playPause',
  },
  { action: 'step', keys: ['.'], label: { text: '.' }, description: 'shortcuts.step' },
  { action: 'faster', keys: ['+', '='], label: { text: '+' }, description: 'shortcuts.faster' },
  { action: 'slower', keys: ['-', '_'], label: { text: '−' }, description: 'shortcuts.slower' },
  {
    action: 'newTerminal',
    keys: ['t'],
    label: { text: 't' },
    description: 'shortcuts.newTerminal',
  },
  { action: 'language', keys: ['l'], label: { text: 'l' }, description: 'shortcuts.language' },
  { action: 'help', keys: ['?'], label: { text: '?' }, description: 'shortcuts.help' },
  {
    action: 'escape',
    keys: ['Escape'],
    label: { message: 'key.escape' },
    description: 'shortcuts.escape',
  },
];

/** The shortcut a key press means, if any. */
export function shortcutFor(key: string): ShortcutAction | undefined {
  return shortcuts.find((s) => s.keys.includes(key))?.action;
}

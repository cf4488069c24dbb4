/**
 * The workbench shell (DESIGN §1, §5): booting until the simulation worker answers, then ready;
 * the learner's preferences (language, theme, large text — remembered across visits), the
 * system's reduced-motion setting, the shortcuts dialog, the active side tab and what is selected
 * for highlighting in the diagram and the tables. Cluster state stays in the engine.
 */
import { assign, setup } from 'xstate';
import type { ActorRefFrom } from 'xstate';

/** UI languages: every visible string exists in both. */
export type Language = 'en' | 'ko';
export type Theme = 'light' | 'dark';

/** The right-hand tabs (DESIGN §1). */
export const sideTabs = [
  'brokers',
  'topics',
  'partitions',
  'groups',
  'messages',
  'events',
  'editors',
] as const;
export type SideTab = (typeof sideTabs)[number];

/** What the learner picked in a table, the event log or the diagram; highlighted everywhere. */
export type Selection =
  | { kind: 'none' }
  | { kind: 'broker'; brokerId: number }
  | { kind: 'topic'; topic: string }
  | { kind: 'partition'; topic: string; partition: number }
  | { kind: 'group'; groupId: string };

/** Where preferences are remembered: `localStorage` in the browser, a map in tests. */
export interface PreferenceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Keys under which preferences are stored. */
export const preferenceKeys = {
  language: 'kafka-workbench.language',
  theme: 'kafka-workbench.theme',
  largeText: 'kafka-workbench.largeText',
} as const;

export interface AppInput {
  storage?: PreferenceStore;
  /** `navigator.language`, used when no language was chosen before. */
  systemLanguage?: string;
  /** `prefers-color-scheme: dark`, used when no theme was chosen before. */
  prefersDark?: boolean;
  /** `prefers-reduced-motion: reduce`. */
  prefersReducedMotion?: boolean;
}

export interface AppContext {
  storage: PreferenceStore | undefined;
  language: Language;
  theme: Theme;
  /** Larger type for projectors. */
  largeText: boolean;
  reducedMotion: boolean;
  tab: SideTab;
  selection: Selection;
  /** The left lesson/sandbox panel; folded away it leaves the diagram more room. */
  lessonPanelOpen: boolean;
}

export type AppEvent =
  | { type: 'app.connected' }
  | { type: 'language.set'; language: Language }
  | { type: 'language.toggle' }
  | { type: 'theme.set'; theme: Theme }
  | { type: 'theme.toggle' }
  | { type: 'largeText.toggle' }
  | { type: 'reducedMotion.changed'; reducedMotion: boolean }
  | { type: 'shortcuts.open' }
  | { type: 'shortcuts.close' }
  | { type: 'shortcuts.toggle' }
  | { type: 'tab.select'; tab: SideTab }
  | { type: 'lessonPanel.toggle' }
  | { type: 'select.broker'; brokerId: number }
  | { type: 'select.topic'; topic: string }
  | { type: 'select.partition'; topic: string; partition: number }
  | { type: 'select.group'; groupId: string }
  | { type: 'select.clear' };

function read(storage: PreferenceStore | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

function write(storage: PreferenceStore | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // not remembered; the choice still applies to this visit
  }
}

function initialContext(input: AppInput | undefined): AppContext {
  const storage = input?.storage;
  const storedLanguage = read(storage, preferenceKeys.language);
  const storedTheme = read(storage, preferenceKeys.theme);
  return {
    storage,
    language:
      storedLanguage === 'en' || storedLanguage === 'ko'
        ? storedLanguage
        : input?.systemLanguage?.toLowerCase().startsWith('ko')
          ? 'ko'
          : 'en',
    theme:
      storedTheme === 'light' || storedTheme === 'dark'
        ? storedTheme
        : input?.prefersDark
          ? 'dark'
          : 'light',
    largeText: read(storage, preferenceKeys.largeText) === 'true',
    reducedMotion: input?.prefersReducedMotion ?? false,
    tab: 'brokers',
    selection: { kind: 'none' },
    lessonPanelOpen: true,
  };
}

export const appMachine = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as AppInput | undefined,
  },
  actions: {
    setLanguage: assign({
      language: ({ context, event }) =>
        event.type === 'language.set'
          ? event.language
          : event.type === 'language.toggle'
            ? context.language === 'en'
              ? 'ko'
              : 'en'
            : context.language,
    }),
    rememberLanguage: ({ context }) =>
      write(context.storage, preferenceKeys.language, context.language),
    setTheme: assign({
      theme: ({ context, event }) =>
        event.type === 'theme.set'
          ? event.theme
          : event.type === 'theme.toggle'
            ? context.theme === 'light'
              ? 'dark'
              : 'light'
            : context.theme,
    }),
    rememberTheme: ({ context }) => write(context.storage, preferenceKeys.theme, context.theme),
    toggleLargeText: assign({ largeText: ({ context }) => !context.largeText }),
    rememberLargeText: ({ context }) =>
      write(context.storage, preferenceKeys.largeText, String(context.largeText)),
    setReducedMotion: assign({
      reducedMotion: ({ context, event }) =>
        event.type === 'reducedMotion.changed' ? event.reducedMotion : context.reducedMotion,
    }),
    toggleLessonPanel: assign({ lessonPanelOpen: ({ context }) => !context.lessonPanelOpen }),
    setTab: assign({
      tab: ({ context, event }) => (event.type === 'tab.select' ? event.tab : context.tab),
    }),
    setSelection: assign({
      selection: ({ context, event }): Selection => {
        switch (event.type) {
          case 'select.broker':
            return { kind: 'broker', brokerId: event.brokerId };
          case 'select.topic':
            return { kind: 'topic', topic: event.topic };
          case 'select.partition':
            return { kind: 'partition', topic: event.topic, partition: event.partition };
          case 'select.group':
            return { kind: 'group', groupId: event.groupId };
          case 'select.clear':
            return { kind: 'none' };
          default:
            return context.selection;
        }
      },
    }),
  },
}).createMachine({
  id: 'app',
  context: ({ input }) => initialContext(input),
  initial: 'booting',
  on: {
    'language.set': { actions: ['setLanguage', 'rememberLanguage'] },
    'language.toggle': { actions: ['setLanguage', 'rememberLanguage'] },
    'theme.set': { actions: ['setTheme', 'rememberTheme'] },
    'theme.toggle': { actions: ['setTheme', 'rememberTheme'] },
    'largeText.toggle': { actions: ['toggleLargeText', 'rememberLargeText'] },
    'reducedMotion.changed': { actions: 'setReducedMotion' },
  },
  states: {
    /** Waiting for the simulation worker's first batch. */
    booting: {
      on: { 'app.connected': 'ready' },
    },
    ready: {
      on: {
        'tab.select': { actions: 'setTab' },
        'lessonPanel.toggle': { actions: 'toggleLessonPanel' },
        'select.broker': { actions: 'setSelection' },
        'select.topic': { actions: 'setSelection' },
        'select.partition': { actions: 'setSelection' },
        'select.group': { actions: 'setSelection' },
        'select.clear': { actions: 'setSelection' },
      },
      initial: 'shortcutsClosed',
      states: {
        shortcutsClosed: {
          on: { 'shortcuts.open': 'shortcutsOpen', 'shortcuts.toggle': 'shortcutsOpen' },
        },
        shortcutsOpen: {
          on: { 'shortcuts.close': 'shortcutsClosed', 'shortcuts.toggle': 'shortcutsClosed' },
        },
      },
    },
  },
});

/** A running {@link appMachine}. */
export type AppActor = ActorRefFrom<typeof appMachine>;

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { appMachine, preferenceKeys } from './appMachine';
import type { PreferenceStore } from './appMachine';

function memoryStore(initial: Record<string, string> = {}): PreferenceStore & {
  data: Record<string, string>;
} {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

describe('appMachine', () => {
  it('boots until the worker connects, then is ready with the shortcuts dialog closed', () => {
    const actor = createActor(appMachine, { input: {} }).start();
    expect(actor.getSnapshot().matches('booting')).toBe(true);
    actor.send({ type: 'app.connected' });
    expect(actor.getSnapshot().matches({ ready: 'shortcutsClosed' })).toBe(true);
  });

  it('remembers the chosen language and theme in storage and reads them on the next visit', () => {
    const storage = memoryStore();
    const first = createActor(appMachine, { input: { storage } }).start();
    first.send({ type: 'language.toggle' });
    first.send({ type: 'theme.set', theme: 'dark' });
    first.send({ type: 'largeText.toggle' });
    expect(storage.data[preferenceKeys.language]).toBe('ko');
    expect(storage.data[preferenceKeys.theme]).toBe('dark');

    const second = createActor(appMachine, { input: { storage } }).start();
    const { language, theme, largeText } = second.getSnapshot().context;
    expect({ language, theme, largeText }).toEqual({
      language: 'ko',
      theme: 'dark',
      largeText: true,
    });
  });

  it('falls back to the system language and colour scheme when nothing was chosen', () => {
    const actor = createActor(appMachine, {
      input: { systemLanguage: 'ko-KR', prefersDark: true, prefersReducedMotion: true },
    }).start();
    const { language, theme, reducedMotion } = actor.getSnapshot().context;
    expect({ language, theme, reducedMotion }).toEqual({
      language: 'ko',
      theme: 'dark',
      reducedMotion: true,
    });
  });

  it('ignores a stored value it does not know and survives a storage that throws', () => {
    const throwing: PreferenceStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const actor = createActor(appMachine, { input: { storage: throwing } }).start();
    actor.send({ type: 'theme.toggle' });
    expect(actor.getSnapshot().context.theme).toBe('dark');
    const odd = createActor(appMachine, {
      input: { storage: memoryStore({ [preferenceKeys.language]: 'fr' }) },
    }).start();
    expect(odd.getSnapshot().context.language).toBe('en');
  });

  it('follows prefers-reduced-motion changes', () => {
    const actor = createActor(appMachine, { input: {} }).start();
    actor.send({ type: 'reducedMotion.changed', reducedMotion: true });
    expect(actor.getSnapshot().context.reducedMotion).toBe(true);
  });

  it('opens and closes the shortcuts dialog only once ready', () => {
    const actor = createActor(appMachine, { input: {} }).start();
    actor.send({ type: 'shortcuts.toggle' });
    expect(actor.getSnapshot().matches('booting')).toBe(true);
    actor.send({ type: 'app.connected' });
    actor.send({ type: 'shortcuts.toggle' });
    expect(actor.getSnapshot().matches({ ready: 'shortcutsOpen' })).toBe(true);
    actor.send({ type: 'shortcuts.close' });
    expect(actor.getSnapshot().matches({ ready: 'shortcutsClosed' })).toBe(true);
  });

  it('keeps one selection for highlighting: a partition replaces a broker, clear empties it', () => {
    const actor = createActor(appMachine, { input: {} }).start();
    actor.send({ type: 'app.connected' });
    actor.send({ type: 'select.broker', brokerId: 2 });
    expect(actor.getSnapshot().context.selection).toEqual({ kind: 'broker', brokerId: 2 });
    actor.send({ type: 'select.partition', topic: 'orders', partition: 1 });
    expect(actor.getSnapshot().context.selection).toEqual({
      kind: 'partition',
      topic: 'orders',
      partition: 1,
    });
    actor.send({ type: 'select.group', groupId: 'g1' });
    expect(actor.getSnapshot().context.selection).toEqual({ kind: 'group', groupId: 'g1' });
    actor.send({ type: 'select.clear' });
    expect(actor.getSnapshot().context.selection).toEqual({ kind: 'none' });
  });

  it('switches the side tab and folds the lesson panel away and back', () => {
    const actor = createActor(appMachine, { input: {} }).start();
    actor.send({ type: 'app.connected' });
    actor.send({ type: 'tab.select', tab: 'events' });
    expect(actor.getSnapshot().context.tab).toBe('events');
    actor.send({ type: 'lessonPanel.toggle' });
    expect(actor.getSnapshot().context.lessonPanelOpen).toBe(false);
    actor.send({ type: 'lessonPanel.toggle' });
    expect(actor.getSnapshot().context.lessonPanelOpen).toBe(true);
  });
});

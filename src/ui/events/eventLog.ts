/**
 * The event log's entries (DESIGN §1): listed events, newest last, with the consequences of a
 * broker change folded under it — "broker 2 stopped → orders-1 leader 2→3, ISR 3,1" — and a new
 * topic's partitions and configs under its creation. Pure: entries are rebuilt from events, never from state.
 */
import type { SimEvent } from '../../sim/index';
import type { Language } from '../../machines/appMachine';
import { translate } from '../i18n/messages';
import { describeEvent, eventKind } from './describeEvent';

export interface EventLogEntry {
  /** Increasing per log. */
  id: number;
  event: SimEvent;
  /** Events this one caused (leader elections after a broker stopped, a topic's partitions). */
  consequences: SimEvent[];
}

/** Virtual ms after a broker change in which elections and ISR changes count as its consequence. */
export const consequenceWindowMs = 60_000;

/** Entries kept; older ones scroll away. */
export const maxEntries = 500;

/** How far back a consequence looks for its cause. */
const lookBack = 40;

const brokerOf = (e: SimEvent): number | undefined => {
  if (typeof e.broker === 'number') return e.broker;
  const m = /^broker-(\d+)$/.exec(typeof e.node === 'string' ? e.node : '');
  return m ? Number(m[1]) : undefined;
};

const down = new Set([
  'broker.stopped',
  'broker.shutting-down',
  'broker.controlled-shutdown',
  'broker.fenced',
  'network.isolated',
]);
const up = new Set(['broker.started', 'broker.unfenced', 'network.rejoined']);

/** Whether `effect` follows from `cause` (see the module comment). */
export function causedBy(cause: SimEvent, effect: SimEvent): boolean {
  if (effect.tick - cause.tick > consequenceWindowMs || effect.tick < cause.tick) return false;
  if (cause.type === 'topic.created')
    return (
      (effect.type === 'partition.created' && effect.topic === cause.topic) ||
      (effect.type === 'config.changed' &&
        effect.resource === 'topic' &&
        effect.name === cause.topic)
    );
  const broker = brokerOf(cause);
  if (broker === undefined) return false;
  const includes = (v: unknown) => Array.isArray(v) && v.includes(broker);
  if (down.has(cause.type))
    return (
      (effect.type === 'leader.elected' && effect.previousLeader === broker) ||
      (effect.type === 'isr.shrunk' && includes(effect.removed)) ||
      ((effect.type === 'broker.fenced' || effect.type === 'broker.controlled-shutdown') &&
        effect.broker === broker)
    );
  if (up.has(cause.type))
    return (
      (effect.type === 'leader.elected' && effect.leader === broker) ||
      (effect.type === 'isr.expanded' && includes(effect.added)) ||
      ((effect.type === 'broker.unfenced' || effect.type === 'broker.registered') &&
        effect.broker === broker)
    );
  return false;
}

/**
 * `entries` with `events` added: listed kinds only (traffic when `showTraffic`), consequences
 * folded under their cause, at most {@link maxEntries}. Returns a new array; entries that change
 * are new objects.
 */
export function appendEvents(
  entries: readonly EventLogEntry[],
  events: readonly SimEvent[],
  showTraffic: boolean,
): EventLogEntry[] {
  const next = entries.slice();
  let id = next.at(-1)?.id ?? 0;
  for (const event of events) {
    const kind = eventKind(event.type);
    if (kind === 'hidden' || (kind === 'traffic' && !showTraffic)) continue;
    if (event.type === 'broker.stopped') {
      // A clean stop began with `broker.shutting-down`: the stop takes over that entry, so the
      // line reads "broker 2 stopped → orders-1 leader 2→3, …".
      let i = next.length - 1;
      while (
        i >= 0 &&
        !(
          next[i]!.event.type === 'broker.shutting-down' &&
          next[i]!.event.broker === event.broker &&
          event.tick - next[i]!.event.tick <= consequenceWindowMs
        )
      )
        i--;
      if (i >= 0) {
        const [begun] = next.splice(i, 1);
        next.push({
          id: ++id,
          event,
          consequences: begun!.consequences.filter((c) => c.type !== 'broker.controlled-shutdown'),
        });
        continue;
      }
    }
    let folded = false;
    for (let i = next.length - 1; i >= Math.max(0, next.length - lookBack); i--) {
      const entry = next[i]!;
      if (event.tick - entry.event.tick > consequenceWindowMs) break;
      if (causedBy(entry.event, event)) {
        next[i] = { ...entry, consequences: [...entry.consequences, event] };
        folded = true;
        break;
      }
    }
    if (!folded) next.push({ id: ++id, event, consequences: [] });
  }
  return next.length > maxEntries ? next.slice(next.length - maxEntries) : next;
}

/** Consequences spelled out after the cause; a long list ends with "and N more". */
export const shownConsequences = 4;

const internalTopic = (e: SimEvent) => typeof e.topic === 'string' && e.topic.startsWith('__');

/**
 * An entry in plain words: "broker 2 stopped → orders-1 leader 2→3, ISR 3,1; …". The learner's
 * topics come first; changes to internal topics (`__consumer_offsets`) are counted, not listed.
 */
export function describeEntry(entry: EventLogEntry, language: Language): string {
  const head = describeEvent(entry.event, language);
  const elected = new Set(
    entry.consequences
      .filter((e) => e.type === 'leader.elected')
      .map((e) => `${String(e.topic)}-${String(e.partition)}:${String(e.isr)}`),
  );
  const listed = entry.consequences
    .filter((e) => !internalTopic(e))
    // An election already names the new ISR.
    .filter(
      (e) =>
        e.type !== 'isr.shrunk' ||
        !elected.has(`${String(e.topic)}-${String(e.partition)}:${String(e.isr)}`),
    )
    .sort((a, b) => priority(a) - priority(b));
  const internal = new Map<string, number>();
  for (const e of entry.consequences)
    if (internalTopic(e)) internal.set(String(e.topic), (internal.get(String(e.topic)) ?? 0) + 1);
  const parts = listed.slice(0, shownConsequences).map((e) => describeEvent(e, language));
  const rest = listed.length - parts.length;
  let text = parts.join('; ');
  if (rest > 0) text += ` ${translate(language, 'events.more', { count: rest })}`;
  for (const [topic, count] of internal)
    text += `${text ? '; ' : ''}${translate(language, 'events.internalChanges', { topic, count })}`;
  return text ? `${head} → ${text}` : head;
}

/** Partition leadership first, then ISR changes, then the rest (stable within each). */
function priority(e: SimEvent): number {
  if (e.type === 'leader.elected' || e.type === 'records.lost') return 0;
  if (e.type.startsWith('isr.')) return 1;
  return 2;
}

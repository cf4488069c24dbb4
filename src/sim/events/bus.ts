/**
 * Every state change and every message on the simulated wire becomes an event (DESIGN §3). The UI
 * animates events and never recomputes Kafka semantics; tests hash the event stream to prove the
 * engine deterministic.
 */
export interface SimEvent {
  /** Virtual time of the event, in ms since the cluster was created. */
  tick: number;
  /** Dot-namespaced kind, e.g. `record.appended`, `isr.shrunk`, `leader.elected`, `group.rebalanced`. */
  type: string;
  /** Plain-data details; always JSON-serialisable. */
  [field: string]: unknown;
}

/** A listener receives each event synchronously, in emission order. */
export type EventListener = (event: SimEvent) => void;

/** Fan-out of events to listeners. Emitting with no listener costs one branch. */
export class EventBus {
  private listeners: EventListener[] = [];
  private readonly hooks = new Map<string, EventListener[]>();

  constructor(private readonly clock: { readonly now: number }) {}

  /** True when at least one listener is attached: callers may skip building costly payloads. */
  get active(): boolean {
    return this.listeners.length > 0;
  }

  /** Emits `{ tick: now, type, ...fields }` to every listener. */
  emit(type: string, fields: Record<string, unknown> = {}): void {
    const hooks = this.hooks.get(type);
    if (this.listeners.length === 0 && !hooks) return;
    const event: SimEvent = { tick: this.clock.now, type, ...fields };
    if (hooks) for (const hook of hooks) hook(event);
    for (const listener of this.listeners) listener(event);
  }

  /**
   * An engine-internal reaction to one event type (e.g. reporting data loss after an unclean
   * election). Hooks run before listeners and do not make {@link active} true.
   */
  on(type: string, hook: EventListener): void {
    const list = this.hooks.get(type) ?? [];
    list.push(hook);
    this.hooks.set(type, list);
  }

  /** Attaches a listener; call the returned function to detach it. */
  subscribe(listener: EventListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
}

/**
 * The simulated network between nodes (brokers, ZooKeeper, controllers, clients). Each directed link
 * has a fixed latency drawn once from the network's random stream, so messages on one link arrive in
 * the order they were sent (like one TCP connection). A stopped node or a cut link drops what is sent
 * to it — nothing is teleported: DESIGN §3.
 */
import type { EventBus } from '../events/bus';
import type { Prng } from '../random/prng';
import type { Scheduler } from '../time/scheduler';

/** A node's address on the simulated network, e.g. `broker-1`, `zookeeper`, `client-console-producer-1`. */
export type NodeId = string;

/** Why a message did not arrive. */
export type DropReason = 'node-down' | 'link-cut';

export class Network {
  private readonly down = new Set<NodeId>();
  private readonly cutLinks = new Set<string>();
  private readonly isolated = new Set<NodeId>();
  private readonly latency = new Map<string, number>();
  /** Connections awaiting an answer from each node: closed (failed) when that node stops. */
  private readonly openRequests = new Map<NodeId, Set<() => void>>();

  /**
   * @param minLatencyMs smallest one-way latency of a link, ms.
   * @param maxLatencyMs largest one-way latency of a link, ms.
   */
  constructor(
    private readonly scheduler: Scheduler,
    private readonly rng: Prng,
    private readonly bus: EventBus,
    private readonly minLatencyMs = 1,
    private readonly maxLatencyMs = 2,
  ) {}

  /** Marks a node as running (true) or stopped (false). A stopped node neither sends nor receives. */
  setUp(node: NodeId, up: boolean): void {
    if (up) {
      this.down.delete(node);
      return;
    }
    this.down.add(node);
    // The stopped process's TCP connections close: whoever waits for an answer from it learns now.
    const waiting = this.openRequests.get(node);
    if (!waiting) return;
    this.openRequests.delete(node);
    for (const fail of waiting) this.scheduler.schedule(0, fail);
  }

  /**
   * Registers a request awaiting an answer from `node`; `onClosed` runs if `node` stops first.
   * @returns a function to call once the answer arrived (or the request gave up).
   */
  awaitAnswer(node: NodeId, onClosed: () => void): () => void {
    let set = this.openRequests.get(node);
    if (!set) this.openRequests.set(node, (set = new Set()));
    set.add(onClosed);
    return () => this.openRequests.get(node)?.delete(onClosed);
  }

  isUp(node: NodeId): boolean {
    return !this.down.has(node);
  }

  /** Cuts the link between `a` and `b` in both directions. */
  cut(a: NodeId, b: NodeId): void {
    this.cutLinks.add(linkKey(a, b));
    this.bus.emit('network.link.cut', { a, b });
  }

  /** Restores the link between `a` and `b`. */
  heal(a: NodeId, b: NodeId): void {
    this.cutLinks.delete(linkKey(a, b));
    this.bus.emit('network.link.healed', { a, b });
  }

  /** Cuts every link of `node` (it keeps running, but nobody hears it). */
  isolate(node: NodeId): void {
    this.isolated.add(node);
    this.bus.emit('network.isolated', { node });
  }

  /** Undoes {@link isolate}. */
  rejoin(node: NodeId): void {
    this.isolated.delete(node);
    this.bus.emit('network.rejoined', { node });
  }

  isIsolated(node: NodeId): boolean {
    return this.isolated.has(node);
  }

  /** True when a message from `a` could reach `b` right now. */
  canReach(a: NodeId, b: NodeId): boolean {
    if (this.down.has(a) || this.down.has(b)) return false;
    if (a === b) return true;
    if (this.isolated.has(a) || this.isolated.has(b)) return false;
    return !this.cutLinks.has(linkKey(a, b));
  }

  /** Why `a` cannot reach `b` right now, or undefined when it can. */
  dropReason(a: NodeId, b: NodeId): DropReason | undefined {
    if (this.down.has(a) || this.down.has(b)) return 'node-down';
    return this.canReach(a, b) ? undefined : 'link-cut';
  }

  /** One-way latency of the link from `a` to `b`, ms (fixed for the life of the cluster). */
  latencyMs(a: NodeId, b: NodeId): number {
    if (a === b) return 0;
    const key = `${a}>${b}`;
    let ms = this.latency.get(key);
    if (ms === undefined) {
      ms = this.rng.between(this.minLatencyMs, this.maxLatencyMs);
      this.latency.set(key, ms);
    }
    return ms;
  }

  /**
   * Sends a message: `deliver` runs at the receiver after the link's latency, if both ends are up and
   * the link is whole both when it is sent and when it arrives. Returns false when dropped at once.
   * `kind` names the message for the event stream (`Produce`, `Fetch`, `Heartbeat`, …).
   */
  send(from: NodeId, to: NodeId, kind: string, deliver: () => void): boolean {
    const reason = this.dropReason(from, to);
    if (reason) {
      this.bus.emit('network.dropped', { from, to, kind, reason });
      return false;
    }
    if (this.bus.active) this.bus.emit('network.sent', { from, to, kind });
    this.scheduler.schedule(this.latencyMs(from, to), () => {
      const late = this.dropReason(from, to);
      if (late) {
        this.bus.emit('network.dropped', { from, to, kind, reason: late });
        return;
      }
      deliver();
    });
    return true;
  }
}

function linkKey(a: NodeId, b: NodeId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The network address of broker `id`. */
export const brokerNode = (id: number): NodeId => `broker-${id}`;

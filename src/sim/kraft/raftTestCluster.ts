/**
 * Test support (not exported from index.ts): a KRaft quorum of {@link RaftNode}s on the real
 * {@link Scheduler} and a fake network — per-link FIFO, 1–3 ms latency, messages dropped while the
 * receiver is stopped or the link is cut — with fault injectors and invariant checks
 * (TigerBeetle/RaftScope style). Records are strings.
 */
import type { SimEvent } from '../events/bus';
import { EventBus } from '../events/bus';
import { Prng } from '../random/prng';
import { Scheduler } from '../time/scheduler';
import type { RaftConfig } from './raftConfig';
import type { RaftMessage } from './raftMessages';
import { RaftNode } from './raftNode';
import type { CommittedEntry } from './raftTypes';

/** Options of a {@link RaftTestCluster}. */
export interface RaftTestClusterOptions {
  voters: number[];
  /** Non-voter node ids (brokers fetching the metadata log). */
  observers?: number[];
  seed: number;
  config?: Partial<RaftConfig>;
}

/** A simulated quorum with a controllable network. */
export class RaftTestCluster {
  readonly scheduler = new Scheduler();
  readonly nodes = new Map<number, RaftNode<string>>();
  /** Every event, in order. */
  readonly events: SimEvent[] = [];
  /** What each node's `onCommit` received, in order. */
  readonly commits = new Map<number, CommittedEntry<string>[]>();
  /** Epoch → node that won it (from `kraft.leader.elected`). */
  readonly leadersByEpoch = new Map<number, number>();
  /** Invariant violations found so far (empty when all is well). */
  readonly violations: string[] = [];
  /** Each node's callbacks in order: `commit:<record>`, `lead:<epoch>`, `resign`. */
  readonly callbacks = new Map<number, string[]>();
  /** Nodes between `onBecomeLeader` and `onResign`, with the epoch. */
  readonly activeLeaders = new Map<number, number>();
  private readonly cut = new Set<string>();
  private readonly linkClock = new Map<string, number>();
  private readonly network: Prng;
  private sequence = 0;
  private readonly verified = new Map<string, { commits: number; log: number }>();

  constructor(readonly options: RaftTestClusterOptions) {
    const root = new Prng(options.seed);
    this.network = root.fork('network');
    const bus = new EventBus(this.scheduler);
    bus.subscribe((e) => this.onEvent(e));
    for (const id of [...options.voters, ...(options.observers ?? [])]) {
      this.commits.set(id, []);
      const calls: string[] = [];
      this.callbacks.set(id, calls);
      const node: RaftNode<string> = new RaftNode<string>({
        nodeId: id,
        voters: options.voters,
        now: () => this.scheduler.now,
        schedule: (delayMs, fn) => this.scheduler.schedule(delayMs, fn),
        cancel: (timer) => this.scheduler.cancel(timer),
        rng: root.fork(`kraft-${id}`),
        send: (to, message) => this.send(id, to, message),
        emit: (type, fields) => bus.emit(type, fields),
        onCommit: (entries) => {
          this.commits.get(id)!.push(...entries);
          calls.push(...entries.map((e) => `commit:${e.record}`));
        },
        onBecomeLeader: (epoch) => {
          for (const [other, e] of this.activeLeaders) {
            if (e === epoch) this.violate(`nodes ${other} and ${id} both active in epoch ${epoch}`);
          }
          this.activeLeaders.set(id, epoch);
          calls.push(`lead:${epoch}`);
        },
        onResign: () => {
          if (!this.activeLeaders.delete(id)) this.violate(`node ${id}: onResign without lead`);
          calls.push('resign');
        },
        config: options.config,
      });
      this.nodes.set(id, node);
    }
  }

  /** The node with this id. */
  node(id: number): RaftNode<string> {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no node ${id}`);
    return node;
  }

  /** Starts every node. */
  startAll(): this {
    for (const node of this.nodes.values()) node.start();
    return this;
  }

  /** Advances virtual time, checking invariants after every millisecond that had work. */
  advance(ms: number): void {
    const end = this.scheduler.now + ms;
    for (;;) {
      const next = this.scheduler.nextDue();
      if (next === undefined || next > end) break;
      this.scheduler.runUntil(next);
      this.checkInvariants();
    }
    this.scheduler.runUntil(end);
  }

  /** Advances in 10 ms steps until `predicate` holds. @returns whether it did within `maxMs`. */
  advanceUntil(predicate: () => boolean, maxMs: number): boolean {
    for (let waited = 0; waited < maxMs; waited += 10) {
      if (predicate()) return true;
      this.advance(10);
    }
    return predicate();
  }

  /** Running nodes whose role is leader. */
  runningLeaders(): RaftNode<string>[] {
    return [...this.nodes.values()].filter((n) => n.running && n.role === 'leader');
  }

  /** The running leader of the highest epoch, if any. */
  leader(): RaftNode<string> | undefined {
    return this.runningLeaders().sort((a, b) => b.epoch - a.epoch)[0];
  }

  /** True when one running leader exists and every running voter follows it in its epoch. */
  settled(): boolean {
    const leader = this.leader();
    if (!leader) return false;
    return [...this.nodes.values()].every(
      (n) =>
        !n.running ||
        n === leader ||
        (n.role === 'follower' && n.leaderId === leader.nodeId && n.epoch === leader.epoch),
    );
  }

  /** Appends fresh unique records on `node` (`"n<id>-r<seq>"`). @returns the records or undefined. */
  appendOn(node: RaftNode<string>, count = 1): string[] | undefined {
    const records = Array.from({ length: count }, () => `n${node.nodeId}-r${++this.sequence}`);
    return node.append(records) === undefined ? undefined : records;
  }

  /** Crash a node. */
  stop(id: number): void {
    this.node(id).stop();
  }

  /** Bring a stopped node back. */
  restart(id: number): void {
    this.node(id).restart();
  }

  /** Cut the link between `a` and `b`, both ways. */
  cutLink(a: number, b: number): void {
    this.cut.add(linkKey(a, b));
  }

  /** Restore the link between `a` and `b`. */
  healLink(a: number, b: number): void {
    this.cut.delete(linkKey(a, b));
  }

  /** Cut `id` off from every other node. */
  isolate(id: number): void {
    for (const other of this.nodes.keys()) if (other !== id) this.cutLink(id, other);
  }

  /** Restore every link. */
  healAll(): void {
    this.cut.clear();
  }

  /** Whether `a` and `b` can exchange messages now. */
  connected(a: number, b: number): boolean {
    return !this.cut.has(linkKey(a, b));
  }

  private send(from: number, to: number, message: RaftMessage<string>): void {
    if (!this.connected(from, to) || !this.nodes.has(to)) return;
    const link = `${from}>${to}`;
    const now = this.scheduler.now;
    const at = Math.max(now + 1 + this.network.int(3), this.linkClock.get(link) ?? 0);
    this.linkClock.set(link, at);
    this.scheduler.schedule(at - now, () => {
      const receiver = this.nodes.get(to)!;
      if (receiver.running && this.connected(from, to)) receiver.receive(from, message);
    });
  }

  private onEvent(event: SimEvent): void {
    this.events.push(event);
    if (event.type !== 'kraft.leader.elected') return;
    const epoch = event['epoch'] as number;
    const nodeId = event['nodeId'] as number;
    const previous = this.leadersByEpoch.get(epoch);
    if (previous !== undefined && previous !== nodeId) {
      this.violate(`two leaders in epoch ${epoch}: ${previous} and ${nodeId}`);
    }
    this.leadersByEpoch.set(epoch, nodeId);
  }

  private violate(message: string): void {
    this.violations.push(`t=${this.scheduler.now} ${message}`);
  }

  /**
   * Safety checks: one leader per epoch (also among running leaders), high watermark within the
   * log, every node's committed
   * sequence a prefix of every other's, logs identical below both nodes' high watermarks.
   */
  checkInvariants(): void {
    const byEpoch = new Map<number, number>();
    for (const leader of this.runningLeaders()) {
      const other = byEpoch.get(leader.epoch);
      if (other !== undefined)
        this.violate(`leaders ${other}, ${leader.nodeId} in ${leader.epoch}`);
      byEpoch.set(leader.epoch, leader.nodeId);
    }
    const nodes = [...this.nodes.values()];
    for (const n of nodes) {
      if (n.highWatermark > n.logEndOffset) {
        this.violate(
          `node ${n.nodeId}: high watermark ${n.highWatermark} > log end ${n.logEndOffset}`,
        );
      }
    }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) this.comparePair(nodes[i]!, nodes[j]!);
    }
  }

  /** Compares what two nodes committed, from where the last comparison stopped. */
  private comparePair(a: RaftNode<string>, b: RaftNode<string>): void {
    const key = `${a.nodeId}-${b.nodeId}`;
    const done = this.verified.get(key) ?? { commits: 0, log: 0 };
    const commitsA = this.commits.get(a.nodeId)!;
    const commitsB = this.commits.get(b.nodeId)!;
    const n = Math.min(commitsA.length, commitsB.length);
    for (let k = done.commits; k < n; k++) {
      const x = commitsA[k]!;
      const y = commitsB[k]!;
      if (x.offset !== y.offset || x.epoch !== y.epoch || x.record !== y.record) {
        return this.violate(`commit #${k}: node ${a.nodeId} ${show(x)}, ${b.nodeId} ${show(y)}`);
      }
    }
    const hw = Math.min(a.highWatermark, b.highWatermark);
    for (let o = done.log; o < hw; o++) {
      const x = a.log[o];
      const y = b.log[o];
      const same =
        x !== undefined &&
        y !== undefined &&
        x.epoch === y.epoch &&
        x.kind === y.kind &&
        (x.kind !== 'data' || (y.kind === 'data' && x.record === y.record));
      if (!same) return this.violate(`committed offset ${o} differs: ${a.nodeId} vs ${b.nodeId}`);
    }
    this.verified.set(key, { commits: n, log: Math.max(done.log, hw) });
  }
}

function linkKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

function show(e: CommittedEntry<string>): string {
  return `${e.offset}@${e.epoch}:${e.record}`;
}

/**
 * A Kafka broker: hosts partition replicas (leader or follower), answers client requests, runs its
 * replica fetchers, and follows the controller's metadata. It can be stopped cleanly (controlled
 * shutdown moves its leaderships away first), crash (no warning: it just stops answering), and start
 * again with its logs intact. https://kafka.apache.org/39/documentation.html#replication
 */
import type { EventBus } from '../events/bus';
import type { BrokerConfig } from '../config/brokerDefaults';
import { logConfigFor } from './logConfigFor';
import { PartitionLog } from '../log/partitionLog';
import type { MetadataImage } from '../metadata/image';
import { emptyImage } from '../metadata/image';
import type { MetadataRecord } from '../metadata/records';
import { applyRecord, cloneImage } from '../metadata/records';
import type { Network } from '../network/network';
import { brokerNode } from '../network/network';
import { rpc } from '../network/rpc';
import type { FetchRequest, FetchResponse } from '../protocol/messages';
import type { Scheduler } from '../time/scheduler';
import type { AlterPartitionRequest } from '../controller/controllerLogic';

export type { AlterPartitionRequest };
import { Partition } from './partition';
import { ReplicaManager } from './replicaManager';
import { ReplicaFetcher } from './replicaFetcher';
import { tpKey } from './fetchSessions';

/** Broker process state. */
export type BrokerState = 'running' | 'stopped' | 'shutting-down';

/** How the broker reaches the controller (ZooKeeper mode or KRaft). */
export interface ControllerChannel {
  /** Register the broker (ZooKeeper: ephemeral /brokers/ids/N; KRaft: BrokerRegistration + heartbeats). */
  register(broker: Broker): void;
  /** Controlled shutdown: `done` runs once the controller moved leadership away (or gave up). */
  controlledShutdown(broker: Broker, done: () => void): void;
  /** KIP-497 AlterPartition from a leader. */
  alterPartition(broker: Broker, req: AlterPartitionRequest, done: (error: string) => void): void;
  /** The broker stopped: end its session/heartbeats (crash: silently). */
  unregister(broker: Broker, clean: boolean): void;
}

export interface BrokerContext {
  scheduler: Scheduler;
  network: Network;
  bus: EventBus;
  controller: ControllerChannel;
  /** Wall-clock epoch ms of virtual time 0. */
  epochBaseMs: number;
}

export class Broker {
  state: BrokerState = 'stopped';
  /** The broker's copy of the cluster metadata, as last received from the controller. */
  image: MetadataImage = emptyImage('');
  /** Offset of the last metadata record applied (KRaft metadata log offset / ZK update count). */
  metadataOffset = -1;
  readonly replicaManager: ReplicaManager;
  private fetchers = new Map<number, ReplicaFetcher>();
  private timers: number[] = [];
  /** Logs survive restarts: they live on the broker's "disk". */
  readonly logs = new Map<string, PartitionLog>();
  /**
   * High watermarks written to disk when the broker stopped, by `topic-partition` (Kafka's
   * `replication-offset-checkpoint`): what this broker had acknowledged, for data-loss reports.
   */
  readonly highWatermarkCheckpoints = new Map<string, number>();
  /** Extra request handlers (group coordinator, admin) installed by the cluster. */
  readonly handlers = new Map<
    string,
    (request: unknown, respond: (response: unknown) => void, from: string) => void
  >();

  constructor(
    readonly id: number,
    readonly host: string,
    readonly port: number,
    public config: BrokerConfig,
    private readonly ctx: BrokerContext,
  ) {
    this.replicaManager = new ReplicaManager({
      brokerId: id,
      scheduler: ctx.scheduler,
      bus: ctx.bus,
      config: () => this.config,
      epochBaseMs: ctx.epochBaseMs,
      topicOverrides: (topic) => this.image.topics.get(topic)?.configs ?? {},
      alterPartition: (p, newIsr, done) =>
        ctx.controller.alterPartition(
          this,
          {
            topic: p.topic,
            partition: p.partition,
            leaderId: id,
            leaderEpoch: p.leaderEpoch,
            partitionEpoch: p.partitionEpoch,
            newIsr,
          },
          done,
        ),
    });
  }

  /** The broker's network address. */
  get node(): string {
    return brokerNode(this.id);
  }

  get isRunning(): boolean {
    return this.state === 'running';
  }

  /** Starts the broker process: logs are reloaded, then it registers with the controller. */
  start(): void {
    if (this.state !== 'stopped') return;
    this.state = 'running';
    this.ctx.network.setUp(this.node, true);
    this.ctx.bus.emit('broker.started', { broker: this.id });
    const isrCheck = Math.max(1, Math.floor(this.config.int('replica.lag.time.max.ms') / 2));
    this.every(isrCheck, () => this.replicaManager.shrinkIsrs());
    this.every(this.config.int('log.retention.check.interval.ms'), () => this.applyRetention());
    this.every(this.config.int('log.cleaner.backoff.ms'), () => this.compactLogs());
    this.ctx.controller.register(this);
  }

  /**
   * Stops the broker. `clean`: controlled shutdown first (leadership moves, then the process exits);
   * otherwise a crash: it stops at once and the controller notices only when its session expires.
   */
  stop(clean: boolean, done?: () => void): void {
    if (this.state !== 'running') {
      done?.();
      return;
    }
    if (clean && this.config.bool('controlled.shutdown.enable')) {
      this.state = 'shutting-down';
      this.ctx.bus.emit('broker.shutting-down', { broker: this.id });
      this.ctx.controller.controlledShutdown(this, () => {
        this.halt(true);
        done?.();
      });
      return;
    }
    this.halt(clean);
    done?.();
  }

  private halt(clean: boolean): void {
    this.state = 'stopped';
    for (const t of this.timers) this.ctx.scheduler.cancel(t);
    this.timers = [];
    for (const f of this.fetchers.values()) f.stop();
    this.fetchers.clear();
    this.replicaManager.resetVolatileState();
    // Volatile state goes; the logs stay on disk and are reloaded on start.
    for (const [key, p] of this.replicaManager.partitions) {
      this.logs.set(key, p.log);
      p.highWatermark = Math.min(p.highWatermark, p.logEndOffset);
      this.highWatermarkCheckpoints.set(key, p.highWatermark);
    }
    this.replicaManager.partitions.clear();
    this.ctx.controller.unregister(this, clean);
    this.ctx.network.setUp(this.node, false);
    this.ctx.bus.emit('broker.stopped', { broker: this.id, clean });
  }

  private every(ms: number, fn: () => void): void {
    const tick = () => {
      if (this.state === 'stopped') return;
      fn();
      this.timers.push(this.ctx.scheduler.schedule(ms, tick));
    };
    this.timers.push(this.ctx.scheduler.schedule(ms, tick));
    if (this.timers.length > 64) this.timers = this.timers.slice(-16);
  }

  // ---- Metadata --------------------------------------------------------------------------------

  /** Applies metadata records from the controller in order (KRaft metadata log / ZK UpdateMetadata). */
  applyMetadata(records: { offset: number; record: MetadataRecord }[]): void {
    if (this.state === 'stopped') return;
    const touched = new Set<string>();
    for (const { offset, record } of records) {
      if (offset <= this.metadataOffset) continue;
      applyRecord(this.image, record);
      this.metadataOffset = offset;
      if ('topic' in record) touched.add(record.topic);
      else if (record.type === 'Topic' || record.type === 'RemoveTopic') touched.add(record.name);
      else if (record.type === 'Config' && record.resource === 'topic') touched.add(record.name);
    }
    for (const topic of touched) this.reconcileTopic(topic);
  }

  /** Replaces the whole image (a new ZooKeeper-mode controller's full UpdateMetadata, or a snapshot). */
  loadImage(image: MetadataImage, offset: number): void {
    if (this.state === 'stopped') return;
    const before = new Set(this.image.topics.keys());
    this.image = cloneImage(image);
    this.metadataOffset = offset;
    for (const t of new Set([...before, ...this.image.topics.keys()])) this.reconcileTopic(t);
  }

  /** Makes the hosted replicas of `topic` match the image: create, lead, follow, or delete. */
  private reconcileTopic(topic: string): void {
    const now = this.ctx.scheduler.now;
    const wallNow = now + this.ctx.epochBaseMs;
    const t = this.image.topics.get(topic);
    for (const [key, p] of [...this.replicaManager.partitions]) {
      if (p.topic !== topic) continue;
      const reg = t?.partitions[p.partition];
      if (!t || t.topicId !== p.topicId || !reg || !reg.replicas.includes(this.id)) {
        this.removeReplica(p, !t || t.topicId !== p.topicId);
        this.replicaManager.partitions.delete(key);
      }
    }
    if (!t) {
      for (const key of [...this.logs.keys()])
        if (key.startsWith(`${topic}-`) && /^\d+$/.test(key.slice(topic.length + 1))) {
          this.logs.delete(key);
          this.highWatermarkCheckpoints.delete(key);
        }
      return;
    }
    t.partitions.forEach((reg, partition) => {
      if (!reg.replicas.includes(this.id)) return;
      const key = tpKey(topic, partition);
      let p = this.replicaManager.partitions.get(key);
      const logConfig = logConfigFor(t.configs, this.config);
      if (!p) {
        const stored = this.logs.get(key);
        const log =
          stored && (stored as PartitionLog & { topicId?: string }).topicId === t.topicId
            ? stored
            : new PartitionLog(logConfig, wallNow);
        (log as PartitionLog & { topicId?: string }).topicId = t.topicId;
        this.logs.set(key, log);
        p = new Partition(this.id, topic, partition, t.topicId, log);
        this.replicaManager.partitions.set(key, p);
      } else {
        p.log.updateConfig(logConfig);
      }
      const oldLeader = p.leaderId;
      const change = p.applyRegistration(reg, now);
      if (change !== 'updated') this.replicaManager.leadershipChanged(p);
      if (change === 'became-leader') p.log.assignEpochStartOffset(p.leaderEpoch);
      if (change === 'became-leader') {
        this.stopFetching(oldLeader, p);
        this.replicaManager.sessions.forget(key);
        this.ctx.bus.emit('replica.became-leader', {
          broker: this.id,
          topic,
          partition,
          leaderEpoch: p.leaderEpoch,
        });
        this.replicaManager.maybeAdvanceHighWatermark(p);
      } else if (change === 'became-follower') {
        this.stopFetching(oldLeader, p);
        this.replicaManager.completeDelayedProduces(p);
        this.replicaManager.sessions.forget(key);
        if (p.leaderId >= 0) this.fetcherFor(p.leaderId).add(p);
        this.ctx.bus.emit('replica.became-follower', {
          broker: this.id,
          topic,
          partition,
          leader: p.leaderId,
          leaderEpoch: p.leaderEpoch,
        });
      } else if (p.isLeader) {
        this.replicaManager.completeDelayedProduces(p);
        this.replicaManager.maybeAdvanceHighWatermark(p);
        this.replicaManager.retryIsrExpansion(p);
      }
    });
  }

  /**
   * Removes `p` from its fetcher for `leaderId`; a fetcher left with no partitions is shut down
   * (`AbstractFetcherManager.shutdownIdleFetcherThreads`), so a request it still has in flight to a
   * dead leader cannot hold up fetching when that broker leads again.
   */
  private stopFetching(leaderId: number, p: Partition): void {
    const f = this.fetchers.get(leaderId);
    if (!f) return;
    f.remove(p);
    if (f.size > 0) return;
    f.stop();
    this.fetchers.delete(leaderId);
  }

  private removeReplica(p: Partition, deleteLog: boolean): void {
    this.stopFetching(p.leaderId, p);
    p.leaderId = -1;
    this.replicaManager.completeDelayedProduces(p);
    this.replicaManager.sessions.forget(tpKey(p.topic, p.partition));
    if (deleteLog) {
      this.logs.delete(tpKey(p.topic, p.partition));
      this.highWatermarkCheckpoints.delete(tpKey(p.topic, p.partition));
    }
    this.ctx.bus.emit('replica.removed', {
      broker: this.id,
      topic: p.topic,
      partition: p.partition,
      deleted: deleteLog,
    });
  }

  private fetcherFor(leaderId: number): ReplicaFetcher {
    let f = this.fetchers.get(leaderId);
    if (f) return f;
    f = new ReplicaFetcher({
      brokerId: this.id,
      leaderId,
      scheduler: this.ctx.scheduler,
      bus: this.ctx.bus,
      epochBaseMs: this.ctx.epochBaseMs,
      waitMaxMs: this.config.int('replica.fetch.wait.max.ms'),
      maxBytes: this.config.int('replica.fetch.max.bytes'),
      backoffMs: this.config.int('replica.fetch.backoff.ms'),
      send: (request, onResponse, onError) =>
        rpc<FetchResponse>(
          this.ctx.network,
          this.ctx.scheduler,
          this.node,
          brokerNode(leaderId),
          'Fetch',
          (respond) =>
            this.ctx.network.isUp(brokerNode(leaderId)) &&
            this.peerFetch(leaderId, request, respond),
          onResponse,
          onError,
          this.config.int('request.timeout.ms'),
        ),
      onAppended: (p) => this.replicaManager.wakeConsumers(tpKey(p.topic, p.partition)),
    });
    this.fetchers.set(leaderId, f);
    return f;
  }

  /** Installed by the cluster: delivers a follower fetch to the leader broker's replica manager. */
  peerFetch: (
    leaderId: number,
    request: FetchRequest,
    respond: (res: FetchResponse) => void,
  ) => void = () => {};

  // ---- Housekeeping ----------------------------------------------------------------------------

  /** Time- and size-based retention on every hosted log (`log.retention.check.interval.ms`). */
  applyRetention(): void {
    const now = this.ctx.scheduler.now + this.ctx.epochBaseMs;
    for (const p of this.replicaManager.partitions.values()) {
      const before = p.log.logStartOffset;
      const r = p.log.applyRetention(now, p.highWatermark);
      if (r.deletedSegments > 0)
        this.ctx.bus.emit('log.retention.deleted', {
          broker: this.id,
          topic: p.topic,
          partition: p.partition,
          segments: r.deletedSegments,
          logStartOffset: r.logStartOffset,
          from: before,
        });
    }
  }

  /** Log compaction on compacted topics (the log cleaner). */
  compactLogs(): void {
    const now = this.ctx.scheduler.now + this.ctx.epochBaseMs;
    for (const p of this.replicaManager.partitions.values()) {
      if (!p.log.config.cleanupPolicy.includes('compact')) continue;
      const r = p.log.compact(now, p.highWatermark);
      if (r.removedRecords > 0)
        this.ctx.bus.emit('log.compacted', {
          broker: this.id,
          topic: p.topic,
          partition: p.partition,
          removedRecords: r.removedRecords,
        });
    }
  }
}

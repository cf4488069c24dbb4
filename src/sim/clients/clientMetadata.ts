/**
 * The metadata cache a producer or consumer keeps: brokers, and per topic the leader and leader
 * epoch of every partition. Refreshed with a Metadata request to the least loaded known broker
 * (the bootstrap brokers until the first answer), on demand ({@link ClientMetadata.requestUpdate},
 * rate-limited by `retry.backoff.ms` with exponential backoff) and every `metadata.max.age.ms`.
 * Follows `org.apache.kafka.clients.Metadata` and `NetworkClient.DefaultMetadataUpdater` (3.9):
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/Metadata.java
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { MetadataRequest, MetadataResponse, TopicMetadata } from '../protocol/messages';
import type { PartitionerCluster } from '../partitioner/types';
import { ExponentialBackoff } from './backoff';
import type { NetworkClient } from './networkClient';

/** What the cache knows of one topic; also the `cluster` view a partitioner needs. */
export interface TopicView extends PartitionerCluster {
  readonly name: string;
  readonly topicId: string;
  readonly partitionCount: number;
  /** Leader broker id per partition, -1 when the partition has no leader. */
  readonly leaders: readonly number[];
  /** Leader epoch per partition (KIP-320), -1 when unknown. */
  readonly leaderEpochs: readonly number[];
  /** Partitions with a leader, ascending. */
  readonly availablePartitions: readonly number[];
}

/** Settings of the cache, from the client's config. */
export interface ClientMetadataOptions {
  /** Sent in every Metadata request; the broker decides (`auto.create.topics.enable`). */
  allowAutoTopicCreation: boolean;
  /** `metadata.max.age.ms` (default 300000): forced refresh interval, ms. */
  metadataMaxAgeMs: number;
  /** `retry.backoff.ms` (default 100), ms. */
  retryBackoffMs: number;
  /** `retry.backoff.max.ms` (default 1000), ms. */
  retryBackoffMaxMs: number;
  /** `request.timeout.ms` (default 30000), ms. */
  requestTimeoutMs: number;
}

/** Topic-level errors after which another refresh may succeed (`InvalidMetadataException`s). */
const RETRIABLE_TOPIC_ERRORS: ReadonlySet<KafkaErrorName> = new Set([
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'NOT_LEADER_OR_FOLLOWER',
  'UNKNOWN_TOPIC_ID',
]);

/** A client's view of the cluster. */
export class ClientMetadata {
  /** Incremented on every successful refresh. */
  updateVersion = 0;
  private readonly topics = new Map<string, TopicView>();
  private readonly topicErrors = new Map<string, KafkaErrorName>();
  private readonly wanted = new Set<string>();
  private brokerIds: number[] = [];
  private readonly backoff: ExponentialBackoff;
  private needUpdate = true;
  private inProgress = false;
  private attempts = 0;
  private nextAllowedMs = -Infinity;
  private lastSuccessMs = -Infinity;
  private timer: number | undefined;
  private timerAt = Infinity;
  private nodeCursor: number;
  private listeners: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly net: NetworkClient,
    private readonly options: ClientMetadataOptions,
  ) {
    const transport = net.transport;
    this.backoff = new ExponentialBackoff(
      options.retryBackoffMs,
      options.retryBackoffMaxMs,
      transport.rng,
    );
    this.nodeCursor = transport.rng.int(1 << 16);
    this.schedule();
  }

  /** The cached topic, or undefined until a refresh returned it without error. */
  topic(name: string): TopicView | undefined {
    return this.topics.get(name);
  }

  /** Leader broker id of a partition, -1 when unknown. */
  leader(topic: string, partition: number): number {
    return this.topics.get(topic)?.leaders[partition] ?? -1;
  }

  /** Leader epoch of a partition, -1 when unknown. */
  leaderEpoch(topic: string, partition: number): number {
    return this.topics.get(topic)?.leaderEpochs[partition] ?? -1;
  }

  /** The topic-level error of the last refresh that returned `topic` with one. */
  topicError(topic: string): KafkaErrorName | undefined {
    return this.topicErrors.get(topic);
  }

  /** Broker ids of the last successful refresh, ascending. */
  brokers(): readonly number[] {
    return this.brokerIds;
  }

  /** Adds `topic` to the topics this client asks about; an unknown topic triggers a refresh. */
  addTopic(topic: string): void {
    if (this.wanted.has(topic)) return;
    this.wanted.add(topic);
    if (!this.topics.has(topic)) this.requestUpdate();
  }

  /** Replaces the topics this client asks about (a consumer's subscription or assignment). */
  setTopics(topics: Iterable<string>): void {
    const next = new Set(topics);
    let added = false;
    for (const t of next) if (!this.wanted.has(t)) added = true;
    for (const t of [...this.wanted]) {
      if (!next.has(t)) {
        this.wanted.delete(t);
        this.topics.delete(t);
        this.topicErrors.delete(t);
      }
    }
    for (const t of next) this.wanted.add(t);
    if (added) this.requestUpdate();
  }

  /** Topics this client asks about. */
  wantedTopics(): readonly string[] {
    return [...this.wanted];
  }

  /** Asks for a refresh as soon as the backoff allows (`Metadata.requestUpdate`). */
  requestUpdate(): void {
    if (this.closed) return;
    this.needUpdate = true;
    this.schedule();
  }

  /** Calls `listener` after every successful refresh; returns the function that removes it. */
  onUpdate(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Stops refreshing. */
  close(): void {
    this.closed = true;
    this.net.transport.cancel(this.timer ?? -1);
    this.timer = undefined;
    this.listeners = [];
  }

  private schedule(): void {
    if (this.closed || this.inProgress) return;
    const transport = this.net.transport;
    const now = transport.now();
    const due = this.needUpdate
      ? Math.max(now, this.nextAllowedMs)
      : this.lastSuccessMs + this.options.metadataMaxAgeMs;
    if (this.timer !== undefined && this.timerAt <= due) return;
    if (this.timer !== undefined) transport.cancel(this.timer);
    this.timerAt = due;
    this.timer = transport.schedule(due - now, () => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.update();
    });
  }

  private update(): void {
    if (this.closed || this.inProgress) return;
    const transport = this.net.transport;
    const nodes = this.brokerIds.length > 0 ? this.brokerIds : transport.bootstrapBrokers();
    if (nodes.length === 0) {
      this.failed();
      return;
    }
    const node = this.leastLoadedNode(nodes);
    this.inProgress = true;
    this.needUpdate = false;
    const request: MetadataRequest = {
      kind: 'Metadata',
      clientId: transport.clientId,
      topics: [...this.wanted],
      allowAutoTopicCreation: this.options.allowAutoTopicCreation,
    };
    this.net.send(
      node,
      request,
      this.options.requestTimeoutMs,
      (response, correlationId) => this.handleResponse(response, correlationId),
      () => {
        this.nodeCursor++; // the next attempt goes to another broker
        this.failed();
      },
    );
  }

  /**
   * `NetworkClient.leastLoadedNode`, from a rotating start: a connected broker with nothing in
   * flight; else the connected broker with the fewest requests in flight; else a broker not in
   * reconnect backoff; else the one whose backoff ends first. A broker that just refused a
   * connection is therefore not asked again while others can answer.
   */
  private leastLoadedNode(nodes: readonly number[]): number {
    let connected: number | undefined;
    let connectable: number | undefined;
    let soonest: number | undefined;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[(this.nodeCursor + i) % nodes.length]!;
      const inFlight = this.net.inFlightRequests(node);
      if (this.net.isConnected(node)) {
        if (inFlight === 0) return node;
        if (connected === undefined || inFlight < this.net.inFlightRequests(connected))
          connected = node;
      } else if (this.net.blackedOutUntilMs(node) === 0) {
        connectable ??= node;
      } else if (
        soonest === undefined ||
        this.net.blackedOutUntilMs(node) < this.net.blackedOutUntilMs(soonest)
      ) {
        soonest = node;
      }
    }
    return connected ?? connectable ?? soonest ?? nodes[this.nodeCursor % nodes.length]!;
  }

  private failed(): void {
    this.inProgress = false;
    this.needUpdate = true;
    this.nextAllowedMs = this.net.now() + this.backoff.backoff(this.attempts);
    this.attempts++;
    this.schedule();
  }

  private handleResponse(response: MetadataResponse, correlationId: number): void {
    if (this.closed) return;
    const errors = response.topics.filter((t) => t.error !== 'NONE');
    if (errors.length > 0) this.warnTopicErrors(errors, correlationId);
    if (response.brokers.length === 0) {
      this.failed();
      return;
    }
    this.inProgress = false;
    this.brokerIds = response.brokers.map((b) => b.nodeId).sort((a, b) => a - b);
    let retry = false;
    for (const t of response.topics) {
      if (t.error !== 'NONE') {
        this.topics.delete(t.name);
        this.topicErrors.set(t.name, t.error);
        if (RETRIABLE_TOPIC_ERRORS.has(t.error) && this.wanted.has(t.name)) retry = true;
        continue;
      }
      this.topicErrors.delete(t.name);
      const view = this.toView(t);
      if (view.availablePartitions.length < view.partitionCount) retry = true;
      this.topics.set(t.name, view);
    }
    const now = this.net.now();
    this.attempts = 0;
    this.lastSuccessMs = now;
    this.nextAllowedMs = now + this.backoff.backoff(0);
    this.needUpdate = this.needUpdate || retry;
    this.updateVersion++;
    for (const listener of [...this.listeners]) listener();
    this.schedule();
  }

  /** Builds the cached view, keeping a partition whose cached leader epoch is newer (KIP-320). */
  private toView(t: TopicMetadata): TopicView {
    const old = this.topics.get(t.name);
    const sorted = [...t.partitions].sort((a, b) => a.partition - b.partition);
    const partitionCount = sorted.length;
    const leaders = new Array<number>(partitionCount).fill(-1);
    const leaderEpochs = new Array<number>(partitionCount).fill(-1);
    for (const p of sorted) {
      const oldEpoch = old?.topicId === t.topicId ? (old.leaderEpochs[p.partition] ?? -1) : -1;
      if (oldEpoch > p.leaderEpoch) {
        leaders[p.partition] = old!.leaders[p.partition]!;
        leaderEpochs[p.partition] = oldEpoch;
      } else {
        leaders[p.partition] = p.leaderId;
        leaderEpochs[p.partition] = p.leaderEpoch;
      }
    }
    const availablePartitions: number[] = [];
    for (let p = 0; p < partitionCount; p++) if (leaders[p]! >= 0) availablePartitions.push(p);
    return {
      name: t.name,
      topicId: t.topicId,
      partitionCount,
      leaders,
      leaderEpochs,
      availablePartitions,
    };
  }

  /**
   * The WARN `NetworkClient` logs for topic-level errors, e.g. while a topic is auto-created:
   * `[Producer clientId=console-producer] Error while fetching metadata with correlation id 1 :
   * {t=LEADER_NOT_AVAILABLE} (org.apache.kafka.clients.NetworkClient)`.
   */
  private warnTopicErrors(errors: readonly TopicMetadata[], correlationId: number): void {
    const map = errors.map((t) => `${t.name}=${t.error}`).join(', ');
    const logger = 'org.apache.kafka.clients.NetworkClient';
    const transport = this.net.transport;
    transport.emit('client.warning', {
      clientId: transport.clientId,
      level: 'WARN',
      logger,
      message: `${this.net.logPrefix}Error while fetching metadata with correlation id ${correlationId} : {${map}} (${logger})`,
    });
  }
}

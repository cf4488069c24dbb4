/**
 * Test fixture for the clients (used by `src/sim/clients/*.test.ts` only): an in-memory cluster on
 * a real {@link Scheduler} with per-partition batch arrays, 1 ms latency each way, immediate
 * "replication" (the high watermark follows the log end unless held), a real GroupCoordinator,
 * and fault injectors: one-shot partition errors, lost responses, leader moves, stopped brokers,
 * auto-created topics that are leaderless for a while.
 */
import type { SimEvent } from '../../events/bus';
import { EventBus } from '../../events/bus';
import type { GroupCoordinator } from '../../groups/groupCoordinator';
import type { GroupRequest } from '../../groups/protocol';
import type { ProducerBatchData, RecordBatch } from '../../log/record';
import type { KafkaErrorName } from '../../protocol/errors';
import type {
  FetchRequest,
  FetchResponse,
  ListOffsetsRequest,
  ListOffsetsResponse,
  MetadataRequest,
  MetadataResponse,
  ProducePartitionResponse,
  ProduceRequest,
  ProduceResponse,
} from '../../protocol/messages';
import { Prng } from '../../random/prng';
import { Scheduler } from '../../time/scheduler';
import type { ClientRequest, ClientTransport, ResponseOf, WireRequest } from '../transport';
import { createFakeCoordinator, notCoordinator } from './fakeGroupCoordinator';
import type { FakePartition } from './fakePartition';
import { appendToPartition, newPartition, readFromPartition } from './fakePartition';

export type { FakePartition } from './fakePartition';

/** A request the fake cluster received. */
export interface ReceivedRequest {
  at: number;
  broker: number;
  clientId: string;
  request: ClientRequest;
}

const LATENCY_MS = 1;

/** An in-memory cluster of `brokers` brokers (ids 1…n). */
export class FakeCluster {
  readonly scheduler = new Scheduler();
  readonly bus = new EventBus(this.scheduler);
  readonly events: SimEvent[] = [];
  readonly requests: ReceivedRequest[] = [];
  readonly topics = new Map<string, FakePartition[]>();
  readonly brokerIds: number[];
  /** `auto.create.topics.enable`. */
  autoCreateTopics = true;
  /** How long an auto-created topic stays leaderless, ms. */
  topicCreationDelayMs = 50;
  /** Partitions of auto-created topics. */
  defaultPartitions = 3;
  /** Node ids the next FindCoordinator requests answer (a stale coordinator), then the real one. */
  readonly staleCoordinatorAnswers: number[] = [];
  private readonly down = new Set<number>();
  private readonly partitionErrors = new Map<string, KafkaErrorName[]>();
  private readonly dropResponses = new Map<string, number>();
  private readonly parkedFetches: (() => boolean)[] = [];
  private readonly coordinator: GroupCoordinator;
  private nextProducerId = 1000;

  constructor(brokers = 3, options: { groupInitialRebalanceDelayMs?: number } = {}) {
    this.brokerIds = Array.from({ length: brokers }, (_, i) => i + 1);
    this.bus.subscribe((e) => this.events.push(e));
    this.coordinator = createFakeCoordinator(
      this.scheduler,
      this.bus,
      this.coordinatorId,
      options.groupInitialRebalanceDelayMs ?? 0,
      (topic) => this.topics.get(topic)?.length,
    );
  }

  /** The broker coordinating every group. */
  get coordinatorId(): number {
    return this.brokerIds[0]!;
  }

  /** Creates a topic; partition p is led by broker `leaders[p]` (default round-robin). */
  createTopic(name: string, partitions: number, leaders?: number[]): FakePartition[] {
    const parts = Array.from({ length: partitions }, (_, p) =>
      newPartition(leaders?.[p] ?? this.brokerIds[p % this.brokerIds.length]!),
    );
    this.topics.set(name, parts);
    return parts;
  }

  partition(topic: string, partition: number): FakePartition {
    const p = this.topics.get(topic)?.[partition];
    if (p === undefined) throw new Error(`no partition ${topic}-${partition}`);
    return p;
  }

  /** Values stored in a partition, in offset order (duplicates included). */
  values(topic: string, partition: number): (string | null)[] {
    return this.partition(topic, partition).batches.flatMap((b) => b.values as (string | null)[]);
  }

  /** Appends records directly (as another producer would). */
  append(topic: string, partition: number, values: string[], key: string | null = null): void {
    const now = this.scheduler.now;
    this.appendBatch(this.partition(topic, partition), {
      producerId: -1,
      producerEpoch: -1,
      baseSequence: -1,
      keys: values.map(() => key),
      values,
      timestamps: values.map(() => now),
      headers: null,
    });
  }

  /** Moves leadership (new leader epoch); clients with old metadata get NOT_LEADER_OR_FOLLOWER. */
  moveLeader(topic: string, partition: number, leader: number): void {
    const p = this.partition(topic, partition);
    p.leader = leader;
    p.leaderEpoch++;
  }

  /** The next Produce/Fetch of `topic-partition` fails with `error` (once per call). */
  failNext(topic: string, partition: number, error: KafkaErrorName): void {
    const key = `${topic}-${partition}`;
    this.partitionErrors.set(key, [...(this.partitionErrors.get(key) ?? []), error]);
  }

  /** The next `count` requests of `kind` are processed but their responses are lost. */
  dropNextResponses(kind: string, count = 1): void {
    this.dropResponses.set(kind, (this.dropResponses.get(kind) ?? 0) + count);
  }

  stopBroker(id: number): void {
    this.down.add(id);
  }

  startBroker(id: number): void {
    this.down.delete(id);
  }

  /** Advances virtual time. */
  advance(ms: number): void {
    this.scheduler.advance(ms);
  }

  /** A transport for one client. */
  transport(clientId: string, seed = 1): ClientTransport {
    const rng = new Prng(seed).fork(clientId);
    return {
      clientId,
      rng,
      bootstrapBrokers: () => [...this.brokerIds],
      now: () => this.scheduler.now,
      schedule: (ms, fn) => this.scheduler.schedule(ms, fn),
      cancel: (id) => this.scheduler.cancel(id),
      emit: (type, fields) => this.bus.emit(type, fields),
      send: <R extends ClientRequest>(
        broker: number,
        request: R,
        timeoutMs: number,
        onResponse: (response: ResponseOf<R>) => void,
        onError: (error: KafkaErrorName) => void,
      ) => this.deliver(broker, clientId, request, timeoutMs, onResponse, onError),
    };
  }

  private deliver<R extends ClientRequest>(
    broker: number,
    clientId: string,
    request: R,
    timeoutMs: number,
    onResponse: (response: ResponseOf<R>) => void,
    onError: (error: KafkaErrorName) => void,
  ): void {
    const s = this.scheduler;
    if (this.down.has(broker)) {
      s.schedule(2 * LATENCY_MS, () => onError('NETWORK_EXCEPTION'));
      return;
    }
    s.schedule(LATENCY_MS, () => {
      this.requests.push({ at: s.now, broker, clientId, request });
      const kind = 'kind' in request ? request.kind : request.api;
      const dropped = (this.dropResponses.get(kind) ?? 0) > 0;
      if (dropped) this.dropResponses.set(kind, this.dropResponses.get(kind)! - 1);
      let answered = false;
      const timer = s.schedule(timeoutMs - LATENCY_MS, () => {
        if (!answered) {
          answered = true;
          onError('REQUEST_TIMED_OUT');
        }
      });
      this.handle(broker, request, (response) => {
        if (dropped || this.down.has(broker)) return;
        s.schedule(LATENCY_MS, () => {
          if (answered) return;
          answered = true;
          s.cancel(timer);
          onResponse(response as ResponseOf<R>);
        });
      });
    });
  }

  private handle(broker: number, request: ClientRequest, respond: (r: unknown) => void): void {
    if ('api' in request) {
      const r: GroupRequest = request;
      if (broker !== this.coordinatorId) {
        respond(notCoordinator(r));
        return;
      }
      this.coordinator.handle(r, respond);
      return;
    }
    const wire: WireRequest = request;
    switch (wire.kind) {
      case 'Metadata':
        return respond(this.metadata(wire));
      case 'Produce':
        if (wire.acks === 0) {
          this.produce(broker, wire);
          return;
        }
        return respond(this.produce(broker, wire));
      case 'Fetch':
        return this.fetch(broker, wire, respond);
      case 'ListOffsets':
        return respond(this.listOffsets(broker, wire));
      case 'FindCoordinator':
        return respond({
          kind: 'FindCoordinator',
          error: 'NONE',
          nodeId: this.staleCoordinatorAnswers.shift() ?? this.coordinatorId,
          host: 'localhost',
          port: 9092,
        });
      case 'InitProducerId':
        return respond({
          kind: 'InitProducerId',
          error: 'NONE',
          producerId: this.nextProducerId++,
          producerEpoch: 0,
        });
    }
  }

  private metadata(req: MetadataRequest): MetadataResponse {
    const names = req.topics ?? [...this.topics.keys()];
    return {
      kind: 'Metadata',
      brokers: this.brokerIds
        .filter((id) => !this.down.has(id))
        .map((nodeId) => ({ nodeId, host: 'localhost', port: 9090 + nodeId, rack: null })),
      clusterId: 'fake',
      controllerId: this.brokerIds[0]!,
      topics: names.map((name) => {
        const parts = this.topics.get(name);
        if (parts === undefined) {
          const create = this.autoCreateTopics && req.allowAutoTopicCreation;
          if (create) {
            this.scheduler.schedule(this.topicCreationDelayMs, () => {
              if (!this.topics.has(name)) this.createTopic(name, this.defaultPartitions);
            });
          }
          return {
            name,
            topicId: '',
            error: create ? 'LEADER_NOT_AVAILABLE' : 'UNKNOWN_TOPIC_OR_PARTITION',
            isInternal: false,
            partitions: [],
          };
        }
        return {
          name,
          topicId: `id-${name}`,
          error: 'NONE',
          isInternal: false,
          partitions: parts.map((p, partition) => ({
            partition,
            error: 'NONE',
            leaderId: p.leader,
            leaderEpoch: p.leaderEpoch,
            replicas: [p.leader],
            isr: [p.leader],
            offlineReplicas: [],
          })),
        };
      }),
    };
  }

  private takeError(topic: string, partition: number): KafkaErrorName | undefined {
    const list = this.partitionErrors.get(`${topic}-${partition}`);
    return list?.shift();
  }

  private produce(broker: number, req: ProduceRequest): ProduceResponse {
    return {
      kind: 'Produce',
      responses: req.batches.map(({ topic, partition, batch }) => {
        const fail = (error: KafkaErrorName): ProducePartitionResponse => ({
          topic,
          partition,
          error,
          baseOffset: -1,
          logAppendTimeMs: -1,
          logStartOffset: -1,
        });
        const p = this.topics.get(topic)?.[partition];
        if (p === undefined) return fail('UNKNOWN_TOPIC_OR_PARTITION');
        if (p.leader !== broker) return fail('NOT_LEADER_OR_FOLLOWER');
        const injected = this.takeError(topic, partition);
        if (injected !== undefined) return fail(injected);
        if (batch.producerId >= 0) {
          const last = p.lastSequence.get(batch.producerId) ?? -1;
          if (batch.baseSequence <= last) return fail('DUPLICATE_SEQUENCE_NUMBER');
          if (batch.baseSequence !== last + 1) return fail('OUT_OF_ORDER_SEQUENCE_NUMBER');
          p.lastSequence.set(batch.producerId, batch.baseSequence + batch.keys.length - 1);
        }
        const baseOffset = this.appendBatch(p, batch);
        return {
          topic,
          partition,
          error: 'NONE',
          baseOffset,
          logAppendTimeMs: -1,
          logStartOffset: p.logStartOffset,
        };
      }),
    };
  }

  private appendBatch(p: FakePartition, data: ProducerBatchData): number {
    const baseOffset = appendToPartition(p, data);
    this.wakeFetches();
    return baseOffset;
  }

  /** Answers parked fetches that now have data. */
  wakeFetches(): void {
    for (let i = 0; i < this.parkedFetches.length;) {
      if (this.parkedFetches[i]!()) this.parkedFetches.splice(i, 1);
      else i++;
    }
  }

  private fetch(broker: number, req: FetchRequest, respond: (r: FetchResponse) => void): void {
    let done = false;
    const attempt = (final: boolean): boolean => {
      if (done) return true;
      const response = this.fetchNow(broker, req);
      const hasData = response.partitions.some((p) => p.error !== 'NONE' || p.batches.length > 0);
      if (!hasData && !final) return false;
      done = true;
      respond(response);
      return true;
    };
    if (attempt(req.maxWaitMs <= 0)) return;
    this.parkedFetches.push(() => attempt(false));
    this.scheduler.schedule(req.maxWaitMs, () => attempt(true));
  }

  private fetchNow(broker: number, req: FetchRequest): FetchResponse {
    return {
      kind: 'Fetch',
      error: 'NONE',
      partitions: req.partitions.map((fp) => {
        const base = {
          topic: fp.topic,
          partition: fp.partition,
          highWatermark: -1,
          lastStableOffset: -1,
          logStartOffset: -1,
          batches: [] as RecordBatch[],
        };
        const p = this.topics.get(fp.topic)?.[fp.partition];
        if (p === undefined) return { ...base, error: 'UNKNOWN_TOPIC_OR_PARTITION' as const };
        if (p.leader !== broker) return { ...base, error: 'NOT_LEADER_OR_FOLLOWER' as const };
        const injected = this.takeError(fp.topic, fp.partition);
        if (injected !== undefined) return { ...base, error: injected };
        if (fp.fetchOffset < p.logStartOffset || fp.fetchOffset > p.logEndOffset) {
          return { ...base, error: 'OFFSET_OUT_OF_RANGE' as const };
        }
        const batches = readFromPartition(p, fp.fetchOffset, fp.partitionMaxBytes);
        return {
          ...base,
          error: 'NONE' as const,
          highWatermark: p.highWatermark,
          lastStableOffset: p.highWatermark,
          logStartOffset: p.logStartOffset,
          batches,
        };
      }),
    };
  }

  private listOffsets(broker: number, req: ListOffsetsRequest): ListOffsetsResponse {
    return {
      kind: 'ListOffsets',
      partitions: req.partitions.map((lp) => {
        const p = this.topics.get(lp.topic)?.[lp.partition];
        const base = { topic: lp.topic, partition: lp.partition, timestamp: -1, leaderEpoch: -1 };
        if (p === undefined)
          return { ...base, error: 'UNKNOWN_TOPIC_OR_PARTITION' as const, offset: -1 };
        if (p.leader !== broker)
          return { ...base, error: 'NOT_LEADER_OR_FOLLOWER' as const, offset: -1 };
        const offset = lp.timestamp === -2 ? p.logStartOffset : p.highWatermark;
        return { ...base, error: 'NONE' as const, offset, leaderEpoch: p.leaderEpoch };
      }),
    };
  }
}

/**
 * The active controller: it owns the committed metadata image, turns requests and broker failures
 * into metadata records through {@link ControllerLogic}, makes them durable through a
 * {@link MetadataStore} (KRaft metadata log or ZooKeeper znodes), and then propagates them to every
 * live broker. One class serves both modes; only the store and the failure detector differ.
 */
import type { EventBus } from '../events/bus';
import { KafkaError } from '../protocol/errors';
import type { MetadataImage } from '../metadata/image';
import type { MetadataRecord } from '../metadata/records';
import { applyRecord } from '../metadata/records';
import type { AlterPartitionRequest, ControllerLogic } from './controllerLogic';

/** Makes records durable: KRaft appends them to the metadata log; ZooKeeper mode writes znodes. */
export interface MetadataStore {
  commit(records: MetadataRecord[], done: (error?: string) => void): void;
}

/** A committed record with its offset in the metadata log. */
export interface CommittedRecord {
  offset: number;
  record: MetadataRecord;
}

export class ActiveController {
  /** Metadata log offset of the last committed record. */
  offset = -1;
  /** Every committed record, for brokers catching up (the metadata log). */
  readonly journal: CommittedRecord[] = [];
  private queue: {
    records: () => MetadataRecord[];
    done: (error?: string, records?: MetadataRecord[]) => void;
  }[] = [];
  private busy = false;
  active = true;

  constructor(
    readonly nodeId: number,
    readonly image: MetadataImage,
    readonly logic: ControllerLogic,
    private readonly store: MetadataStore,
    private readonly bus: EventBus,
    private readonly publish: (records: CommittedRecord[]) => void,
    private readonly isLive: (id: number) => boolean,
    startOffset = -1,
  ) {
    this.offset = startOffset;
  }

  /**
   * Queues an operation: `build` runs against the image as committed so far (operations are serialised
   * like the controller's event queue), its records are committed, applied and published.
   */
  submit(
    build: () => MetadataRecord[],
    done: (error?: string, records?: MetadataRecord[]) => void = () => {},
  ): void {
    this.queue.push({ records: build, done });
    this.drain();
  }

  /** Runs `build` and reports a KafkaError's message as the error. */
  private drain(): void {
    if (this.busy || !this.active) return;
    const next = this.queue.shift();
    if (!next) return;
    let records: MetadataRecord[];
    try {
      records = next.records();
    } catch (e) {
      next.done(e instanceof KafkaError ? `${e.errorName}: ${e.message}` : String(e));
      this.drain();
      return;
    }
    if (records.length === 0) {
      next.done(undefined, []);
      this.drain();
      return;
    }
    this.busy = true;
    this.store.commit(records, (error) => {
      this.busy = false;
      if (!this.active) {
        next.done('NOT_CONTROLLER: This is not the correct controller for this cluster.');
        return;
      }
      next.done(error, error ? undefined : records);
      this.drain();
    });
  }

  /**
   * Applies records that became durable (the store calls this before its `done`), numbering them in
   * metadata-log order, emitting their events and publishing them to brokers.
   */
  applyCommitted(records: MetadataRecord[]): CommittedRecord[] {
    const committed = records.map((record) => ({ offset: ++this.offset, record }));
    for (const c of committed) {
      const before =
        'topic' in c.record
          ? this.image.topics.get(c.record.topic)?.partitions[c.record.partition]
          : undefined;
      const prevLeader = before?.leader;
      const prevIsr = before?.isr.slice();
      applyRecord(this.image, c.record);
      this.journal.push(c);
      if (this.active) this.emitFor(c.record, prevLeader, prevIsr);
    }
    if (this.active) this.publish(committed);
    return committed;
  }

  /** Records since `offset` (exclusive), for a broker that fell behind. */
  since(offset: number): CommittedRecord[] {
    if (offset >= this.offset) return [];
    let lo = 0;
    let hi = this.journal.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.journal[mid]!.offset <= offset) lo = mid + 1;
      else hi = mid;
    }
    return this.journal.slice(lo);
  }

  /** Handles AlterPartition from a leader; `reply` gets 'NONE' or the reason it was refused. */
  alterPartition(req: AlterPartitionRequest, reply: (error: string) => void): void {
    let error = 'NONE';
    this.submit(
      () => {
        const r = this.logic.alterPartition(this.image, req);
        error = r.error;
        return r.records;
      },
      (e) => reply(e ?? error),
    );
  }

  /** Fails every queued operation (this controller lost its role). */
  resign(): void {
    this.active = false;
    for (const q of this.queue.splice(0))
      q.done('NOT_CONTROLLER: This is not the correct controller for this cluster.');
  }

  private emitFor(r: MetadataRecord, prevLeader?: number, prevIsr?: number[]): void {
    switch (r.type) {
      case 'Topic':
        this.bus.emit('topic.created', {
          topic: r.name,
          topicId: r.topicId,
          controller: this.nodeId,
        });
        return;
      case 'RemoveTopic':
        this.bus.emit('topic.deleted', { topic: r.name, controller: this.nodeId });
        return;
      case 'Partition':
        this.bus.emit('partition.created', {
          topic: r.topic,
          partition: r.partition,
          replicas: r.registration.replicas,
          leader: r.registration.leader,
          isr: r.registration.isr,
        });
        return;
      case 'PartitionChange': {
        const p = this.image.topics.get(r.topic)?.partitions[r.partition];
        if (!p) return;
        if (r.leader !== undefined && r.leader !== prevLeader) {
          const unclean = (r as { unclean?: boolean }).unclean === true;
          this.bus.emit('leader.elected', {
            topic: r.topic,
            partition: r.partition,
            previousLeader: prevLeader ?? -1,
            leader: r.leader,
            leaderEpoch: p.leaderEpoch,
            isr: p.isr.slice(),
            unclean,
          });
        }
        if (r.isr && prevIsr) {
          const removed = prevIsr.filter((x) => !r.isr!.includes(x));
          const added = r.isr.filter((x) => !prevIsr.includes(x));
          if (removed.length > 0)
            this.bus.emit('isr.shrunk', {
              topic: r.topic,
              partition: r.partition,
              isr: r.isr.slice(),
              removed,
              leader: p.leader,
            });
          if (added.length > 0)
            this.bus.emit('isr.expanded', {
              topic: r.topic,
              partition: r.partition,
              isr: r.isr.slice(),
              added,
              leader: p.leader,
            });
        }
        return;
      }
      case 'Config':
        this.bus.emit('config.changed', {
          resource: r.resource,
          name: r.name,
          key: r.key,
          value: r.value,
        });
        return;
      case 'FenceBroker':
        this.bus.emit('broker.fenced', { broker: r.brokerId });
        return;
      case 'UnfenceBroker':
        this.bus.emit('broker.unfenced', { broker: r.brokerId });
        return;
      case 'RegisterBroker':
        this.bus.emit('broker.registered', { broker: r.broker.id, epoch: r.broker.epoch });
        return;
      case 'BrokerControlledShutdown':
        this.bus.emit('broker.controlled-shutdown', { broker: r.brokerId });
        return;
      default:
        return;
    }
  }

  /** Whether broker `id` can lead partitions now. */
  live(id: number): boolean {
    return this.isLive(id);
  }
}

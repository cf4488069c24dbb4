/**
 * The partitions a consumer owns and the ConsumerRebalanceListener calls that change them:
 * ConsumerCoordinator.onJoinPrepare / onJoinComplete / onLeavePrepare with SubscriptionState's
 * assignment and ConsumerRebalanceListenerInvoker (Kafka 3.9). Every callback is also an event
 * `consumer.partitions.{assigned,revoked,lost}`.
 * https://kafka.apache.org/39/javadoc/org/apache/kafka/clients/consumer/ConsumerRebalanceListener.html
 */
import type { GroupMemberContext } from './memberTypes';
import type { TopicPartitionRef } from './protocol';
import type { RebalanceProtocol } from './rebalanceProtocol';
import { diff, sortTps } from './topicPartitions';

/** A consumer's owned partitions. */
export class OwnedPartitions {
  private owned: TopicPartitionRef[] = [];

  constructor(
    private readonly ctx: Pick<
      GroupMemberContext,
      'onPartitionsAssigned' | 'onPartitionsRevoked' | 'onPartitionsLost'
    >,
    private readonly emit: (type: string, fields: Record<string, unknown>) => void,
  ) {}

  /** Owned partitions, sorted. */
  get list(): TopicPartitionRef[] {
    return sortTps(this.owned);
  }

  /**
   * onJoinPrepare. A reset generation means the partitions may already belong to someone else:
   * they are lost. Otherwise EAGER revokes everything and COOPERATIVE only unsubscribed topics.
   */
  beforeJoin(generationReset: boolean, protocol: RebalanceProtocol, subscription: string[]): void {
    const owned = this.list;
    if (generationReset) {
      this.owned = [];
      if (owned.length > 0) this.invoke('lost', owned);
    } else if (protocol === 'EAGER') {
      this.owned = [];
      this.invoke('revoked', owned);
    } else {
      const subscribed = new Set(subscription);
      const revoked = owned.filter((tp) => !subscribed.has(tp.topic));
      if (revoked.length === 0) return;
      this.owned = diff(owned, revoked);
      this.invoke('revoked', revoked);
    }
  }

  /**
   * onJoinComplete: COOPERATIVE first revokes what the new assignment takes away; then the newly
   * added partitions are assigned. @returns true when partitions were revoked (rejoin needed).
   */
  afterSync(assigned: TopicPartitionRef[], protocol: RebalanceProtocol): boolean {
    const owned = this.list;
    const revoked = protocol === 'COOPERATIVE' ? diff(owned, assigned) : [];
    if (revoked.length > 0) {
      this.owned = diff(owned, revoked);
      this.invoke('revoked', revoked);
    }
    this.owned = sortTps(assigned);
    this.invoke('assigned', diff(assigned, owned));
    return revoked.length > 0;
  }

  /** onLeavePrepare: everything is lost if the generation is unusable, else revoked. */
  beforeLeave(lost: boolean): void {
    const owned = this.list;
    if (owned.length === 0) return;
    this.owned = [];
    this.invoke(lost ? 'lost' : 'revoked', owned);
  }

  private invoke(kind: 'assigned' | 'revoked' | 'lost', partitions: TopicPartitionRef[]): void {
    this.emit(`consumer.partitions.${kind}`, { partitions });
    if (kind === 'assigned') this.ctx.onPartitionsAssigned(partitions);
    else if (kind === 'revoked') this.ctx.onPartitionsRevoked(partitions);
    else this.ctx.onPartitionsLost(partitions);
  }
}

import { compareJavaStrings } from './javaHash';
import { PartitionMovements } from './partitionMovements';
import { SortedConsumers } from './sortedConsumers';
import { DEFAULT_GENERATION } from './stickyContext';
import type { StickyContext } from './stickyContext';
import { topicPartitions } from './topicPartitions';
import type { TopicPartitionRef } from './types';

/** Result of the general sticky path. */
export interface GeneralAssignment {
  assignment: Map<string, TopicPartitionRef[]>;
  /** Kafka's `isSticky()`: no two members swapped partitions of one topic. */
  isSticky: boolean;
}

interface ConsumerGenerationPair {
  consumer: string;
  generation: number;
}

/**
 * Kafka's `GeneralAssignmentBuilder`, used when members subscribe to different topics: keep every
 * still-valid owned partition, give each unassigned partition to the least-loaded member that can
 * take it (topics with the fewest potential members first), then move partitions from members with
 * 2+ more than another eligible member until balanced — preferring to return a partition to its
 * owner from an earlier generation and never swapping partitions of a topic between two members.
 * If rebalancing an existing assignment does not lower the balance score, it is undone. The
 * rack-aware steps are omitted (no racks in the simulator).
 *
 * Two guards differ from Java, both for inputs where Java would fail: a partition is only handed
 * back to its earlier-generation owner if that member still subscribes to its topic and takes part
 * in the reassignment (Java would assign it to a non-subscriber or throw a NullPointerException).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java
 */
export class GeneralAssignmentBuilder {
  private readonly topic2AllPotentialConsumers = new Map<string, string[]>();
  private readonly consumer2AllPotentialTopics = new Map<string, string[]>();
  private readonly currentPartitionConsumer = new Map<TopicPartitionRef, string>();
  private sortedAllPartitions: TopicPartitionRef[];
  private readonly sortedCurrentSubscriptions: SortedConsumers;
  private readonly partitionMovements = new PartitionMovements();
  private revocationRequired = false;

  /**
   * @param ctx the prepared input
   * @param currentAssignment each member's valid owned partitions, in Java map order; becomes the
   *   result (mutated in place, as in Kafka)
   */
  constructor(
    private readonly ctx: StickyContext,
    private readonly currentAssignment: Map<string, TopicPartitionRef[]>,
  ) {
    for (const topic of ctx.partitionsPerTopic.keys())
      this.topic2AllPotentialConsumers.set(topic, []);
    for (const consumer of ctx.memberOrder) {
      const subscribedTopics = ctx.subscriptions
        .get(consumer)!
        .topics.filter((topic) => ctx.partitionsPerTopic.has(topic));
      this.consumer2AllPotentialTopics.set(consumer, subscribedTopics);
      for (const topic of subscribedTopics)
        this.topic2AllPotentialConsumers.get(topic)!.push(consumer);
      if (!currentAssignment.has(consumer)) currentAssignment.set(consumer, []);
    }
    for (const [consumer, partitions] of currentAssignment) {
      for (const tp of partitions) this.currentPartitionConsumer.set(tp, consumer);
    }
    const sortedAllTopics = [...this.topic2AllPotentialConsumers.keys()].sort(
      (a, b) =>
        this.potentialConsumers(a).length - this.potentialConsumers(b).length ||
        compareJavaStrings(a, b),
    );
    this.sortedAllPartitions = sortedAllTopics.flatMap((topic) =>
      topicPartitions(ctx.pool, topic, ctx.partitionsPerTopic.get(topic)!),
    );
    this.sortedCurrentSubscriptions = new SortedConsumers((consumer) => this.sizeOf(consumer));
  }

  /** Run the assignment (once). */
  build(): GeneralAssignment {
    const prevAssignment = new Map<TopicPartitionRef, ConsumerGenerationPair>();
    this.prepopulateCurrentAssignments(prevAssignment);
    const assignedPartitions = this.assignOwnedPartitions();
    const unassignedPartitions = this.getUnassignedPartitions(assignedPartitions);
    for (const consumer of this.currentAssignment.keys())
      this.sortedCurrentSubscriptions.add(consumer);
    this.balance(prevAssignment, unassignedPartitions);
    return { assignment: this.currentAssignment, isSticky: this.partitionMovements.isSticky() };
  }

  private potentialConsumers(topic: string): string[] {
    return this.topic2AllPotentialConsumers.get(topic) ?? [];
  }

  private sizeOf(consumer: string): number {
    return this.currentAssignment.get(consumer)?.length ?? 0;
  }

  private prepopulateCurrentAssignments(
    prevAssignment: Map<TopicPartitionRef, ConsumerGenerationPair>,
  ): void {
    const update = (
      partitions: readonly TopicPartitionRef[],
      consumer: string,
      generation: number,
    ) => {
      for (const tp of partitions) {
        const previous = prevAssignment.get(tp);
        if (previous === undefined || generation > previous.generation) {
          prevAssignment.set(tp, { consumer, generation });
        }
      }
    };
    for (const consumer of this.ctx.memberOrder) {
      const memberData = this.ctx.memberData.get(consumer)!;
      if (memberData.generation !== undefined && memberData.generation < this.ctx.maxGeneration) {
        update(memberData.partitions, consumer, memberData.generation);
      } else if (
        memberData.generation === undefined &&
        this.ctx.maxGeneration > DEFAULT_GENERATION
      ) {
        update(memberData.partitions, consumer, DEFAULT_GENERATION);
      }
    }
  }

  private assignOwnedPartitions(): TopicPartitionRef[] {
    const assignedPartitions: TopicPartitionRef[] = [];
    for (const [consumer, partitions] of this.currentAssignment) {
      const subscribed = new Set(this.ctx.subscriptions.get(consumer)!.topics);
      const kept = partitions.filter((tp) => {
        if (!this.topic2AllPotentialConsumers.has(tp.topic)) {
          this.currentPartitionConsumer.delete(tp);
          return false;
        }
        if (!subscribed.has(tp.topic)) {
          this.revocationRequired = true;
          return false;
        }
        assignedPartitions.push(tp);
        return true;
      });
      partitions.splice(0, partitions.length, ...kept);
    }
    return assignedPartitions;
  }

  private getUnassignedPartitions(
    assignedPartitions: readonly TopicPartitionRef[],
  ): TopicPartitionRef[] {
    if (assignedPartitions.length === 0) return this.sortedAllPartitions;
    const assigned = new Set(assignedPartitions);
    return this.sortedAllPartitions.filter((tp) => !assigned.has(tp));
  }

  private maxAssignmentSize(topics: readonly string[]): number {
    return topics.reduce((sum, topic) => sum + (this.ctx.partitionsPerTopic.get(topic) ?? 0), 0);
  }

  private isBalanced(): boolean {
    const min = this.sizeOf(this.sortedCurrentSubscriptions.first());
    const max = this.sizeOf(this.sortedCurrentSubscriptions.last());
    if (min >= max - 1) return true;

    const allPartitions = new Map<TopicPartitionRef, string>();
    for (const [consumer, partitions] of this.currentAssignment) {
      for (const tp of partitions) allPartitions.set(tp, consumer);
    }
    for (const consumer of this.sortedCurrentSubscriptions.values()) {
      const consumerPartitions = new Set(this.currentAssignment.get(consumer));
      const consumerPartitionCount = consumerPartitions.size;
      const allSubscribedTopics = this.consumer2AllPotentialTopics.get(consumer)!;
      if (consumerPartitionCount === this.maxAssignmentSize(allSubscribedTopics)) continue;
      for (const topic of allSubscribedTopics) {
        const partitionCount = this.ctx.partitionsPerTopic.get(topic)!;
        for (let i = 0; i < partitionCount; i++) {
          const tp = this.ctx.pool.get(topic, i);
          if (consumerPartitions.has(tp)) continue;
          const otherConsumer = allPartitions.get(tp);
          if (otherConsumer === undefined) continue;
          if (consumerPartitionCount + 1 < this.sizeOf(otherConsumer)) return false;
        }
      }
    }
    return true;
  }

  private static balanceScore(
    assignment: ReadonlyMap<string, readonly TopicPartitionRef[]>,
  ): number {
    const sizes = [...assignment.values()].map((partitions) => partitions.length);
    let score = 0;
    for (let i = 0; i < sizes.length; i++) {
      for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
    }
    return score;
  }

  private maybeAssignPartition(tp: TopicPartitionRef): void {
    for (const consumer of this.sortedCurrentSubscriptions.values()) {
      if (this.consumer2AllPotentialTopics.get(consumer)!.includes(tp.topic)) {
        this.sortedCurrentSubscriptions.remove(consumer);
        this.currentAssignment.get(consumer)!.push(tp);
        this.currentPartitionConsumer.set(tp, consumer);
        this.sortedCurrentSubscriptions.add(consumer);
        return;
      }
    }
  }

  private canTopicParticipateInReassignment(topic: string): boolean {
    return this.potentialConsumers(topic).length >= 2;
  }

  private canConsumerParticipateInReassignment(consumer: string): boolean {
    const currentPartitions = this.currentAssignment.get(consumer)!;
    const allSubscribedTopics = this.consumer2AllPotentialTopics.get(consumer)!;
    if (currentPartitions.length < this.maxAssignmentSize(allSubscribedTopics)) return true;
    return currentPartitions.some((tp) => this.canTopicParticipateInReassignment(tp.topic));
  }

  private balance(
    prevAssignment: ReadonlyMap<TopicPartitionRef, ConsumerGenerationPair>,
    unassigned: TopicPartitionRef[],
  ): void {
    const initializing = this.sizeOf(this.sortedCurrentSubscriptions.last()) === 0;

    for (const tp of unassigned) {
      if (this.potentialConsumers(tp.topic).length === 0) continue;
      this.maybeAssignPartition(tp);
    }

    // Narrow the scope to partitions and members that can actually move.
    const fixedTopics = new Set(
      [...this.topic2AllPotentialConsumers.keys()].filter(
        (topic) => !this.canTopicParticipateInReassignment(topic),
      ),
    );
    this.sortedAllPartitions = this.sortedAllPartitions.filter((tp) => !fixedTopics.has(tp.topic));
    const unassignedPartitions = unassigned.filter((tp) => !fixedTopics.has(tp.topic));

    const fixedAssignments = new Map<string, TopicPartitionRef[]>();
    for (const consumer of this.consumer2AllPotentialTopics.keys()) {
      if (!this.canConsumerParticipateInReassignment(consumer)) {
        this.sortedCurrentSubscriptions.remove(consumer);
        fixedAssignments.set(consumer, this.currentAssignment.get(consumer)!);
        this.currentAssignment.delete(consumer);
      }
    }

    const preBalanceAssignment = new Map(
      [...this.currentAssignment].map(([consumer, partitions]) => [consumer, [...partitions]]),
    );
    const preBalancePartitionConsumers = new Map(this.currentPartitionConsumer);

    if (!this.revocationRequired) this.performReassignments(unassignedPartitions, prevAssignment);
    const reassignmentPerformed = this.performReassignments(
      this.sortedAllPartitions,
      prevAssignment,
    );

    if (
      !initializing &&
      reassignmentPerformed &&
      GeneralAssignmentBuilder.balanceScore(this.currentAssignment) >=
        GeneralAssignmentBuilder.balanceScore(preBalanceAssignment)
    ) {
      this.currentAssignment.clear();
      for (const [consumer, partitions] of preBalanceAssignment) {
        this.currentAssignment.set(consumer, [...partitions]);
      }
      this.currentPartitionConsumer.clear();
      for (const [tp, consumer] of preBalancePartitionConsumers)
        this.currentPartitionConsumer.set(tp, consumer);
    }

    for (const [consumer, partitions] of fixedAssignments) {
      this.currentAssignment.set(consumer, partitions);
      this.sortedCurrentSubscriptions.add(consumer);
    }
  }

  private performReassignments(
    reassignablePartitions: readonly TopicPartitionRef[],
    prevAssignment: ReadonlyMap<TopicPartitionRef, ConsumerGenerationPair>,
  ): boolean {
    let reassignmentPerformed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of reassignablePartitions) {
        if (this.isBalanced()) break;
        const consumer = this.currentPartitionConsumer.get(tp);
        if (consumer === undefined || !this.currentAssignment.has(consumer)) continue;
        const consumerSize = this.sizeOf(consumer);

        const previous = prevAssignment.get(tp);
        if (
          previous !== undefined &&
          this.currentAssignment.has(previous.consumer) &&
          this.consumer2AllPotentialTopics.get(previous.consumer)!.includes(tp.topic) &&
          consumerSize > this.sizeOf(previous.consumer) + 1
        ) {
          this.reassignPartitionTo(tp, previous.consumer);
          reassignmentPerformed = modified = true;
          continue;
        }

        for (const otherConsumer of this.potentialConsumers(tp.topic)) {
          if (consumerSize > this.sizeOf(otherConsumer) + 1) {
            this.reassignPartition(tp);
            reassignmentPerformed = modified = true;
            break;
          }
        }
      }
    } while (modified);
    return reassignmentPerformed;
  }

  private reassignPartition(tp: TopicPartitionRef): void {
    const newConsumer = this.sortedCurrentSubscriptions
      .values()
      .find((consumer) => this.consumer2AllPotentialTopics.get(consumer)!.includes(tp.topic));
    if (newConsumer === undefined)
      throw new Error(`no consumer can take ${tp.topic}-${tp.partition}`);
    this.reassignPartitionTo(tp, newConsumer);
  }

  private reassignPartitionTo(tp: TopicPartitionRef, newConsumer: string): void {
    const consumer = this.currentPartitionConsumer.get(tp)!;
    const partitionToBeMoved = this.partitionMovements.getTheActualPartitionToBeMoved(
      tp,
      consumer,
      newConsumer,
    );
    this.processPartitionMovement(partitionToBeMoved, newConsumer);
  }

  private processPartitionMovement(tp: TopicPartitionRef, newConsumer: string): void {
    const oldConsumer = this.currentPartitionConsumer.get(tp)!;
    this.sortedCurrentSubscriptions.remove(oldConsumer);
    this.sortedCurrentSubscriptions.remove(newConsumer);
    this.partitionMovements.movePartition(tp, oldConsumer, newConsumer);
    const oldPartitions = this.currentAssignment.get(oldConsumer)!;
    const index = oldPartitions.indexOf(tp);
    if (index >= 0) oldPartitions.splice(index, 1);
    this.currentAssignment.get(newConsumer)!.push(tp);
    this.currentPartitionConsumer.set(tp, newConsumer);
    this.sortedCurrentSubscriptions.add(newConsumer);
    this.sortedCurrentSubscriptions.add(oldConsumer);
  }
}

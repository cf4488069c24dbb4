import { compareJavaStrings } from './javaHash';

/**
 * The sticky assignor's `sortedCurrentSubscriptions`: a `TreeSet<String>` of member ids ordered by
 * how many partitions each currently holds, then by member id (`SubscriptionComparator`). As in
 * Kafka, callers remove a member before changing its partition count and add it back afterwards.
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java
 */
export class SortedConsumers {
  private readonly items: string[] = [];

  /** @param sizeOf the number of partitions a member currently holds */
  constructor(private readonly sizeOf: (memberId: string) => number) {}

  private compare(a: string, b: string): number {
    return this.sizeOf(a) - this.sizeOf(b) || compareJavaStrings(a, b);
  }

  /** Insert `memberId` at its sorted position (no-op if an equal entry is present). */
  add(memberId: string): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(this.items[mid]!, memberId);
      if (c === 0) return;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, memberId);
  }

  /** Remove `memberId` if present. */
  remove(memberId: string): void {
    const index = this.items.indexOf(memberId);
    if (index >= 0) this.items.splice(index, 1);
  }

  /** The member holding the fewest partitions. */
  first(): string {
    const first = this.items[0];
    if (first === undefined) throw new Error('NoSuchElementException: no consumers');
    return first;
  }

  /** The member holding the most partitions. */
  last(): string {
    const last = this.items[this.items.length - 1];
    if (last === undefined) throw new Error('NoSuchElementException: no consumers');
    return last;
  }

  /** A snapshot of the members, fewest partitions first. */
  values(): string[] {
    return [...this.items];
  }
}

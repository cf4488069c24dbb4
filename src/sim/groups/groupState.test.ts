import { describe, expect, it } from 'vitest';
import { GroupMetadata } from './groupMetadata';
import { canTransition, groupStates, validPreviousStates, type GroupState } from './groupState';
import { javaStringHashCode, kafkaAbs, partitionForGroup } from './partitionForGroup';

describe('group states', () => {
  it('are named exactly as Kafka prints them', () => {
    expect([...groupStates]).toEqual([
      'Empty',
      'PreparingRebalance',
      'CompletingRebalance',
      'Stable',
      'Dead',
    ]);
  });

  it('allow exactly the transitions of GroupMetadata.scala validPreviousStates', () => {
    const allowed: string[] = [];
    for (const from of groupStates)
      for (const to of groupStates) if (canTransition(from, to)) allowed.push(`${from}->${to}`);
    expect(allowed.sort()).toEqual(
      [
        'Empty->PreparingRebalance',
        'Empty->Dead',
        'PreparingRebalance->CompletingRebalance',
        'PreparingRebalance->Empty',
        'PreparingRebalance->Dead',
        'CompletingRebalance->PreparingRebalance',
        'CompletingRebalance->Stable',
        'CompletingRebalance->Dead',
        'Stable->PreparingRebalance',
        'Stable->Dead',
        'Dead->Dead',
      ].sort(),
    );
    expect(validPreviousStates.Stable).toEqual(['CompletingRebalance']);
  });

  it('an invalid transition throws IllegalStateException with Kafka message', () => {
    const seen: [GroupState, GroupState][] = [];
    const group = new GroupMetadata('g', 'Empty', {
      now: () => 0,
      onTransition: (_g, f, t) => seen.push([f, t]),
    });
    expect(() => group.transitionTo('Stable')).toThrow(
      'Group g should be in the CompletingRebalance states before moving to Stable state. Instead it is in Empty state',
    );
    group.transitionTo('PreparingRebalance');
    expect(seen).toEqual([['Empty', 'PreparingRebalance']]);
  });
});

describe('partitionForGroup', () => {
  it("uses Java's String.hashCode", () => {
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('a')).toBe(97);
    expect(javaStringHashCode('hello')).toBe(99162322);
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
  });

  it("uses Kafka's Utils.abs, where abs(Integer.MIN_VALUE) is 0", () => {
    expect(kafkaAbs(-2147483648)).toBe(0);
    expect(kafkaAbs(-5)).toBe(5);
    expect(partitionForGroup('polygenelubricants')).toBe(0);
  });

  it('is abs(hashCode) % offsets.topic.num.partitions (default 50)', () => {
    expect(partitionForGroup('hello')).toBe(99162322 % 50);
    expect(partitionForGroup('hello', 7)).toBe(99162322 % 7);
    expect(partitionForGroup('g')).toBe(103 % 50);
  });
});

/**
 * Cases ported from Kafka's LeaderEpochFileCacheTest
 * (storage/src/test/java/org/apache/kafka/storage/internals/epoch/LeaderEpochFileCacheTest.java);
 * each test keeps the Java test's name.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { LeaderEpochCache, UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET } from './leaderEpochCache';

const answer = (leaderEpoch: number, endOffset: number) => ({ leaderEpoch, endOffset });
const entry = (epoch: number, startOffset: number) => ({ epoch, startOffset });
const UNDEFINED = answer(UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET);

describe('LeaderEpochCache (ported from LeaderEpochFileCacheTest)', () => {
  let cache: LeaderEpochCache;
  beforeEach(() => {
    cache = new LeaderEpochCache();
  });

  it('testPreviousEpoch', () => {
    expect(cache.previousEpoch()).toBeUndefined();
    cache.assign(2, 10);
    expect(cache.previousEpoch()).toBeUndefined();
    cache.assign(4, 15);
    expect(cache.previousEpoch()).toBe(2);
    cache.assign(10, 20);
    expect(cache.previousEpoch()).toBe(4);
    cache.truncateFromEnd(18);
    expect(cache.previousEpoch()).toBe(2);
  });

  it('shouldAddEpochAndMessageOffsetToCache', () => {
    cache.assign(2, 10);
    expect(cache.latestEpoch).toBe(2);
    expect(cache.epochEntries()).toEqual([entry(2, 10)]);
    expect(cache.endOffsetFor(2, 11)).toEqual(answer(2, 11));
  });

  it('shouldReturnLogEndOffsetIfLatestEpochRequested', () => {
    cache.assign(2, 11);
    cache.assign(2, 12);
    expect(cache.endOffsetFor(2, 14)).toEqual(answer(2, 14));
  });

  it('shouldReturnUndefinedOffsetIfUndefinedEpochRequested', () => {
    cache.assign(2, 11);
    cache.assign(3, 12);
    expect(cache.endOffsetFor(UNDEFINED_EPOCH, 0)).toEqual(UNDEFINED);
  });

  it('shouldNotOverwriteLogEndOffsetForALeaderEpochOnceItHasBeenAssigned', () => {
    cache.assign(2, 9);
    cache.assign(2, 10);
    expect(cache.epochEntries()).toEqual([entry(2, 9)]);
  });

  it('shouldEnforceMonotonicallyIncreasingStartOffsets', () => {
    cache.assign(2, 9);
    cache.assign(3, 9);
    expect(cache.epochEntries()).toEqual([entry(3, 9)]);
  });

  it('shouldNotOverwriteOffsetForALeaderEpochOnceItHasBeenAssigned', () => {
    cache.assign(2, 6);
    cache.assign(2, 10);
    expect(cache.epochEntries()[0]!.startOffset).toBe(6);
  });

  it('shouldReturnUnsupportedIfNoEpochRecorded', () => {
    expect(cache.endOffsetFor(0, 0)).toEqual(UNDEFINED);
  });

  it('shouldReturnUnsupportedIfNoEpochRecordedAndUndefinedEpochRequested', () => {
    expect(cache.endOffsetFor(UNDEFINED_EPOCH, 73)).toEqual(UNDEFINED);
  });

  it('shouldReturnFirstEpochIfRequestedEpochLessThanFirstEpoch', () => {
    cache.assign(5, 11);
    cache.assign(6, 12);
    cache.assign(7, 13);
    expect(cache.endOffsetFor(4, 0)).toEqual(answer(4, 11));
  });

  it('shouldTruncateIfMatchingEpochButEarlierStartingOffset', () => {
    cache.assign(5, 11);
    cache.assign(6, 12);
    cache.assign(7, 13);
    cache.assign(7, 12);
    expect(cache.endOffsetFor(5, 0)).toEqual(answer(5, 12));
    expect(cache.endOffsetFor(6, 0)).toEqual(answer(5, 12));
  });

  it('shouldGetFirstOffsetOfSubsequentEpochWhenOffsetRequestedForPreviousEpoch', () => {
    cache.assign(1, 11);
    cache.assign(1, 12);
    cache.assign(2, 13);
    cache.assign(2, 14);
    cache.assign(3, 15);
    cache.assign(3, 16);
    expect(cache.endOffsetFor(2, 17)).toEqual(answer(2, 15));
  });

  it('shouldReturnNextAvailableEpochIfThereIsNoExactEpochForTheOneRequested', () => {
    cache.assign(0, 10);
    cache.assign(2, 13);
    cache.assign(4, 17);
    expect(cache.endOffsetFor(1, 0)).toEqual(answer(0, 13));
    expect(cache.endOffsetFor(2, 0)).toEqual(answer(2, 17));
    expect(cache.endOffsetFor(3, 0)).toEqual(answer(2, 17));
  });

  it('shouldNotUpdateEpochAndStartOffsetIfItDidNotChange', () => {
    cache.assign(2, 6);
    cache.assign(2, 7);
    expect(cache.epochEntries()).toEqual([entry(2, 6)]);
  });

  it('shouldReturnInvalidOffsetIfEpochIsRequestedWhichIsNotCurrentlyTracked', () => {
    cache.assign(2, 100);
    expect(cache.endOffsetFor(3, 100)).toEqual(UNDEFINED);
  });

  it('shouldSupportEpochsThatDoNotStartFromZero', () => {
    cache.assign(2, 6);
    expect(cache.endOffsetFor(2, 7)).toEqual(answer(2, 7));
    expect(cache.epochEntries()).toEqual([entry(2, 6)]);
  });

  it('shouldEnforceMonotonicallyIncreasingEpochs', () => {
    cache.assign(1, 5);
    cache.assign(2, 6);
    cache.assign(1, 7);
    expect(cache.latestEpoch).toBe(1);
    expect(cache.endOffsetFor(1, 8)).toEqual(answer(1, 8));
    expect(cache.endOffsetFor(2, 8)).toEqual(UNDEFINED);
    expect(cache.epochEntries()).toEqual([entry(1, 7)]);
  });

  it('shouldEnforceOffsetsIncreaseMonotonically', () => {
    cache.assign(2, 6);
    cache.assign(3, 5);
    expect(cache.epochEntries()).toEqual([entry(3, 5)]);
  });

  it('shouldIncreaseAndTrackEpochsAsLeadersChangeManyTimes', () => {
    cache.assign(0, 0);
    cache.assign(1, 0);
    expect(cache.latestEpoch).toBe(1);
    expect(cache.endOffsetFor(1, 0)).toEqual(answer(1, 0));
    expect(cache.endOffsetFor(0, 0)).toEqual(answer(0, 0));
    expect(cache.endOffsetFor(1, 5)).toEqual(answer(1, 5));
    expect(cache.endOffsetFor(0, 5)).toEqual(answer(0, 0));
    cache.assign(2, 5);
    expect(cache.endOffsetFor(2, 10)).toEqual(answer(2, 10));
    expect(cache.endOffsetFor(1, 10)).toEqual(answer(1, 5));
    expect(cache.endOffsetFor(0, 10)).toEqual(answer(0, 0));
  });

  it('shouldIncreaseAndTrackEpochsAsFollowerReceivesManyMessages', () => {
    cache.assign(0, 0);
    cache.assign(0, 1);
    cache.assign(0, 2);
    expect(cache.latestEpoch).toBe(0);
    expect(cache.endOffsetFor(0, 3)).toEqual(answer(0, 3));
    cache.assign(1, 3);
    cache.assign(1, 4);
    cache.assign(1, 5);
    expect(cache.latestEpoch).toBe(1);
    expect(cache.endOffsetFor(1, 6)).toEqual(answer(1, 6));
    cache.assign(2, 6);
    cache.assign(2, 7);
    cache.assign(2, 8);
    expect(cache.latestEpoch).toBe(2);
    expect(cache.endOffsetFor(2, 9)).toEqual(answer(2, 9));
    expect(cache.endOffsetFor(0, 9)).toEqual(answer(0, 3));
    expect(cache.endOffsetFor(1, 9)).toEqual(answer(1, 6));
  });

  it('shouldDropEntriesOnEpochBoundaryWhenRemovingLatestEntries', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromEnd(8);
    expect(cache.epochEntries()).toEqual([entry(2, 6)]);
  });

  it('shouldPreserveResetOffsetOnClearEarliestIfOneExists', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromStart(8);
    expect(cache.epochEntries()).toEqual([entry(3, 8), entry(4, 11)]);
  });

  it('shouldNotClearAnythingIfOffsetTooEarly', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromStart(1);
    expect(cache.epochEntries()).toEqual([entry(2, 6), entry(3, 8), entry(4, 11)]);
  });

  it('shouldNotClearAnythingIfOffsetIsFirstOffset', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromStart(6);
    expect(cache.epochEntries()).toEqual([entry(2, 6), entry(3, 8), entry(4, 11)]);
  });

  it('shouldRetainLatestEpochOnClearAllEarliest', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromStart(11);
    expect(cache.epochEntries()).toEqual([entry(4, 11)]);
  });

  it('shouldUpdateOffsetBetweenEpochBoundariesOnClearEarliest', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromStart(9);
    expect(cache.epochEntries()).toEqual([entry(3, 9), entry(4, 11)]);
  });

  it('shouldUpdateOffsetBetweenFirstTwoEpochBoundariesOnClearEarliest', () => {
    cache.assign(0, 0);
    cache.assign(1, 7);
    cache.assign(2, 10);
    cache.truncateFromStart(5);
    expect(cache.epochEntries()).toEqual([entry(0, 5), entry(1, 7), entry(2, 10)]);
  });

  it('shouldRetainLatestEpochOnClearAllEarliestAndUpdateItsOffset', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromStart(15);
    expect(cache.epochEntries()).toEqual([entry(4, 15)]);
  });

  it('shouldDropEntriesBetweenEpochBoundaryWhenRemovingNewest', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromEnd(9);
    expect(cache.latestEpoch).toBe(3);
    expect(cache.epochEntries()).toEqual([entry(2, 6), entry(3, 8)]);
  });

  it('shouldClearAllEntries', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.clear();
    expect(cache.epochEntries()).toEqual([]);
  });

  it('shouldNotResetEpochHistoryHeadIfUndefinedPassed', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromStart(UNDEFINED_EPOCH_OFFSET);
    expect(cache.epochEntries()).toHaveLength(3);
  });

  it('shouldNotResetEpochHistoryTailIfUndefinedPassed', () => {
    cache.assign(2, 6);
    cache.assign(3, 8);
    cache.assign(4, 11);
    cache.truncateFromEnd(UNDEFINED_EPOCH_OFFSET);
    expect(cache.epochEntries()).toHaveLength(3);
  });

  it('shouldFetchLatestEpochOfEmptyCache', () => {
    expect(cache.latestEpoch).toBe(UNDEFINED_EPOCH);
  });

  it('shouldFetchEndOffsetOfEmptyCache', () => {
    expect(cache.endOffsetFor(7, 0)).toEqual(UNDEFINED);
  });

  it('shouldClearEarliestOnEmptyCache / shouldClearLatestOnEmptyCache', () => {
    expect(() => cache.truncateFromStart(7)).not.toThrow();
    expect(() => cache.truncateFromEnd(7)).not.toThrow();
  });

  it('epochForOffset returns the epoch whose range holds the offset', () => {
    cache.assign(0, 0);
    cache.assign(1, 4);
    cache.assign(4, 10);
    expect([0, 3, 4, 9, 10, 50].map((o) => cache.epochForOffset(o))).toEqual([0, 0, 1, 1, 4, 4]);
    cache.truncateFromStart(2);
    expect(cache.epochForOffset(1)).toBeUndefined();
  });

  it('rejects a negative epoch or start offset, as assign throws IllegalArgumentException', () => {
    expect(() => cache.assign(-1, 0)).toThrow(RangeError);
    expect(() => cache.assign(0, -1)).toThrow(RangeError);
  });
});

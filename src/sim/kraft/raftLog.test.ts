import { describe, expect, it } from 'vitest';
import { compareOffsetAndEpoch, RaftLog } from './raftLog';

/** A log whose entry `i` has epoch `epochs[i]`. */
function logWithEpochs(epochs: number[]): RaftLog<string> {
  const log = new RaftLog<string>();
  for (const epoch of epochs) log.appendData(epoch, [`e${epoch}`]);
  return log;
}

describe('RaftLog', () => {
  it('orders (offset, epoch) by epoch first, then offset, like OffsetAndEpoch.compareTo', () => {
    expect(compareOffsetAndEpoch({ offset: 1, epoch: 3 }, { offset: 9, epoch: 2 })).toBeGreaterThan(
      0,
    );
    expect(compareOffsetAndEpoch({ offset: 4, epoch: 2 }, { offset: 5, epoch: 2 })).toBeLessThan(0);
    expect(compareOffsetAndEpoch({ offset: 5, epoch: 2 }, { offset: 5, epoch: 2 })).toBe(0);
  });

  it('endOffsetForEpoch returns the end of the largest epoch at or below the one asked for', () => {
    const log = logWithEpochs([1, 1, 3, 3, 3, 5]);
    expect(log.endOffsetForEpoch(1)).toEqual({ offset: 2, epoch: 1 });
    expect(log.endOffsetForEpoch(2)).toEqual({ offset: 2, epoch: 1 });
    expect(log.endOffsetForEpoch(3)).toEqual({ offset: 5, epoch: 3 });
    expect(log.endOffsetForEpoch(9)).toEqual({ offset: 6, epoch: 5 });
    expect(log.endOffsetForEpoch(0)).toEqual({ offset: 0, epoch: 0 });
  });

  it('reports no divergence for a fetch position on its own history', () => {
    const log = logWithEpochs([1, 1, 3, 3]);
    expect(log.divergingEpoch(0, 0)).toBeUndefined();
    expect(log.divergingEpoch(2, 1)).toBeUndefined();
    expect(log.divergingEpoch(1, 1)).toBeUndefined();
    expect(log.divergingEpoch(4, 3)).toBeUndefined();
  });

  it('reports the diverging epoch when a follower has entries of an epoch the leader ended earlier', () => {
    const leader = logWithEpochs([1, 1, 3, 3]);
    const follower = logWithEpochs([1, 1, 2, 2, 2]); // epoch 2 never committed
    const diverging = leader.divergingEpoch(follower.endOffset, follower.lastFetchedEpoch)!;
    expect(diverging).toEqual({ offset: 2, epoch: 1 });
    follower.truncateTo(follower.truncationOffset(diverging));
    expect(follower.endOffset).toBe(2);
    expect(leader.divergingEpoch(follower.endOffset, follower.lastFetchedEpoch)).toBeUndefined();
  });

  it('truncates a follower that is ahead in the same epoch to the leader’s end of that epoch', () => {
    const leader = logWithEpochs([1, 2, 4]);
    const follower = logWithEpochs([1, 2, 2, 2]);
    const diverging = leader.divergingEpoch(4, 2)!;
    expect(diverging).toEqual({ offset: 2, epoch: 2 });
    expect(follower.truncationOffset(diverging)).toBe(2);
  });

  it('truncates everything when the leader holds none of the follower’s epochs', () => {
    const leader = logWithEpochs([2, 2]);
    const follower = logWithEpochs([1, 1, 1]);
    const diverging = leader.divergingEpoch(3, 1)!;
    expect(diverging).toEqual({ offset: 0, epoch: 0 });
    expect(follower.truncationOffset(diverging)).toBe(0);
  });

  it('refuses a follower append that skips offsets or goes back in epoch', () => {
    const leader = logWithEpochs([1, 2]);
    const follower = new RaftLog<string>();
    expect(() => follower.appendAsFollower(leader.read(1, 10))).toThrow(/Non-contiguous/);
    follower.appendAsFollower(leader.read(0, 10));
    expect(follower.entries).toEqual(leader.entries);
  });
});

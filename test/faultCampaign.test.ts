/**
 * Seeded fault campaigns (TigerBeetle-style): random schedules of broker stops, crashes, restarts,
 * isolation, link cuts and produce/consume traffic. After every step the invariants hold. A failing
 * schedule prints the seed that reproduces it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/sim/cluster/cluster';
import type { Cluster } from '../src/sim/cluster/cluster';
import type { FetchResponse } from '../src/sim/protocol/messages';
import { produce } from './helpers/rawClient';

type Step =
  | { op: 'crash' | 'stop' | 'start' | 'isolate' | 'heal'; broker: number }
  | { op: 'cut' | 'mend'; a: number; b: number }
  | { op: 'produce'; partition: number; acks: -1 | 1; n: number }
  | { op: 'consume'; partition: number }
  | { op: 'wait'; ms: number };

const brokerIds = [1, 2, 3, 4];
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom(
        'crash' as const,
        'stop' as const,
        'start' as const,
        'isolate' as const,
        'heal' as const,
      ),
      broker: fc.constantFrom(...brokerIds),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('cut' as const, 'mend' as const),
      a: fc.constantFrom(...brokerIds),
      b: fc.constantFrom(...brokerIds),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('produce' as const),
      partition: fc.integer({ min: 0, max: 2 }),
      acks: fc.constantFrom(-1 as const, 1 as const),
      n: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('consume' as const),
      partition: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('wait' as const),
      ms: fc.integer({ min: 1, max: 40_000 }),
    }),
  },
);

interface Acked {
  partition: number;
  offset: number;
  value: string;
}

class Campaign {
  readonly cluster: Cluster;
  readonly acked: Acked[] = [];
  readonly leaders = new Map<string, number>();
  readonly violations: string[] = [];
  private seq = 0;

  constructor(seed: number, mode: 'zookeeper' | 'kraft') {
    this.cluster = createCluster({
      brokers: 4,
      seed,
      mode,
      config: { 'min.insync.replicas': '2', 'default.replication.factor': '3' },
    });
    this.cluster.subscribe((e) => {
      if (e.type !== 'replica.became-leader') return;
      const key = `${e.topic}-${e.partition}@${e.leaderEpoch}`;
      const prev = this.leaders.get(key);
      if (prev !== undefined && prev !== e.broker)
        this.violations.push(`two leaders for ${key}: ${prev} and ${e.broker}`);
      this.leaders.set(key, e.broker as number);
    });
    this.cluster.advance(5_000);
    const f = this.cluster.settle(
      this.cluster.admin.createTopic({
        name: 't',
        numPartitions: 3,
        replicationFactor: 3,
        configs: {},
      }),
    );
    if (!f.isDone || f.result) throw new Error(`setup failed: ${f.error ?? f.result}`);
    this.cluster.advance(1_000);
  }

  private leaderOf(partition: number): number {
    return (
      this.cluster.snapshot().topics.find((t) => t.name === 't')?.partitions[partition]?.leader ??
      -1
    );
  }

  run(step: Step): void {
    const c = this.cluster;
    switch (step.op) {
      case 'crash':
        c.stopBroker(step.broker, { crash: true });
        return;
      case 'stop':
        c.settle(c.stopBroker(step.broker), 60_000);
        return;
      case 'start':
        c.startBroker(step.broker);
        return;
      case 'isolate':
        c.isolateBroker(step.broker);
        return;
      case 'heal':
        c.healBroker(step.broker);
        return;
      case 'cut':
        if (step.a !== step.b) c.cutLink(`broker-${step.a}`, `broker-${step.b}`);
        return;
      case 'mend':
        c.healLink(`broker-${step.a}`, `broker-${step.b}`);
        return;
      case 'wait':
        c.advance(step.ms);
        return;
      case 'produce': {
        if (this.leaderOf(step.partition) < 0) return;
        const values = Array.from({ length: step.n }, () => `v${++this.seq}`);
        const r = produce(c, 't', step.partition, values, step.acks);
        if (step.acks === -1 && r.error === 'NONE')
          values.forEach((value, i) =>
            this.acked.push({ partition: step.partition, offset: r.baseOffset + i, value }),
          );
        return;
      }
      case 'consume': {
        const leader = this.leaderOf(step.partition);
        if (leader < 0) return;
        const f = c.settle(
          c.admin.call<FetchResponse>(
            'fetch',
            [leader],
            {
              kind: 'Fetch',
              clientId: 'campaign-consumer',
              replicaId: -1,
              maxWaitMs: 0,
              minBytes: 1,
              maxBytes: 1 << 20,
              isolationLevel: 'read_uncommitted',
              partitions: [
                {
                  topic: 't',
                  partition: step.partition,
                  fetchOffset: 0,
                  currentLeaderEpoch: -1,
                  lastFetchedEpoch: -1,
                  partitionMaxBytes: 1 << 20,
                },
              ],
            },
            5_000,
          ),
          6_000,
        );
        if (!f.isDone || f.error) return;
        for (const p of f.result.partitions)
          for (const b of p.batches)
            if (b.lastOffset >= p.highWatermark && p.error === 'NONE')
              this.violations.push(
                `consumer read offset ${b.lastOffset} past high watermark ${p.highWatermark} on t-${p.partition}`,
              );
        return;
      }
    }
  }

  /** Invariants that hold after every step. */
  check(): void {
    for (const b of this.cluster.brokers.values()) {
      for (const p of b.replicaManager.partitions.values()) {
        if (p.isLeader && p.highWatermark > p.logEndOffset)
          this.violations.push(
            `HW ${p.highWatermark} > LEO ${p.logEndOffset} on leader ${b.id} ${p.topic}-${p.partition}`,
          );
        if (p.isLeader)
          for (const id of p.isr) {
            const f = p.followers.get(id);
            if (
              f &&
              f.logEndOffset >= 0 &&
              p.highWatermark > Math.max(f.logEndOffset, 0) &&
              p.isr.includes(id) &&
              !p.pendingIsr
            ) {
              // A follower in the ISR may lag the leader's view only until its next fetch; the HW never passes what the ISR holds.
              const follower = this.cluster.brokers
                .get(id)
                ?.replicaManager.get(p.topic, p.partition);
              if (
                follower &&
                follower.logEndOffset < p.highWatermark &&
                follower.leaderEpoch === p.leaderEpoch &&
                follower.logEndOffset === f.logEndOffset
              )
                this.violations.push(
                  `HW ${p.highWatermark} beyond ISR member ${id}'s LEO ${follower.logEndOffset} on ${p.topic}-${p.partition}`,
                );
            }
          }
        let last = -1;
        for (const r of p.log.records(p.log.logStartOffset, p.logEndOffset, 100_000)) {
          if (r.offset <= last)
            this.violations.push(
              `offsets not increasing on broker ${b.id} ${p.topic}-${p.partition}: ${last} then ${r.offset}`,
            );
          last = r.offset;
        }
      }
    }
  }

  /** Heal everything, wait, and check that every record acknowledged with acks=all survived. */
  finish(): void {
    const c = this.cluster;
    // Let pending failure detection (session timeouts, ISR expiry) and elections play out first.
    c.advance(60_000);
    this.check();
    for (const id of brokerIds) {
      c.healBroker(id);
      for (const other of brokerIds) c.healLink(`broker-${id}`, `broker-${other}`);
      c.startBroker(id);
    }
    c.advance(90_000);
    this.check();
    for (const a of this.acked) {
      const leader = this.leaderOf(a.partition);
      const log = c.brokers.get(leader)?.replicaManager.get('t', a.partition)?.log;
      const got = log?.records(a.offset, a.offset + 1, 1)[0];
      if (!got || got.value !== a.value)
        this.violations.push(
          `acknowledged record lost: t-${a.partition}@${a.offset}=${a.value}, found ${got?.value}`,
        );
    }
  }
}

const runs = Number(process.env.FAULT_CAMPAIGN_RUNS ?? 1000);

for (const mode of ['zookeeper', 'kraft'] as const) {
  describe(`fault campaign (${mode})`, () => {
    it(`keeps Kafka's invariants over ${runs / 2} random fault schedules`, () => {
      let acknowledged = 0;
      let elections = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.array(stepArb, { minLength: 10, maxLength: 30 }),
          (seed, steps) => {
            const campaign = new Campaign(seed, mode);
            for (const step of steps) {
              campaign.run(step);
              campaign.check();
            }
            campaign.finish();
            acknowledged += campaign.acked.length;
            elections += campaign.leaders.size;
            if (process.env.FAULT_CAMPAIGN_STATS)
              console.log(seed, campaign.acked.length, campaign.leaders.size);
            if (campaign.violations.length > 0)
              throw new Error(
                `reproduce with seed=${seed} mode=${mode}: ${campaign.violations[0]}\nsteps: ${JSON.stringify(steps)}`,
              );
            return true;
          },
        ),
        { numRuns: runs / 2, seed: Number(process.env.FAULT_CAMPAIGN_SEED ?? 20261122) },
      );
      // The campaign is not vacuous: records were acknowledged and leadership moved.
      expect(acknowledged).toBeGreaterThan(runs / 2);
      expect(elections).toBeGreaterThan((runs / 2) * 3.5);
    });
  });
}

it('the fault campaign would catch a lost acknowledged record', () => {
  const campaign = new Campaign(3, 'zookeeper');
  campaign.run({ op: 'produce', partition: 0, acks: -1, n: 2 });
  expect(campaign.acked).toHaveLength(2);
  campaign.acked.push({ partition: 0, offset: 1, value: 'not-what-was-written' });
  campaign.finish();
  expect(campaign.violations.some((v) => v.includes('acknowledged record lost'))).toBe(true);
});

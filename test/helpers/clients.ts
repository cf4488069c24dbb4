/** Drives real simulated clients the way an application's poll loop would. */
import type { Consumer } from '../../src/sim/clients/index';
import type { LogRecord } from '../../src/sim/log/record';
import type { Cluster } from '../../src/sim/cluster/cluster';

/** Advances `ms` of virtual time in `stepMs` steps, calling poll() on every consumer; returns what each got. */
export function pollFor(
  cluster: Cluster,
  consumers: Consumer[],
  ms: number,
  stepMs = 100,
): LogRecord[][] {
  const got = consumers.map(() => [] as LogRecord[]);
  for (let t = 0; t < ms; t += stepMs) {
    consumers.forEach((c, i) => got[i]!.push(...c.poll()));
    cluster.advance(stepMs);
  }
  return got;
}

/** Produces `values` with keys `k<i>` and waits until every callback ran; returns the errors seen. */
export function produceAll(
  cluster: Cluster,
  topic: string,
  values: string[],
  props: Record<string, string> = {},
): string[] {
  const producer = cluster.createProducer(props);
  const errors: string[] = [];
  let done = 0;
  values.forEach((value, i) =>
    producer.send({ topic, key: `k${i}`, value }, (error) => {
      done++;
      if (error) errors.push(String(error));
    }),
  );
  for (let t = 0; t < 120_000 && done < values.length; t += 50) cluster.advance(50);
  producer.close();
  return errors;
}

export function partitionsOf(consumer: Consumer): string[] {
  return consumer
    .assignment()
    .map((tp) => `${tp.topic}-${tp.partition}`)
    .sort();
}

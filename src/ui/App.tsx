import { useEffect, useState } from 'react';
import { createCluster } from '../sim/index';
import type { ClusterSnapshot } from '../sim/index';

/**
 * Placeholder page until the workbench UI lands (issue 4): it boots the simulated cluster, creates
 * a topic and shows the brokers and partitions the engine reports.
 */
export function App() {
  const [snapshot, setSnapshot] = useState<ClusterSnapshot>();
  useEffect(() => {
    const cluster = createCluster({ brokers: 3, seed: 1, mode: 'zookeeper' });
    cluster.advance(5_000);
    cluster.settle(
      cluster.admin.createTopic({
        name: 'quickstart-events',
        numPartitions: 3,
        replicationFactor: 3,
        configs: {},
      }),
    );
    cluster.advance(1_000);
    setSnapshot(cluster.snapshot());
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', fontSize: '1.1rem' }}>
      <h1>Kafka Workbench</h1>
      <p>
        A simulated Apache Kafka 3.9 cluster. The interactive workbench (terminal, live topology,
        lessons) is being built; this page shows the engine running in your browser.
      </p>
      {snapshot && (
        <>
          <h2>Brokers ({snapshot.mode} mode)</h2>
          <ul>
            {snapshot.brokers.map((b) => (
              <li key={b.id}>
                broker {b.id} — {b.host}:{b.port} — {b.state}
                {b.isController ? ' — controller' : ''} — leads {b.leaders} of {b.partitions}{' '}
                replicas
              </li>
            ))}
          </ul>
          <h2>Partitions</h2>
          <ul>
            {snapshot.topics.flatMap((t) =>
              t.partitions.map((p) => (
                <li key={`${p.topic}-${p.partition}`}>
                  {p.topic}-{p.partition}: leader {p.leader}, replicas {p.replicas.join(',')}, ISR{' '}
                  {p.isr.join(',')}
                </li>
              )),
            )}
          </ul>
        </>
      )}
    </main>
  );
}

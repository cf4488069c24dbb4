/**
 * The sandbox's example commands: Kafka CLI lines, the same in every language (the words around
 * them are in the locale files). They target the notes' compose cluster (brokers at
 * localhost:9092–9094).
 */
import type { MessageKey } from '../i18n/messages';

export interface SandboxStep {
  text: MessageKey;
  command?: string;
}

export const sandboxSteps: readonly SandboxStep[] = [
  {
    text: 'sandbox.tryCreate',
    command:
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 3 --replication-factor 3',
  },
  {
    text: 'sandbox.tryProduce',
    command: 'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders',
  },
  {
    text: 'sandbox.tryConsume',
    command:
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --group billing --from-beginning',
  },
  {
    text: 'sandbox.tryDescribe',
    command: 'kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic orders',
  },
  { text: 'sandbox.tryFault' },
];

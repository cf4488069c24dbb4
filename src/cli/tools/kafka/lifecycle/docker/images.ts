/**
 * What the images of the notes' compose file look like from `docker ps`: their entrypoint command,
 * exposed ports, working directory and whether the Kafka tools are on PATH without `.sh`
 * (Confluent's `cp-*` images install `/usr/bin/kafka-topics`; `apache/kafka` has
 * `/opt/kafka/bin/kafka-topics.sh`).
 */
export interface ImageInfo {
  command: string;
  exposedPorts: number[];
  workdir: string;
  user: string;
  /** Tool names as the image has them: bare (`kafka-topics`) or `.sh` scripts. */
  toolStyle: 'confluent' | 'apache';
}

export function imageInfo(image: string): ImageInfo {
  if (/confluentinc\/cp-zookeeper/.test(image))
    return {
      command: '/etc/confluent/docker/run',
      exposedPorts: [2181, 2888, 3888],
      workdir: '/home/appuser',
      user: 'appuser',
      toolStyle: 'confluent',
    };
  if (/confluentinc\//.test(image))
    return {
      command: '/etc/confluent/docker/run',
      exposedPorts: [9092],
      workdir: '/home/appuser',
      user: 'appuser',
      toolStyle: 'confluent',
    };
  if (/bitnami\/kafka/.test(image))
    return {
      command: '/opt/bitnami/scripts/kafka/entrypoint.sh /opt/bitnami/scripts/kafka/run.sh',
      exposedPorts: [9092],
      workdir: '/',
      user: '1001',
      toolStyle: 'apache',
    };
  return {
    command: '/__cacert_entrypoint.sh /etc/kafka/docker/run',
    exposedPorts: [9092],
    workdir: '/',
    user: 'appuser',
    toolStyle: 'apache',
  };
}

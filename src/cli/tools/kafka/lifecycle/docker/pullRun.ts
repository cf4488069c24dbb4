/**
 * `docker pull IMAGE` and `docker run [--name N] [-p H:C] [-e K=V] [-d] IMAGE` for images other
 * than Kafka's (the notes' MariaDB): the pull prints Docker's progress, the run creates a container
 * that `docker ps` lists. Nothing inside it is simulated beyond its existence and its log banner.
 */
import type { ProcessContext } from '../../../../runtime/types';
import type { ClusterHost } from '../../../../host/clusterHost';

const pulled = new WeakMap<ClusterHost, Set<string>>();

function normalise(image: string): { name: string; tag: string } {
  const [name, tag] = image.includes(':')
    ? (image.split(':') as [string, string])
    : [image, 'latest'];
  return { name, tag };
}

function hex(ctx: ProcessContext, n: number): string {
  const rng = ctx.host.cluster.rng.fork(`docker-${ctx.clock.now()}-${n}`);
  return Array.from(rng.bytes(32), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Prints Docker's pull progress for `image` and remembers it as present. */
function pull(ctx: ProcessContext, image: string, out: (text: string) => void): void {
  const { name, tag } = normalise(image);
  const repo = name.includes('/') ? name : `library/${name}`;
  if (!image.includes(':')) out('Using default tag: latest\n');
  out(`${tag}: Pulling from ${repo}\n`);
  for (let i = 0; i < 4; i++) out(`${hex(ctx, i).slice(0, 12)}: Pull complete\n`);
  out(`Digest: sha256:${hex(ctx, 9)}\n`);
  out(`Status: Downloaded newer image for ${name}:${tag}\n`);
  let set = pulled.get(ctx.host);
  if (!set) pulled.set(ctx.host, (set = new Set()));
  set.add(`${name}:${tag}`);
}

export function dockerPull(ctx: ProcessContext, args: string[]): void {
  const image = args.find((a) => !a.startsWith('-'));
  if (!image) {
    ctx.stderr(
      '"docker pull" requires exactly 1 argument.\nSee \'docker pull --help\'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nDownload an image from a registry\n',
    );
    return ctx.exit(1);
  }
  pull(ctx, image, ctx.stdout);
  const { name, tag } = normalise(image);
  ctx.stdout(`docker.io/${name.includes('/') ? name : `library/${name}`}:${tag}\n`);
  ctx.exit(0);
}

export function dockerRun(ctx: ProcessContext, args: string[]): void {
  let name: string | undefined;
  let detach = false;
  const ports: { host: number; container: number }[] = [];
  const environment: Record<string, string> = {};
  let image: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (image) break;
    if (a === '--name') name = args[++i];
    else if (a.startsWith('--name=')) name = a.slice(7);
    else if (a === '-d' || a === '--detach') detach = true;
    else if (a === '-p' || a === '--publish') {
      const [h, c] = (args[++i] ?? '').split(':');
      ports.push({ host: Number(h), container: Number(c ?? h) });
    } else if (a === '-e' || a === '--env') {
      const kv = args[++i] ?? '';
      environment[kv.split('=')[0]!] = kv.slice(kv.indexOf('=') + 1);
    } else if (a === '-it' || a === '-i' || a === '-t' || a === '--rm') continue;
    else if (!a.startsWith('-')) image = a;
  }
  if (!image) {
    ctx.stderr(
      '"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n',
    );
    return ctx.exit(1);
  }
  const host = ctx.host;
  const id = hex(ctx, 42);
  const containerName = name ?? `container_${id.slice(0, 6)}`;
  const existing = host.containers.get(containerName);
  if (existing) {
    ctx.stderr(
      `docker: Error response from daemon: Conflict. The container name "/${containerName}" is already in use by container "${hex(ctx, 7)}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`,
    );
    return ctx.exit(125);
  }
  const { name: imageName, tag } = normalise(image);
  if (!pulled.get(host)?.has(`${imageName}:${tag}`)) {
    ctx.stderr(`Unable to find image '${imageName}:${tag}' locally\n`);
    pull(ctx, image, ctx.stderr);
  }
  host.containers.set(containerName, {
    name: containerName,
    service: {
      name: containerName,
      containerName,
      image: `${imageName}:${tag}`,
      kind: 'other',
      ports,
      environment,
    },
    running: true,
    createdAt: ctx.clock.now(),
    startedAt: ctx.clock.now(),
  });
  if (detach) {
    ctx.stdout(`${id}\n`);
    return ctx.exit(0);
  }
  ctx.stdout(
    `${imageName} container started (the workbench simulates only Kafka's containers; this one just runs)\n`,
  );
  ctx.onSignal(() => {
    const c = host.containers.get(containerName);
    if (c) c.running = false;
    ctx.exit(130);
  });
  ctx.detach();
}

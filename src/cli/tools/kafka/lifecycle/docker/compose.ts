/**
 * `docker compose …` (Compose v2, also run as `docker-compose`): `up [-d]`, `down`, `ps [-a]`,
 * `stop|start|restart|kill [SERVICE…]`, `exec SERVICE COMMAND…`, `logs`, `version`. The project is
 * the directory of the compose file (`/root/docker-compose.yml` → project `root`, network
 * `root_default`); progress goes to stderr as Compose prints it (composeProgress.ts).
 */
import type { Container } from '../../../../host/clusterHost';
import type { ComposeService } from '../../../../host/composeFile';
import { parseCompose } from '../../../../host/composeFile';
import { VirtualFs } from '../../../../host/virtualFs';
import type { ProcessContext } from '../../../../runtime/types';
import { ComposeProgress } from './composeProgress';
import { daemonState, recordExit } from './containerState';
import { execInContainer, parseExecArgs } from './exec';
import { containerLogs } from './logs';
import { composePs } from './ps';
import { stopContainers, stopInOrder } from './stopWait';

const composeFileNames = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
];

interface Project {
  name: string;
  file: string;
  services: ComposeService[];
}

/** Finds and parses the compose file (`-f`, or the working directory and its parents). */
function loadProject(
  ctx: ProcessContext,
  file: string | undefined,
  name: string | undefined,
): Project | string {
  let path: string | undefined;
  if (file !== undefined) {
    path = VirtualFs.resolve(ctx.cwd, file);
    if (ctx.fs.read(path) === undefined) return `open ${path}: no such file or directory`;
  } else {
    for (let dir = ctx.cwd; path === undefined; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
      for (const n of composeFileNames) {
        const candidate = `${dir === '/' ? '' : dir}/${n}`;
        if (ctx.fs.read(candidate) !== undefined) path = candidate;
        if (path) break;
      }
      if (dir === '/') break;
    }
    if (path === undefined) return 'no configuration file provided: not found';
  }
  let services: ComposeService[];
  try {
    services = parseCompose(ctx.fs.read(path)!);
  } catch (e) {
    return `yaml: ${(e as Error).message}`;
  }
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  const projectName = (name ?? dir.slice(dir.lastIndexOf('/') + 1))
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
  return { name: projectName, file: path, services };
}

/** Services in start order: ZooKeeper (what the brokers depend on) first. */
function levels(services: readonly ComposeService[]): ComposeService[][] {
  const first = services.filter((s) => s.kind === 'zookeeper');
  const rest = services.filter((s) => s.kind !== 'zookeeper');
  return [first, rest].filter((l) => l.length > 0);
}

function selected(project: Project, names: readonly string[]): ComposeService[] | string {
  if (names.length === 0) return project.services;
  for (const n of names)
    if (!project.services.some((s) => s.name === n)) return `no such service: ${n}`;
  return project.services.filter((s) => names.includes(s.name));
}

export function composeCommand(ctx: ProcessContext, argv: readonly string[]): void {
  const args = [...argv];
  let file: string | undefined;
  let projectName: string | undefined;
  while (args[0]?.startsWith('-')) {
    const a = args.shift()!;
    const takeValue = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args.shift());
    if (a === '-f' || a.startsWith('--file')) file = takeValue();
    else if (a === '-p' || a.startsWith('--project-name')) projectName = takeValue();
    else if (a === '--project-directory') args.shift();
    else if (a === '-v' || a === '--version') {
      ctx.stdout('Docker Compose version v2.29.7\n');
      return ctx.exit(0);
    } else {
      ctx.stderr(`unknown flag: ${a}\n`);
      return ctx.exit(1);
    }
  }
  const sub = args.shift();
  const host = ctx.host;
  daemonState(host);
  if (sub === undefined) {
    ctx.stdout(
      "\nUsage:  docker compose [OPTIONS] COMMAND\n\nDefine and run multi-container applications with Docker\n\nRun 'docker compose COMMAND --help' for more information on a command.\n",
    );
    return ctx.exit(0);
  }
  if (sub === 'version') {
    ctx.stdout('Docker Compose version v2.29.7\n');
    return ctx.exit(0);
  }
  const known = ['up', 'down', 'ps', 'stop', 'start', 'restart', 'kill', 'exec', 'logs', 'rm'];
  if (!known.includes(sub)) {
    ctx.stderr(`unknown docker command: "compose ${sub}"\n`);
    return ctx.exit(1);
  }
  const project = loadProject(ctx, file, projectName);
  if (typeof project === 'string') {
    ctx.stderr(`${project}\n`);
    return ctx.exit(1);
  }
  const cluster = host.cluster;
  const progress = (title?: string) =>
    new ComposeProgress(ctx.stdin.isTTY, cluster.rng.fork(`compose-${sub}-${cluster.now}`), title);
  const containerOf = (s: ComposeService) => host.containers.get(s.containerName);
  const flags = args.filter((a) => a.startsWith('-'));
  const names = args.filter((a) => !a.startsWith('-'));

  switch (sub) {
    case 'up':
      return composeUp(
        ctx,
        project,
        flags.includes('-d') || flags.includes('--detach'),
        progress(),
      );
    case 'down': {
      const p = progress();
      const existing = project.services.map(containerOf).filter((c): c is Container => !!c);
      const order = levels(project.services).reverse();
      const toStop = order.map((level) =>
        level.map(containerOf).filter((c): c is Container => !!c && c.running),
      );
      for (const level of order) {
        const cs = level.map(containerOf).filter((c): c is Container => !!c);
        for (const c of cs) p.event(`Container ${c.name}`, 'Stopping');
        for (const c of cs) {
          p.event(`Container ${c.name}`, 'Stopped');
          p.event(`Container ${c.name}`, 'Removing');
          p.event(`Container ${c.name}`, 'Removed');
        }
      }
      const networks = daemonState(host).networks;
      const network = `${project.name}_default`;
      if (networks.has(network)) {
        p.event(`Network ${network}`, 'Removing');
        p.event(`Network ${network}`, 'Removed');
        networks.delete(network);
      }
      return stopInOrder(ctx, toStop, () => {
        for (const c of existing) {
          daemonState(host).exits.delete(c.name);
          host.removeContainer(c.name);
        }
        ctx.stderr(p.render());
        ctx.exit(0);
      });
    }
    case 'ps': {
      const containers = project.services.map(containerOf).filter((c): c is Container => !!c);
      ctx.stdout(composePs(host, containers, flags.includes('-a') || flags.includes('--all')));
      return ctx.exit(0);
    }
    case 'stop':
    case 'kill':
    case 'start':
    case 'restart':
    case 'rm': {
      const services = selected(project, names);
      if (typeof services === 'string') {
        ctx.stderr(`${services}\n`);
        return ctx.exit(1);
      }
      return composeLifecycle(
        ctx,
        sub,
        services,
        progress(sub === 'stop' ? 'Stopping' : undefined),
      );
    }
    case 'exec': {
      const parsed = parseExecArgs(args, true);
      if ('error' in parsed) {
        ctx.stderr(
          parsed.error === 'arguments'
            ? `"docker compose exec" requires at least 2 arguments.\nSee 'docker compose exec --help'.\n\nUsage:  docker compose exec [OPTIONS] SERVICE COMMAND [ARGS...]\n\nExecute a command in a running container\n`
            : `${parsed.error}\n`,
        );
        return ctx.exit(1);
      }
      const service = project.services.find((s) => s.name === parsed.target);
      if (!service) {
        ctx.stderr(`service "${parsed.target}" is not running\n`);
        return ctx.exit(1);
      }
      const c = containerOf(service);
      if (!c?.running) {
        ctx.stderr(`service "${parsed.target}" is not running\n`);
        return ctx.exit(1);
      }
      return execInContainer(ctx, host, c, parsed.command, parsed.options);
    }
    case 'logs': {
      const services = selected(project, names);
      if (typeof services === 'string') {
        ctx.stderr(`${services}\n`);
        return ctx.exit(1);
      }
      const cs = services.map(containerOf).filter((c): c is Container => !!c);
      const width = Math.max(0, ...cs.map((c) => c.name.length));
      for (const c of cs)
        for (const line of containerLogs(host, c).split('\n').slice(0, -1))
          ctx.stdout(`${c.name.padEnd(width)}  | ${line}\n`);
      return ctx.exit(0);
    }
  }
}

function composeUp(
  ctx: ProcessContext,
  project: Project,
  detach: boolean,
  p: ComposeProgress,
): void {
  const host = ctx.host;
  const networks = daemonState(host).networks;
  const network = `${project.name}_default`;
  if (!networks.has(network)) {
    p.event(`Network ${network}`, 'Creating');
    p.event(`Network ${network}`, 'Created');
    networks.add(network);
  }
  const byLevel = levels(project.services);
  const fresh = byLevel.flat().filter((s) => !host.containers.has(s.containerName));
  for (const level of byLevel) {
    const created = level.filter((s) => fresh.includes(s));
    for (const s of created) p.event(`Container ${s.containerName}`, 'Creating');
    for (const s of created) p.event(`Container ${s.containerName}`, 'Created');
  }
  for (const level of byLevel) {
    const running = level.filter((s) => host.containers.get(s.containerName)?.running);
    for (const s of running) p.event(`Container ${s.containerName}`, 'Running');
    const starting = level.filter((s) => !running.includes(s));
    for (const s of starting) p.event(`Container ${s.containerName}`, 'Starting');
    for (const s of starting) p.event(`Container ${s.containerName}`, 'Started');
  }
  const yaml = ctx.fs.read(project.file)!;
  host.composeUp(yaml);
  for (const s of project.services) daemonState(host).exits.delete(s.containerName);
  const names = project.services.map((s) => s.containerName);
  ctx.clock.schedule(800, () => {
    ctx.stderr(p.render());
    if (detach) return ctx.exit(0);
    // Attached: Compose follows the containers' output until Ctrl-C stops them.
    ctx.stdout(`Attaching to ${[...names].sort().join(', ')}\n`);
    ctx.onSignal(() => {
      ctx.stdout('Gracefully stopping... (press Ctrl+C again to force)\n');
      const stop = new ComposeProgress(
        ctx.stdin.isTTY,
        host.cluster.rng.fork(`compose-stop-${host.cluster.now}`),
        'Stopping',
      );
      const cs = names
        .map((n) => host.containers.get(n))
        .filter((c): c is Container => !!c && c.running);
      for (const c of cs) stop.event(`Container ${c.name}`, 'Stopping');
      for (const c of cs) stop.event(`Container ${c.name}`, 'Stopped');
      stopContainers(ctx, cs, () => {
        ctx.stderr(stop.render());
        ctx.exit(130);
      });
    });
    if (ctx.headless) ctx.detach();
  });
}

function composeLifecycle(
  ctx: ProcessContext,
  sub: 'stop' | 'kill' | 'start' | 'restart' | 'rm',
  services: readonly ComposeService[],
  p: ComposeProgress,
): void {
  const host = ctx.host;
  const order = sub === 'start' ? levels(services) : levels(services).reverse();
  const containers = order.flat().map((s) => host.containers.get(s.containerName));
  const missing = order.flat().find((s) => !host.containers.has(s.containerName));
  if (missing && (sub === 'start' || sub === 'restart')) {
    ctx.stderr(`service "${missing.name}" has no container to start\n`);
    return ctx.exit(1);
  }
  const present = containers.filter((c): c is Container => !!c);
  const [working, finished] = {
    stop: ['Stopping', 'Stopped'],
    kill: ['Killing', 'Killed'],
    start: ['Starting', 'Started'],
    restart: ['Restarting', 'Restarted'],
    rm: ['Removing', 'Removed'],
  }[sub];
  const affected = present.filter((c) =>
    sub === 'start' ? !c.running : sub === 'restart' ? true : sub === 'rm' ? !c.running : c.running,
  );
  for (const c of affected) p.event(`Container ${c.name}`, working!);
  for (const c of affected) p.event(`Container ${c.name}`, finished!);
  const finish = () => {
    ctx.stderr(p.render());
    ctx.exit(0);
  };
  if (sub === 'start') {
    for (const c of affected) {
      daemonState(host).exits.delete(c.name);
      host.startContainer(c.name);
    }
    ctx.clock.schedule(300, finish);
    return;
  }
  if (sub === 'kill') {
    for (const c of affected) {
      host.stopContainer(c.name, true);
      recordExit(host, c.name, 137);
    }
    return finish();
  }
  if (sub === 'rm') {
    for (const c of affected) {
      daemonState(host).exits.delete(c.name);
      host.removeContainer(c.name);
    }
    return finish();
  }
  const running = new Set(affected.filter((c) => c.running));
  const byLevel = order.map((level) =>
    level
      .map((s) => host.containers.get(s.containerName))
      .filter((c): c is Container => !!c && running.has(c)),
  );
  stopInOrder(ctx, byLevel, () => {
    if (sub === 'restart')
      for (const c of affected) {
        daemonState(host).exits.delete(c.name);
        host.startContainer(c.name);
      }
    finish();
  });
}

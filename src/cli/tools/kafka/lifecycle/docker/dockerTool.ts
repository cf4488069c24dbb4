/**
 * `docker` as the notes use it against the compose cluster: `compose …` (compose.ts), `ps`,
 * `stop|start|restart|kill NAME…` (each prints the name it acted on), `rm`, `logs NAME` and
 * `exec [-it] NAME COMMAND…`. Containers and their brokers are the ClusterHost's; messages follow
 * the Docker CLI and daemon (`Error response from daemon: No such container: x`).
 */
import { dockerPull, dockerRun } from './pullRun';
import type { Container } from '../../../../host/clusterHost';
import type { ProcessContext, Tool } from '../../../../runtime/types';
import { composeCommand } from './compose';
import { containerId, daemonState, recordExit } from './containerState';
import { execInContainer, parseExecArgs } from './exec';
import { containerLogs } from './logs';
import { dockerPs, listedContainers } from './ps';
import { formatPs } from './psFormat';
import { stopContainers } from './stopWait';

/** A container by name, or by (a prefix of) its id, as the daemon finds it. */
function findContainer(ctx: ProcessContext, ref: string): Container | undefined {
  const host = ctx.host;
  return (
    host.containers.get(ref.replace(/^\//, '')) ??
    (ref.length >= 1 && /^[0-9a-f]+$/.test(ref)
      ? [...host.containers.values()].find((c) => containerId(host, c).startsWith(ref))
      : undefined)
  );
}

const noSuch = (ref: string) => `Error response from daemon: No such container: ${ref}\n`;

/** `docker stop|start|restart|kill|rm NAME…`: acts on each in turn, prints each name it handled. */
function eachContainer(ctx: ProcessContext, verb: string, refs: readonly string[]): void {
  const host = ctx.host;
  if (refs.length === 0) {
    ctx.stderr(
      `"docker ${verb}" requires at least 1 argument.\nSee 'docker ${verb} --help'.\n\nUsage:  docker ${verb} [OPTIONS] CONTAINER [CONTAINER...]\n`,
    );
    return ctx.exit(1);
  }
  let status = 0;
  const next = (i: number): void => {
    if (i >= refs.length) return ctx.exit(status);
    const ref = refs[i]!;
    const c = findContainer(ctx, ref);
    if (!c) {
      ctx.stderr(noSuch(ref));
      status = 1;
      return next(i + 1);
    }
    const printed = () => {
      ctx.stdout(`${ref}\n`);
      next(i + 1);
    };
    switch (verb) {
      case 'stop':
        return stopContainers(ctx, [c], printed);
      case 'kill':
        if (!c.running) {
          ctx.stderr(
            `Error response from daemon: cannot kill container: ${ref}: container ${containerId(host, c)} is not running\n`,
          );
          status = 1;
          return next(i + 1);
        }
        host.stopContainer(c.name, true);
        recordExit(host, c.name, 137);
        return printed();
      case 'start':
        daemonState(host).exits.delete(c.name);
        host.startContainer(c.name);
        ctx.clock.schedule(300, printed);
        return;
      case 'restart':
        return stopContainers(ctx, [c], () => {
          daemonState(host).exits.delete(c.name);
          host.startContainer(c.name);
          ctx.clock.schedule(300, printed);
        });
      case 'rm':
        if (c.running) {
          ctx.stderr(
            `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove\n`,
          );
          status = 1;
          return next(i + 1);
        }
        daemonState(host).exits.delete(c.name);
        host.removeContainer(c.name);
        return printed();
    }
  };
  next(0);
}

function exec(ctx: ProcessContext, args: readonly string[]): void {
  const parsed = parseExecArgs(args, false);
  if ('error' in parsed) {
    ctx.stderr(
      parsed.error === 'arguments'
        ? `"docker exec" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n`
        : `${parsed.error}\nSee 'docker exec --help'.\n`,
    );
    return ctx.exit(1);
  }
  const c = findContainer(ctx, parsed.target);
  if (!c) {
    ctx.stderr(noSuch(parsed.target));
    return ctx.exit(1);
  }
  if (!c.running) {
    ctx.stderr(
      `Error response from daemon: container ${containerId(ctx.host, c)} is not running\n`,
    );
    return ctx.exit(1);
  }
  execInContainer(ctx, ctx.host, c, parsed.command, parsed.options);
}

const usage = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  logs        Fetch the logs of a container
  start       Start one or more stopped containers
  stop        Stop one or more running containers
  restart     Restart one or more containers
  kill        Kill one or more running containers
  pull        Download an image from a registry
  run         Create and run a new container from an image
  rm          Remove one or more containers
  compose*    Docker Compose

Run 'docker COMMAND --help' for more information on a command.
`;

/** The value of `--name value`, `--name=value` or a short alias, if given (the last one wins). */
function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  let value: string | undefined;
  args.forEach((a, i) => {
    if (names.includes(a)) value = args[i + 1];
    else
      for (const n of names)
        if (n.startsWith('--') && a.startsWith(`${n}=`)) value = a.slice(n.length + 1);
  });
  return value;
}

/** `docker ps` / `docker container ls`: `-a`, `-q`, `--filter name=…` and `--format`. */
function ps(ctx: ProcessContext, args: readonly string[]): void {
  const options = {
    all: args.some((a) => /^-[a-z]*a/.test(a) || a === '--all'),
    quiet: args.some((a) => /^-[a-z]*q/.test(a) || a === '--quiet'),
    // `--filter name=kafka1` (-f): the names containing it.
    name: optionValue(args, ['-f', '--filter'])?.startsWith('name=')
      ? optionValue(args, ['-f', '--filter'])!.slice(5)
      : undefined,
  };
  const format = optionValue(args, ['--format']);
  if (format === undefined || options.quiet) {
    ctx.stdout(dockerPs(ctx.host, options));
    return ctx.exit(0);
  }
  const result = formatPs(ctx.host, listedContainers(ctx.host, options), format);
  if ('error' in result) {
    ctx.stderr(result.error);
    return ctx.exit(1);
  }
  ctx.stdout(result.out);
  ctx.exit(0);
}

function run(ctx: ProcessContext): void {
  const [sub, ...args] = ctx.argv.slice(1);
  const host = ctx.host;
  daemonState(host);
  switch (sub) {
    case undefined:
      ctx.stdout(usage);
      return ctx.exit(0);
    case 'compose':
      return composeCommand(ctx, args);
    case 'ps':
    case 'container':
      if (sub === 'container' && args[0] !== 'ls' && args[0] !== 'ps') break;
      return ps(ctx, args);
    case 'stop':
    case 'start':
    case 'restart':
    case 'kill':
    case 'rm':
      return eachContainer(
        ctx,
        sub,
        args.filter((a) => !a.startsWith('-')),
      );
    case 'exec':
      return exec(ctx, args);
    case 'pull':
      return dockerPull(ctx, args);
    case 'run':
      return dockerRun(ctx, args);
    case 'logs': {
      const ref = args.filter((a) => !a.startsWith('-'))[0];
      const c = ref === undefined ? undefined : findContainer(ctx, ref);
      if (!c) {
        ctx.stderr(
          ref === undefined ? '"docker logs" requires exactly 1 argument.\n' : noSuch(ref),
        );
        return ctx.exit(1);
      }
      ctx.stdout(containerLogs(host, c));
      return ctx.exit(0);
    }
    case '--version':
    case 'version':
      ctx.stdout('Docker version 27.3.1, build ce12230\n');
      return ctx.exit(0);
  }
  ctx.stderr(`docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`);
  ctx.exit(1);
}

export const dockerTool: Tool = {
  name: 'docker',
  summary: 'Manage the containers of the compose cluster (ps, stop, start, exec, compose …).',
  run,
};

/** `docker-compose` (Compose v1's name, today a link to Compose v2). */
export const dockerComposeTool: Tool = {
  name: 'docker-compose',
  summary: 'Docker Compose (the standalone command name).',
  run: (ctx) => composeCommand(ctx, ctx.argv.slice(1)),
};

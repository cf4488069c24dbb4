/**
 * What `bin/zookeeper-server-start.sh` and `bin/kafka-server-start.sh` do before Java starts: the
 * usage check, `-daemon` (output to `logs/<name>.out`, the script returns at once), and the
 * properties file the server reads (Kafka 3.9 `bin/*-server-start.sh`, `kafka-run-class.sh`).
 */
import { kafkaHome } from '../../../host/kafkaDistribution';
import { VirtualFs } from '../../../host/virtualFs';
import type { ProcessContext } from '../../../runtime/types';

export interface ServerScriptArgs {
  daemon: boolean;
  /** The properties file as typed (`./config/server.properties`). */
  configArg: string;
  /** Its absolute path in the virtual filesystem. */
  configPath: string;
  /** Arguments after the properties file (`--override k=v`). */
  rest: string[];
}

/** `$0` as the script sees it: the path typed, or where PATH found it. */
export function scriptPath(ctx: ProcessContext): string {
  const typed = ctx.argv[0]!;
  if (typed.includes('/') || typed.includes('\\')) return typed;
  return `${ctx.env.get('KAFKA_HOME') ?? kafkaHome}/bin/${typed}`;
}

/**
 * Reads `[-daemon] FILE …`; without arguments prints the script's usage line to stdout and exits 1
 * (`echo "USAGE: $0 [-daemon] …"; exit 1`). The `.bat` scripts have no `-daemon`.
 */
export function parseStartArgs(
  ctx: ProcessContext,
  usage: { sh: string; bat: string },
): ServerScriptArgs | undefined {
  const args = ctx.argv.slice(1);
  const path = scriptPath(ctx);
  if (args.length === 0) {
    ctx.stdout(`USAGE: ${path} ${/\.(bat|cmd)$/i.test(path) ? usage.bat : usage.sh}\n`);
    ctx.exit(1);
    return undefined;
  }
  const daemon = args[0] === '-daemon';
  if (daemon) args.shift();
  const configArg = args.shift() ?? '';
  return {
    daemon,
    configArg,
    configPath: VirtualFs.resolve(ctx.cwd, configArg),
    rest: args,
  };
}

/** Where `-daemon` sends the console output: `$LOG_DIR/<daemon name>.out` (kafka-run-class.sh). */
export function daemonOutputSink(
  ctx: ProcessContext,
  daemonName: 'zookeeper' | 'kafkaServer',
): (text: string) => void {
  const home = ctx.env.get('KAFKA_HOME') ?? kafkaHome;
  const path = `${ctx.env.get('LOG_DIR') ?? `${home}/logs`}/${daemonName}.out`;
  ctx.fs.write(path, '');
  return (text) => ctx.fs.append(path, text);
}

/** `--override property=value …` (Kafka.getPropsFromArgs); later ones win. */
export function parseOverrides(rest: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value =
      arg === '--override' ? rest[++i] : arg.startsWith('--override=') ? arg.slice(11) : undefined;
    if (value === undefined) continue;
    const eq = value.indexOf('=');
    if (eq > 0) out[value.slice(0, eq)] = value.slice(eq + 1);
  }
  return out;
}

/**
 * `docker ps --format`: the Go-template subset people type — `{{.Names}}`, `{{.Status}}`, … and
 * `table …` for a header row and aligned columns — as docker/cli's `formatter.Context` does it:
 * the `table` prefix removed, spaces trimmed, `\t` and `\n` written as escapes turned into a tab
 * and a newline, then the template run once per container (docker/cli
 * cli/command/formatter/container.go, `ContainerContext`).
 */
import type { ClusterHost, Container } from '../../../../host/clusterHost';
import { containerId, daemonState } from './containerState';
import { humanDuration } from './humanDuration';
import { imageInfo } from './images';
import { displayPorts, containerStatus } from './ps';
import { ellipsis, formatTable } from './table';

interface Field {
  header: string;
  value(host: ClusterHost, c: Container): string;
}

/** `ContainerContext`'s fields with their table headers. */
const fields: Record<string, Field> = {
  ID: { header: 'CONTAINER ID', value: (host, c) => containerId(host, c).slice(0, 12) },
  Image: { header: 'IMAGE', value: (_, c) => c.service.image },
  Command: {
    header: 'COMMAND',
    value: (_, c) => JSON.stringify(ellipsis(imageInfo(c.service.image).command, 20)),
  },
  CreatedAt: {
    header: 'CREATED AT',
    value: (host, c) => goTime(host.cluster.wallClockMs - host.cluster.now + c.createdAt),
  },
  RunningFor: {
    header: 'CREATED',
    value: (host, c) => `${humanDuration(host.cluster.now - c.createdAt)} ago`,
  },
  Ports: { header: 'PORTS', value: (_, c) => displayPorts(c) },
  State: {
    header: 'STATE',
    value: (host, c) =>
      c.running ? 'running' : daemonState(host).exits.has(c.name) ? 'exited' : 'created',
  },
  Status: { header: 'STATUS', value: (host, c) => containerStatus(host, c) },
  Names: { header: 'NAMES', value: (_, c) => c.name },
};

/** Go's `time.Time.String()` for UTC: `2025-01-01 00:00:05 +0000 UTC`. */
function goTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

type Piece = { text: string } | { field: string; json: boolean };

/** Parsed template, or the error text `docker` prints (exit status 1). */
type Parsed = { pieces: Piece[]; table: boolean } | { error: string };

function parse(format: string): Parsed {
  const trimmed = format.trim();
  const table = trimmed === 'table' || trimmed.startsWith('table ');
  const final = (table ? trimmed.slice(5) : format)
    .trim()
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
  const pieces: Piece[] = [];
  let at = 0;
  while (at < final.length) {
    const open = final.indexOf('{{', at);
    if (open < 0) {
      pieces.push({ text: final.slice(at) });
      break;
    }
    if (open > at) pieces.push({ text: final.slice(at, open) });
    const close = final.indexOf('}}', open + 2);
    const line = final.slice(0, open).split('\n').length;
    if (close < 0) return { error: `template: :${line}: unclosed action\n` };
    const action = final.slice(open + 2, close).trim();
    const m = /^(json\s+)?\.([A-Za-z_]\w*)$/.exec(action);
    if (!m) {
      if (action === 'json .')
        return {
          error:
            'docker ps --format: this simulation supports {{.Field}} and {{json .Field}} actions only\n',
        };
      return { error: `template: :${line}: function "${action.split(/\s/)[0]}" not defined\n` };
    }
    const name = m[2]!;
    if (!fields[name]) {
      const column =
        open + 2 + final.slice(open + 2).search(/\./) - (final.lastIndexOf('\n', open) + 1);
      return {
        error: `template: :${line}:${column}: executing "" at <.${name}>: can't evaluate field ${name} in type *formatter.ContainerContext\n`,
      };
    }
    pieces.push({ field: name, json: m[1] !== undefined });
    at = close + 2;
  }
  return { pieces, table };
}

/**
 * The listing for `--format <format>`, or `{ error }` with docker's template error. A bare
 * `table` is the default table.
 */
export function formatPs(
  host: ClusterHost,
  containers: readonly Container[],
  format: string,
): { out: string } | { error: string } {
  const parsed = parse(format);
  if ('error' in parsed) return parsed;
  const { pieces, table } = parsed;
  const render = (value: (field: string) => string) =>
    pieces
      .map((p) => ('text' in p ? p.text : p.json ? JSON.stringify(value(p.field)) : value(p.field)))
      .join('');
  if (!table)
    return { out: containers.map((c) => `${render((f) => fields[f]!.value(host, c))}\n`).join('') };
  if (pieces.length === 0)
    pieces.push(
      ...['ID', 'Image', 'Command', 'RunningFor', 'Status', 'Ports', 'Names'].flatMap(
        (field, i): Piece[] =>
          i === 0 ? [{ field, json: false }] : [{ text: '\t' }, { field, json: false }],
      ),
    );
  const lines = [
    render((f) => fields[f]!.header),
    ...containers.map((c) => render((f) => fields[f]!.value(host, c))),
  ];
  return { out: formatTable(lines.map((l) => l.split('\t'))) };
}

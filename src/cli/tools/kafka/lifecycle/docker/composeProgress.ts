/**
 * Docker Compose v2's progress output on stderr (docker/compose pkg/progress). Not on a terminal it
 * is the plain writer: one `fmt.Fprintln("", ID, Text, StatusText)` per event, e.g.
 * ` Container kafka1  Started`. On a terminal the TTY writer redraws a block; this prints its final
 * frame: `[+] Running 5/5` and ` ✔ Container kafka1     Started   0.4s` lines (80 columns).
 */
import type { Prng } from '../../../../../sim/random/prng';

export interface ProgressEvent {
  /** `Container kafka1`, `Network root_default`. */
  id: string;
  /** `Creating`, `Created`, `Started`, `Running`, … */
  status: string;
}

/** Event texts that mean the task is done (the others are "working"). */
const done = new Set([
  'Created',
  'Started',
  'Running',
  'Stopped',
  'Removed',
  'Killed',
  'Restarted',
  'Healthy',
  'Exited',
]);

export class ComposeProgress {
  private readonly events: ProgressEvent[] = [];

  constructor(
    private readonly tty: boolean,
    private readonly rng: Prng,
    private readonly title = 'Running',
  ) {}

  event(id: string, status: string): void {
    this.events.push({ id, status });
  }

  /** The text Compose leaves on stderr once the operation is over. */
  render(): string {
    if (!this.tty) return this.events.map((e) => ` ${e.id}  ${e.status}\n`).join('');
    // TTY: one line per id with its last status, in order of first appearance.
    const last = new Map<string, string>();
    for (const e of this.events) last.set(e.id, e.status);
    if (last.size === 0) return '';
    const ids = [...last.keys()];
    const statusPadding = Math.max(...ids.map((id) => id.length + 1));
    const width = 80;
    const finished = [...last.values()].filter((s) => done.has(s)).length;
    const lines = ids.map((id) => {
      const text = ` ✔ ${id} ${' '.repeat(statusPadding - id.length - 1)} ${last.get(id)}`;
      // align(text, "0.4s\n", width): the timer's newline counts in the padding.
      const timer = `${(0.1 + this.rng.int(12) / 10).toFixed(1)}s\n`;
      return `${text.padEnd(width - timer.length - 1)} ${timer}`;
    });
    return `[+] ${this.title} ${finished}/${ids.length}\n${lines.join('')}`;
  }
}

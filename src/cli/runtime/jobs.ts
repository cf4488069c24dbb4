/**
 * Background jobs (`cmd &`, bash manual §7 Job Control): what `jobs` lists and the `[1]+  Done`
 * notices an interactive shell prints before its prompt.
 */
import type { AndOrList } from '../shell/parse/index';
import type { Process } from './process';

/** A background job (`cmd &`). */
export interface Job {
  id: number;
  pid: number;
  command: string;
  state: 'Running' | 'Done' | 'Terminated' | 'Killed' | 'Interrupt' | `Exit ${number}`;
  processes: Process[];
  notified: boolean;
}

/** The job's command as `jobs` shows it: `sleep 5 && echo done &`. */
export function jobCommand(andOr: AndOrList): string {
  const items = andOr.items.map(
    (it) => it.source + (it.connector && it.connector !== '&' ? ` ${it.connector}` : ''),
  );
  return `${items.join(' ')} &`;
}

/**
 * The state of a job that ended with `status`: the signal that killed one of its processes, or
 * its own status above 128 (a command killed while it waited for a command substitution had no
 * process of its own).
 */
export function finishedState(job: Job, status: number): Job['state'] {
  const killedBy =
    job.processes.find((p) => p.status > 128)?.status ?? (status > 128 ? status : undefined);
  if (killedBy === 143) return 'Terminated';
  if (killedBy === 137) return 'Killed';
  if (killedBy === 130) return 'Interrupt';
  return status === 0 ? 'Done' : `Exit ${status}`;
}

/** One line of `jobs`: `[1]+  Running                 sleep 100 &` (`+` marks the current job). */
export function formatJob(job: Job, current: boolean): string {
  const mark = current ? '+' : '-';
  const state = job.state.padEnd(24);
  return `[${job.id}]${mark}  ${state}${job.command}`;
}

/** Helpers for running lists (bash manual §3.2.4) and redirections (§3.6). */
import type { ListItem, Pipeline, RedirectionOperator } from './ast';

/**
 * Pipelines joined by `&&`/`||`: the unit `;` and `&` separate. With `background`, the whole list
 * runs as one job (`a && b &`).
 */
export interface AndOrList {
  pipelines: Pipeline[];
  /** `operators[i]` joins `pipelines[i]` and `pipelines[i + 1]`. */
  operators: ('&&' | '||')[];
  background: boolean;
  items: ListItem[];
  line: number;
}

/** Regroups a command's items into and-or lists, in order. */
export function andOrLists(items: ListItem[]): AndOrList[] {
  const lists: AndOrList[] = [];
  let current: AndOrList | null = null;
  for (const item of items) {
    current ??= { pipelines: [], operators: [], background: false, items: [], line: item.line };
    current.pipelines.push(item.pipeline);
    current.items.push(item);
    if (item.connector === '&&' || item.connector === '||') {
      current.operators.push(item.connector);
      continue;
    }
    current.background = item.connector === '&';
    lists.push(current);
    current = null;
  }
  if (current !== null) lists.push(current);
  return lists;
}

/**
 * The descriptor a redirection applies to when none is written: 0 for input operators, 1 for
 * output ones. `&>` and `&>>` redirect both 1 and 2.
 */
export function defaultFd(op: RedirectionOperator): 0 | 1 {
  return op.startsWith('<') ? 0 : 1;
}

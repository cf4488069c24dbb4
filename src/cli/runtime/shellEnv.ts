/** Shell variables with an exported subset, plus the special parameters bash defines. */
import type { ShellEnv } from './types';

/** The variables a login shell of the workbench's machine starts with (all exported). */
export function loginVariables(kafkaHome: string): Record<string, string> {
  return {
    HOME: '/root',
    KAFKA_HOME: kafkaHome,
    PATH: `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:${kafkaHome}/bin`,
    PWD: kafkaHome,
    SHELL: '/bin/bash',
    USER: 'root',
  };
}

export class Variables implements ShellEnv {
  private readonly values = new Map<string, string>();
  private readonly exportedNames = new Set<string>();

  constructor(initial: Record<string, string>) {
    for (const [k, v] of Object.entries(initial)) this.set(k, v, true);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  set(name: string, value: string, exported = false): void {
    this.values.set(name, value);
    if (exported) this.exportedNames.add(name);
  }

  unset(name: string): void {
    this.values.delete(name);
    this.exportedNames.delete(name);
  }

  markExported(name: string): void {
    this.exportedNames.add(name);
  }

  exported(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of [...this.exportedNames].sort()) {
      const v = this.values.get(n);
      if (v !== undefined) out[n] = v;
    }
    return out;
  }

  /** A copy with every variable and export attribute, for a subshell (bash §3.7.3). */
  copy(): Variables {
    const copy = new Variables({});
    for (const [k, v] of this.values) copy.set(k, v, this.exportedNames.has(k));
    for (const n of this.exportedNames) copy.markExported(n);
    return copy;
  }

  /** A child's environment: these variables with `extra` (command-prefix assignments) on top. */
  withOverrides(extra: Record<string, string>): ShellEnv {
    const child = new Variables(this.exported());
    for (const [k, v] of Object.entries(extra)) child.set(k, v, true);
    return child;
  }
}

/**
 * A small in-memory filesystem the shell's commands share: Kafka's `config/` files, JSON files for
 * `kafka-reassign-partitions`, and whatever `echo … > file` writes. Paths are POSIX; directories
 * exist implicitly when a file lies below them, or explicitly after `mkdir`.
 */
export class VirtualFs {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);

  constructor(initial: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(initial)) this.write(path, text);
  }

  /** Resolves `path` against `cwd` (and `~` against `home`) into a normalised absolute path. */
  static resolve(cwd: string, path: string, home = '/root'): string {
    let p = path.replace(/\\/g, '/');
    if (p === '~' || p.startsWith('~/')) p = home + p.slice(1);
    const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
    const out: string[] = [];
    for (const part of parts) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return `/${out.join('/')}`;
  }

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  exists(path: string): boolean {
    return this.files.has(path) || this.isDir(path);
  }

  isDir(path: string): boolean {
    if (this.dirs.has(path)) return true;
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const f of this.files.keys()) if (f.startsWith(prefix)) return true;
    return false;
  }

  write(path: string, text: string): void {
    this.files.set(path, text);
    let dir = path.slice(0, path.lastIndexOf('/'));
    while (dir) {
      this.dirs.add(dir);
      dir = dir.slice(0, dir.lastIndexOf('/'));
    }
  }

  append(path: string, text: string): void {
    this.write(path, (this.files.get(path) ?? '') + text);
  }

  mkdir(path: string): void {
    this.dirs.add(path);
  }

  remove(path: string): boolean {
    return this.files.delete(path);
  }

  /** Names directly inside directory `path`, sorted, directories with no trailing slash. */
  list(path: string): string[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (!p.startsWith(prefix) || p === path) continue;
      const rest = p.slice(prefix.length);
      if (rest) names.add(rest.split('/')[0]!);
    }
    return [...names].sort();
  }
}

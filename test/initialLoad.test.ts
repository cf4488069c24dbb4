/**
 * What the first render loads (issue: initial JS ≤ 250 KB gzip, measured by `npm run bench:ui`):
 * the page's and the simulation worker's static import graphs. The terminals (xterm, the Kafka
 * tools, the shell), the editors (Monaco) and the message browser are dynamic imports, loaded
 * after the diagram has shown the first snapshot or when their tab opens; a static import of one
 * of them would pull it into the first render.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** Value imports and re-exports (not `import type`, not `import()`) of a TypeScript module. */
function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) specifiers.push(m[1]!);
  return specifiers;
}

function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/** Every file and package reached from `entry` through static imports. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.tsx?$/.test(file)) return;
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, specifier);
      if (target) visit(target);
      else if (!specifier.startsWith('.')) packages.add(specifier);
    }
  };
  visit(resolve(root, entry));
  const relative = new Set([...files].map((f) => f.slice(root.length + 1)));
  return { files: relative, packages };
}

describe('the first render', () => {
  it('finds value imports and skips type-only and dynamic ones', () => {
    expect(
      staticImports(
        "import { a } from './a';\nimport type { B } from './b';\nimport './c.css';\n" +
          "export { d } from './d';\nconst e = () => import('./e');\nimport {\n  f,\n} from 'f';\n",
      ),
    ).toEqual(['./a', './c.css', './d', 'f']);
  });

  it('of the page needs no xterm, Monaco, terminal, editor or message-browser code', () => {
    const { files, packages } = staticGraph('src/ui/main.tsx');
    expect(files).toContain('src/ui/topology/TopologyDiagram.tsx');
    expect(packages).toContain('@xyflow/react');
    expect([...packages].filter((p) => /xterm|monaco/.test(p))).toEqual([]);
    expect(
      [...files].filter((f) =>
        /^src\/ui\/(terminal\/(TerminalPanel|TerminalPane)|editors\/(EditorPanel|monaco)|tables\/MessageBrowser)/.test(
          f,
        ),
      ),
    ).toEqual([]);
  });

  it('of the simulation worker needs the engine but not the Kafka tools or the shell', () => {
    const { files } = staticGraph('src/worker/workbench.worker.ts');
    expect(files).toContain('src/sim/index.ts');
    expect(files).toContain('src/cli/host/clusterHost.ts');
    expect(
      [...files].filter((f) =>
        /^src\/(cli\/(tools|shell|runtime\/session)|worker\/(shellKit|terminalTab|completion))/.test(
          f,
        ),
      ),
    ).toEqual([]);
  });
});

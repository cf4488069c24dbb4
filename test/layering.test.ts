/**
 * The layering DESIGN §2 demands, enforced by ESLint: src/sim and src/cli stay pure and
 * deterministic, and dependencies point one way (sim ← cli ← worker ← machines ← ui).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint-enforced layering', () => {
  it.each([
    [
      'src/sim/x.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
      'no-restricted-imports',
    ],
    [
      'src/sim/x.ts',
      "import { createMachine } from 'xstate';\nexport const x = createMachine;\n",
      'no-restricted-imports',
    ],
    [
      'src/cli/x.ts',
      "import * as Comlink from 'comlink';\nexport const x = Comlink;\n",
      'no-restricted-imports',
    ],
    ['src/sim/x.ts', 'export const x = Math.random();\n', 'no-restricted-properties'],
    ['src/cli/x.ts', 'export const x = Date.now();\n', 'no-restricted-properties'],
    ['src/sim/x.ts', 'export const x = new Date();\n', 'no-restricted-syntax'],
    ['src/sim/x.ts', 'export const x = window.location;\n', 'no-restricted-globals'],
    ['src/sim/x.ts', 'export const x = () => setTimeout(() => {}, 1);\n', 'no-restricted-globals'],
    [
      'src/sim/x.ts',
      "import { y } from '../cli/y';\nexport const x = y;\n",
      'no-restricted-imports',
    ],
    [
      'src/cli/x.ts',
      "import { y } from '../ui/y';\nexport const x = y;\n",
      'no-restricted-imports',
    ],
    [
      'src/worker/x.ts',
      "import { y } from '../machines/y';\nexport const x = y;\n",
      'no-restricted-imports',
    ],
    [
      'src/machines/x.ts',
      "import { y } from '../ui/y';\nexport const x = y;\n",
      'no-restricted-imports',
    ],
  ])('%s: %j is rejected by %s', async (file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it.each([
    ['src/ui/X.tsx', "import { useState } from 'react';\nexport const x = useState;\n"],
    [
      'src/worker/x.ts',
      "import * as Comlink from 'comlink';\nimport { createCluster } from '../sim/index';\nexport const x = [Comlink, createCluster];\n",
    ],
    [
      'src/cli/x.ts',
      "import { createCluster } from '../sim/index';\nexport const x = createCluster;\n",
    ],
  ])('%s may import what its layer allows', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});

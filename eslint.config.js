// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Modules the pure layers (src/sim, src/cli) must never import: DESIGN §2. */
const uiAndRuntimeModules = [
  { name: 'react', message: 'src/sim and src/cli are pure: no React.' },
  { name: 'react-dom', message: 'src/sim and src/cli are pure: no React.' },
  { name: 'xstate', message: 'src/sim and src/cli are pure: no xstate.' },
  { name: 'comlink', message: 'src/sim and src/cli are pure: no comlink.' },
  { name: '@xyflow/react', message: 'src/sim and src/cli are pure: no UI.' },
  { name: '@xterm/xterm', message: 'src/sim and src/cli are pure: no UI.' },
  { name: 'monaco-editor', message: 'src/sim and src/cli are pure: no UI.' },
];

/** Layer order: sim ← cli ← worker ← machines ← ui. Each entry lists the layers a folder may not import. */
const layerBans = {
  sim: ['cli', 'worker', 'machines', 'ui'],
  cli: ['worker', 'machines', 'ui'],
  worker: ['machines', 'ui'],
  machines: ['ui'],
};

const bannedDomGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'self',
  'postMessage',
  'fetch',
  'setTimeout',
  'setInterval',
  'performance',
].map((name) => ({
  name,
  message: 'src/sim and src/cli are pure and deterministic: no DOM or wall-clock globals.',
}));

const nondeterminism = [
  { object: 'Math', property: 'random', message: 'Use the seeded PRNG (src/sim/random) instead.' },
  { object: 'Date', property: 'now', message: 'Use virtual time (cluster clock) instead.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/ui/**', 'src/machines/**', 'src/worker/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  ...Object.entries(layerBans).map(([layer, banned]) => ({
    files: [`src/${layer}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: layer === 'sim' || layer === 'cli' ? uiAndRuntimeModules : [],
          patterns: banned.map((b) => ({
            group: [`**/${b}/*`, `**/${b}`],
            message: `Dependencies point one way (sim ← cli ← worker ← machines ← ui): src/${layer} may not import src/${b}.`,
          })),
        },
      ],
    },
  })),
  {
    files: ['src/sim/**', 'src/cli/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...bannedDomGlobals],
      'no-restricted-properties': ['error', ...nondeterminism],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use virtual time, not the wall clock.',
        },
      ],
    },
  },
);

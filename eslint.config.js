// Flat config. Not type-aware on purpose: lint stays fast, `npm run typecheck` does the types.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/*
 * Doors, not holes (issue 15, ../shared/STYLE.md): another folder enters these modules through
 * their index.ts only (src/scenario also has fault-targets.ts, its zod-free list for light
 * readers such as src/embed, light.ts, its zod-free door for the embed's first frame, and facts.ts, its zod-free facts for the
 * embed's live stage and the editor's stores (issue 16: the page carries no parser the worker runs); src/engine also has kind-facts.ts,
 * plain data, so the layout the embed's first frame draws with does not carry the engine; src/embed also has protocol.ts, import-free, for the <faultline-embed>
 * element's 2 kB script). Nothing below src/ui imports it; outside workers/, worker types come
 * from workers/protocol.ts only. Tests and scripts may reach inside (they test and measure parts).
 * Patterns are written per folder depth, so "../compare/" from src/ui/layout (src/ui/compare) is
 * told apart from "../compare/" in src/cli (src/compare).
 */
const DOORS = ['engine', 'scenario', 'compare', 'embed'];
const up = (levels) => `^(\\.\\./){${levels}}`;
function boundaries(levels, { from, ui = false }) {
  const doors = DOORS.filter((d) => d !== from).join('|');
  const patterns = [
    { regex: `${up(levels)}(src/)?(${doors})/(?!index\\.ts$|fault-targets\\.ts$|light\\.ts$|facts\\.ts$|protocol\\.ts$|kind-facts\\.ts$).+`, message: 'Import this module through its index.ts (eslint.config.js: doors, not holes).' },
    { regex: `${up(levels + 1)}workers/(?!protocol\\.ts$).+`, message: 'Outside workers/, worker types come from workers/protocol.ts only (workers start by URL).' },
  ];
  if (!ui) patterns.push({ regex: `${up(levels)}ui(/|$)`, message: 'src/ui sits on top: nothing below it imports it.' });
  return ['error', { patterns }];
}
/** src/<folder>/… files at each depth, with the number of "../" that reaches src/. */
const boundaryBlocks = [1, 2, 3, 4].flatMap((levels) => {
  const glob = `src/${'*/'.repeat(levels)}*.{ts,tsx}`;
  return [
    { files: [glob], ignores: ['src/engine/**', 'src/ui/**', ...DOORS.map((d) => `src/${d}/**`)], rules: { 'no-restricted-imports': boundaries(levels, {}) } },
    ...DOORS.filter((d) => d !== 'engine').map((door) => ({ files: [glob.replace('src/*/', `src/${door}/`)], rules: { 'no-restricted-imports': boundaries(levels, { from: door }) } })),
    { files: [glob.replace('src/*/', 'src/ui/')], rules: { 'no-restricted-imports': boundaries(levels, { ui: true }) } },
  ];
});
// workers/*.ts reach src/ with one "../src/"
const workerBlock = {
  files: ['workers/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [
      { regex: `^\\.\\./src/(${DOORS.join('|')})/(?!index\\.ts$|fault-targets\\.ts$|protocol\\.ts$|kind-facts\\.ts$).+`, message: 'Import this module through its index.ts (eslint.config.js: doors, not holes).' },
      { regex: '^\\.\\./src/ui(/|$)', message: 'src/ui sits on top: nothing below it imports it.' },
    ] }],
  },
};

const hostFree = 'src/engine is host-free (DESIGN.md §1): no React, @xyflow, zustand, comlink, UI, stores or worker.';

export default defineConfig(
  // .tmp* is scratch space (see .gitignore), never linted.
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp*', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['scripts/**', 'bin/**', 'tests/**', 'src/cli/**', '*.config.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // A property test replays: a failure prints its seed, and the next run sees the same cases.
    files: ['tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.object.name='fc'][callee.property.name='assert'][arguments.length<2]",
          "CallExpression[callee.object.name='fc'][callee.property.name='assert'] > ObjectExpression:not(:has(Property[key.name='seed']))",
        ].map((selector) => ({ selector, message: 'fc.assert needs a fixed { seed } (issue 15): a failure must be reproducible.' })),
      ],
    },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'comlink'].map((name) => ({ name, message: hostFree })),
          patterns: [
            {
              group: ['react/*', 'react-dom/*', 'zustand/*', '@xyflow/*', 'comlink/*'],
              message: hostFree,
            },
            {
              group: ['**/ui', '**/ui/**', '**/store', '**/store/**', '**/workers', '**/workers/**'],
              message: hostFree,
            },
          ],
        },
      ],
    },
  },
  ...boundaryBlocks,
  workerBlock,
  {
    // One import style: a relative import names its file with the extension (.ts, .tsx), as
    // Node's own TypeScript support and the browser build both read it.
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/^\\.{1,2}\\//]:not([source.value=/\\.(tsx?|css|json)$/])",
          message: 'Write the extension of a relative import (./file.ts): one import style (issue 15).',
        },
        {
          selector: "ExportNamedDeclaration[source.value=/^\\.{1,2}\\//]:not([source.value=/\\.(tsx?|css|json)$/]), ExportAllDeclaration[source.value=/^\\.{1,2}\\//]:not([source.value=/\\.(tsx?|css|json)$/])",
          message: 'Write the extension of a relative import (./file.ts): one import style (issue 15).',
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);

// Flat config. Not type-aware on purpose: lint stays fast, `npm run typecheck` does the types.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
);

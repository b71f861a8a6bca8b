// ESLint flat config for the whole workspace (`npm run lint` = `eslint .` at the root).
// Deliberately not type-checked (typescript-eslint `recommended`, not `recommendedTypeChecked`):
// building a TypeScript program for three workspaces would multiply the run time, and `npm run
// typecheck` already runs tsc. Per-workspace blocks below add what only that workspace needs.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, dependencies, runtime data and test/bench artefacts are never linted.
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      '**/coverage/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'bench-results/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // The codebase marks intentionally unused bindings with a leading underscore (Nest param
      // decorators' `_data`, Fastify handlers' `_request`) and drops keys with rest destructuring
      // (`const { $schema: _ignored, ...rest }`); both are intended, not dead code.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // Server, migrations, contracts, e2e and root tooling run on Node.
  {
    files: ['server/**', 'migrations/**', 'contracts/**', 'e2e/**', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['server/**/*.spec.ts', 'server/test/**'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },

  // CommonJS files: jest configs of the CJS server workspace and the jsdom environment shim.
  // `require` is the only way to load modules there, so no-require-imports does not apply.
  {
    files: ['**/*.cjs', 'server/jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // contracts/ is the wire format shared by server and client: it may import only zod (and its
  // own files), so it never drags Node, Nest or React into either side.
  {
    files: ['contracts/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/|$))(?!\\.{1,2}/)',
              message: 'contracts/ may import only zod and its own files (the package is shared by server and client).',
            },
          ],
        },
      ],
    },
  },

  // Client: browser code with the rules of hooks (and the React Compiler checks of plugin v7).
  {
    files: ['client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['client/test/**', 'client/jest.config.js', 'client/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.jest } },
  },
);

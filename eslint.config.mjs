// ESLint flat config for the whole workspace (`npm run lint` = `eslint .` at the root).
// Deliberately not type-checked (typescript-eslint `recommended`, not `recommendedTypeChecked`):
// building a TypeScript program for three workspaces would multiply the run time, and `npm run
// typecheck` already runs tsc. Per-workspace blocks below add what only that workspace needs.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The client's features (client/src/features/<name>), each one a border: see the import rules below.
const clientFeatures = readdirSync(new URL('./client/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const TS_AND_JS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const featureDir = (name) => `client/src/features/${name}`;
const THROUGH_INDEX = 'A feature is used only through its public index.ts (`@/features/<name>`), never its internals.';

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

  // Import rules (eslint-plugin-import-x). Modules are resolved as the compilers do: TypeScript
  // extensions, and in the client the paths of client/tsconfig.json (`@/…`, `@app/contracts`).
  {
    files: ['client/src/**/*.{ts,tsx}', 'server/src/**/*.ts', 'contracts/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': TS_AND_JS,
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: [...TS_AND_JS, '.json', '.node'] })],
    },
    rules: {
      // A cycle makes the order of module evaluation matter and hides which part depends on which.
      // Type-only imports are not followed (they vanish at compile time); external packages neither.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: [...TS_AND_JS, '.json', '.node'],
          tsconfig: { configFile: fileURLToPath(new URL('./client/tsconfig.json', import.meta.url)) },
        }),
      ],
    },
  },
  // The client's borders (as bulletproof-react's import/no-restricted-paths): shared code
  // (components/, lib/, config/, locales/) depends on no feature and not on the app; a feature
  // depends on no app module and on another feature only through its index.ts; the app (routes,
  // layout) composes features through their index.ts too.
  {
    files: ['client/src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            ...clientFeatures.map((feature) => ({
              target: featureDir(feature),
              from: clientFeatures.filter((other) => other !== feature).map(featureDir),
              except: ['./index.ts'],
              message: THROUGH_INDEX,
            })),
            {
              target: 'client/src/app',
              from: clientFeatures.map(featureDir),
              except: ['./index.ts'],
              message: THROUGH_INDEX,
            },
            {
              target: 'client/src/features',
              from: ['client/src/app', 'client/src/main.tsx'],
              message: 'Features do not depend on the app: the app composes them.',
            },
            {
              target: ['client/src/components', 'client/src/lib', 'client/src/config', 'client/src/locales'],
              from: ['client/src/features', 'client/src/app', 'client/src/main.tsx'],
              message: 'Shared code (components/, lib/, config/, locales/) depends on no feature and not on the app.',
            },
          ],
        },
      ],
    },
  },
);

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Vendor groups keep long-lived libraries that every page needs in their own cacheable chunks.
// Mantine is left to the automatic splitting on purpose: grouping it would pull the components
// only lazy routes use (tables, modals, selects) into the first download.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'data', test: /node_modules[\\/](react-router|@tanstack|cookie|set-cookie-parser|zod)[\\/]/, priority: 20 },
  { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|use-sync-external-store)[\\/]/, priority: 20 },
  // The shared schemas: the shell parses with some of them and nearly every page with the rest;
  // one cacheable chunk instead of a share of them in every page's download. The rule tables only
  // a few pages read (dashboard tasks, workflow guards, statistics, administration) stay with them.
  {
    name: 'contracts',
    test: /[\\/]contracts[\\/]src[\\/](?!(tasks|workflow-machine|access-matrix|stats|admin|audit|health)\.ts$)/,
    priority: 20,
  },
];

const declarationsOnly = /[\\/](contracts[\\/]src|client[\\/]src[\\/](features|components|config))[\\/].*\.tsx?$/;

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@app/contracts': fromHere('../contracts/src/index.ts'),
      '@/': fromHere('./src/'),
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // The contracts and the features are declarations only (schemas, constants, components,
      // hooks): importing one thing from a feature's index or from @app/contracts must not carry
      // the rest of it into the page. Stylesheets keep their side effects.
      treeshake: {
        moduleSideEffects: (id) => (declarationsOnly.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});

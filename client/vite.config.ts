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
];

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
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});

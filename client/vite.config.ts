import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Vendor groups keep long-lived libraries in their own cacheable chunks. Only libraries the
// first screen needs are grouped; the rest (forms, resolvers) stay with the lazy routes.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|clsx|react-remove-scroll|react-style-singleton|use-callback-ref|use-sidecar|tslib|get-nonce|react-number-format)[\\/]/, priority: 20 },
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

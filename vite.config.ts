// Builds the web app (src/web) into dist/web, which the server serves.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot('./src/web'),
  publicDir: false,
  plugins: [react()],
  resolve: {
    // dkfds exports only its JavaScript; its CSS, fonts and icons are reached by file path.
    alias: [{ find: /^dkfds\/dist\/(.*)$/, replacement: `${fromRoot('./node_modules/dkfds/dist/')}$1` }],
  },
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});

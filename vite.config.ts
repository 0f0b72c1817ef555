/**
 * The web client's build: sources in client/, output in dist/ (served by `ramparts serve`). The
 * consoles, the replay engine and the evaluator are separate chunks loaded on demand, so that the
 * lobby and a blue console start small. `npx vite` serves the client with hot reload and forwards
 * the API and the socket to a server on port 8080 (`npx ramparts serve`).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  resolve: {
    // interchange/ runs in the browser too (the evaluator's AAR): csv-parse and csv-stringify ship
    // Node builds under these names (they use Buffer) and browser builds beside them.
    alias: {
      'csv-parse/sync': 'csv-parse/browser/esm/sync',
      'csv-stringify/sync': 'csv-stringify/browser/esm/sync',
    },
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    // Keep the browser's Host header: the server accepts a browser origin equal to the host it was asked for.
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true, changeOrigin: false },
    },
  },
});

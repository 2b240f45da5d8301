import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/** The ledger reads its SQL migrations from beside its code; ship them beside the bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'county-ledger:copy-migrations',
    closeBundle() {
      fs.cpSync(path.resolve('db/migrations'), path.resolve('out/main/migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: path.resolve('electron/main/index.ts'),
          web: path.resolve('electron/web/cli.ts'),
          worker: path.resolve('electron/jobs/worker.ts'),
        },
        // Chunks stay beside the entries so that import.meta.url-relative lookups agree.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: path.resolve('electron/preload/index.ts') },
        // A sandboxed window can only load a CommonJS preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: path.resolve('renderer/index.html') } },
    },
  },
});

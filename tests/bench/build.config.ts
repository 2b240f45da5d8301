/**
 * The app's build (same entries and options as electron.config.ts: main with its web and worker
 * entries, and the renderer) written to bench-results/build instead of out/, so benchmarking never
 * rewrites the out/ folder other people's tests and servers are using. Used by run.ts:
 * `npx electron-vite build --config tests/bench/build.config.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const outDir = process.env.BENCH_BUILD_DIR ?? path.resolve('bench-results/build');

function copyMigrations(): Plugin {
  return {
    name: 'county-ledger-bench:copy-migrations',
    closeBundle() {
      fs.cpSync(path.resolve('db/migrations'), path.join(outDir, 'main', 'migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: path.join(outDir, 'main'),
      rollupOptions: {
        input: {
          index: path.resolve('electron/main/index.ts'),
          web: path.resolve('electron/web/cli.ts'),
          worker: path.resolve('electron/jobs/worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: path.join(outDir, 'preload'),
      rollupOptions: {
        input: { index: path.resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: path.join(outDir, 'renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: path.resolve('renderer/index.html') } },
    },
  },
});

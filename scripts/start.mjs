#!/usr/bin/env node
// `npm start`: builds if needed, then opens the desktop window on the demo county. Where Electron
// cannot start (no binary downloaded, no display), serves the same app on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, shell: false });

if (!fs.existsSync(path.join(root, 'out/main/index.js')) || process.argv.includes('--rebuild')) {
  const built = run('npx', ['electron-vite', 'build', '--config', 'electron.config.ts']);
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const data = process.env.COUNTY_LEDGER_DATA ?? path.join(root, '.data');
const port = process.env.COUNTY_LEDGER_PORT ?? '5174';

function electronBinary() {
  try {
    const bin = createRequire(import.meta.url)('electron');
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const electron = electronBinary();
if (electron && hasDisplay) {
  const child = spawn(electron, ['.', `--data=${data}`, '--demo=demo'], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    electron
      ? 'No display was found, so the desktop window cannot open.'
      : 'The Electron binary is not installed on this machine, so the desktop window cannot open.',
  );
  console.log('Serving the same app in your browser instead.');
  const child = spawn(process.execPath, ['out/main/web.js', `--data=${data}`, `--port=${port}`, '--demo=demo'], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
}

#!/usr/bin/env node
// `npm start`: builds if needed, then opens the desktop window on the demo county. Where Electron
// cannot start (no binary downloaded, no display), serves the same app on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

/**
 * Demo convenience only: without COUNTY_LEDGER_KEY the demo ledger in the data folder is encrypted
 * with a generated key kept beside it in demo.key (mode 0600). A key next to the file it opens
 * protects nothing against someone who copies the folder; a real office sets COUNTY_LEDGER_KEY
 * (web host) or uses the desktop, which keeps its key in the OS keychain (docs/SECURITY.md).
 */
function demoKeyEnv() {
  if (process.env.COUNTY_LEDGER_KEY) return {};
  fs.mkdirSync(data, { recursive: true });
  const file = path.join(data, 'demo.key');
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600);
  console.log(`Demo convenience: the demo ledger is encrypted with the generated key in ${file} (演示用：演示台账使用该文件中的生成密钥加密).`);
  console.log('A real office sets COUNTY_LEDGER_KEY or uses the desktop keychain instead (正式使用请设置 COUNTY_LEDGER_KEY 或使用桌面版密钥环).');
  return { COUNTY_LEDGER_KEY: fs.readFileSync(file, 'utf8').trim() };
}
const env = { ...process.env, ...demoKeyEnv() };

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
  const child = spawn(electron, ['.', `--data=${data}`, '--demo=demo'], { stdio: 'inherit', cwd: root, env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    electron
      ? 'No display was found, so the desktop window cannot open.'
      : 'The Electron binary is not installed on this machine, so the desktop window cannot open.',
  );
  console.log('Serving the same app in your browser instead.');
  const child = spawn(process.execPath, ['out/main/web.js', `--data=${data}`, `--port=${port}`, '--demo=demo'], { stdio: 'inherit', cwd: root, env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { keyedOpener, parseKey } from '../../db/crypto';

export interface Server {
  url: string;
  dataDir: string;
}

/**
 * The key every e2e server runs with (COUNTY_LEDGER_KEY), so the browser tests work on an
 * encrypted ledger, as an office does. Synthetic data, a test-only key.
 */
export const E2E_KEY = 'county ledger e2e test passphrase';

/**
 * A read-only connection to a server's ledger, keyed like the server: what a spec uses to look
 * data up in the file (a plain `new Database(file)` cannot read an encrypted ledger).
 */
export function openServerLedger(dataDir: string, key: string | null = E2E_KEY): Database.Database {
  const file = path.join(dataDir, 'ledger.sqlite');
  return key ? keyedOpener(parseKey(key))(file, { readonly: true }) : new Database(file, { readonly: true, fileMustExist: true });
}

/**
 * Starts the built web host (out/main/web.js) on a free port with its own data folder, with
 * COUNTY_LEDGER_KEY = E2E_KEY (`key: null`: a plain ledger, as before encryption was switched on).
 */
export async function startServer(options: { demo?: string; key?: string | null } = {}): Promise<Server & { stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-e2e-'));
  const args = ['out/main/web.js', `--data=${dataDir}`, '--port=0', ...(options.demo ? [`--demo=${options.demo}`] : [])];
  const key = options.key === undefined ? E2E_KEY : options.key;
  const env = { ...process.env };
  delete env.COUNTY_LEDGER_KEY;
  if (key) env.COUNTY_LEDGER_KEY = key;
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)));
  });
  return {
    url,
    dataDir,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export const DEMO_PASSWORD = 'demo-password';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel(/用户名|User name/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登\s*录|Sign in)$/ }).click();
  await expect(page.getByRole('navigation', { name: /主导航|Main navigation/ })).toBeVisible();
}

/** A web host already holding the tiny demo county, one per test file. */
export const test = base.extend<{}, { server: Server }>({
  server: [
    async ({}, use) => {
      const server = await startServer({ demo: 'tiny' });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };

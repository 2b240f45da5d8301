import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * The web host as its own process, from source (`node --import tsx electron/web/cli.ts`), with a
 * stub renderer folder: what `npm run serve` does, without needing a build.
 */
export interface WebChild {
  url: string;
  port: number;
  output: () => string;
  stop(): Promise<number | null>;
}

export interface WebChildRun {
  code: number | null;
  output: string;
}

function stubRenderer(dataDir: string): string {
  const dir = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-renderer`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>stub</title>');
  return dir;
}

function spawnWeb(dataDir: string, env: NodeJS.ProcessEnv, extra: string[]): ChildProcess {
  const args = ['--import', 'tsx', 'electron/web/cli.ts', `--data=${dataDir}`, '--port=0', `--renderer=${stubRenderer(dataDir)}`, ...extra];
  const clean = { ...process.env };
  delete clean.COUNTY_LEDGER_KEY;
  return spawn(process.execPath, args, { cwd: path.resolve('.'), env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts the host and resolves once it serves; rejects with its output if it exits first. */
export function startWebChild(dataDir: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []): Promise<WebChild> {
  const child = spawnWeb(dataDir, env, extra);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web host did not start:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const port = Number(match[1]);
        resolve({
          url: `http://127.0.0.1:${port}`,
          port,
          output: () => output,
          stop: () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}):\n${output}`));
    });
  });
}

/** Runs the host expecting it to refuse to start; resolves with its exit code and output. */
export function runWebChildToExit(dataDir: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []): Promise<WebChildRun> {
  const child = spawnWeb(dataDir, env, extra);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => {
    output += c.toString();
    if (/serving on/.test(output)) child.kill('SIGTERM');
  });
  child.stdout!.on('data', () => {
    if (/serving on/.test(output)) child.kill('SIGTERM');
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** POST /api/<method> with a JSON body and an optional session cookie; returns the JSON and the cookie. */
export function postApi(port: number, method: string, input: unknown, cookie?: string): Promise<{ status: number; json: any; cookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: `cl_sid=${cookie}` } : {}) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const set = res.headers['set-cookie']?.[0];
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')), cookie: set ? /cl_sid=([^;]+)/.exec(set)?.[1] : cookie });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerHost } from '../../electron/api/host';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { api } from '../../electron/api/table';
import type { MethodDef } from '../../electron/api/define';
import { actorFor, tempDir } from '../support/tmp';

/**
 * The real web host on 127.0.0.1, driven with Node's http client (which, unlike a browser, lets us
 * send any Host, Origin, Sec-Fetch-Site and raw path we like).
 */

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | null;
}

const INDEX = '<!doctype html><title>County Ledger test index</title><p>index-marker</p>';
const SECRET = 'secret-outside-the-renderer-folder';

let root: string;
let host: LedgerHost;
let web: WebHost;

function request(
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
  server: WebHost = web,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: Reply['json'] = null;
          try {
            json = JSON.parse(body);
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function api_(method: string, input: unknown, headers: Record<string, string> = {}, server: WebHost = web): Promise<Reply> {
  return request({ method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) }, server);
}

const cookieOf = (r: Reply): string | null => {
  const set = r.headers['set-cookie']?.[0];
  return set ? /cl_sid=([^;]+)/.exec(set)![1]! : null;
};

beforeAll(async () => {
  root = tempDir('cl-web-');
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  host = new LedgerHost({ dataDir: path.join(root, 'data'), autoBackup: false, log: () => {} });
  const ledger = host.createEmpty();
  actorFor(ledger, 'admin', 'admin');
  actorFor(ledger, 'registrar', 'clerk');
  web = await startWebHost({ host, rendererDir, port: 0 });
});

afterAll(async () => {
  await web.close();
  host.close();
});

describe('who may talk to the web host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}`);
  });

  it('serves its own Host names', async () => {
    for (const name of [`127.0.0.1:${web.port}`, `localhost:${web.port}`]) {
      const r = await request({ path: '/', headers: { Host: name } });
      expect(r.status).toBe(200);
      expect(r.body).toBe(INDEX);
    }
  });

  it('refuses a wrong Host (DNS rebinding), for pages and for the API', async () => {
    for (const name of ['evil.example:80', `evil.example:${web.port}`, '127.0.0.1', `127.0.0.1:${web.port + 1}`, `0.0.0.0:${web.port}`]) {
      const page = await request({ path: '/', headers: { Host: name } });
      expect(page.status, name).toBe(403);
      expect(page.body).not.toContain('index-marker');
      const call = await api_('setup.status', {}, { Host: name });
      expect(call.json?.error?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a foreign Origin', async () => {
    for (const origin of ['http://evil.example', `https://127.0.0.1:${web.port}`, `http://127.0.0.1:${web.port + 1}`, 'null', 'file://']) {
      const r = await api_('setup.status', {}, { Origin: origin });
      expect(r.status, origin).toBe(403);
      expect(r.json?.error?.code).toBe('FORBIDDEN');
    }
    const own = await api_('setup.status', {}, { Origin: `http://127.0.0.1:${web.port}` });
    expect(own.status).toBe(200);
  });

  it('refuses Sec-Fetch-Site: cross-site and same-site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const r = await api_('setup.status', {}, { 'Sec-Fetch-Site': site });
      expect(r.status, site).toBe(403);
      expect(r.json?.error?.code).toBe('FORBIDDEN');
    }
    expect((await api_('setup.status', {}, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });
});

describe('static files', () => {
  it('serves files inside the renderer folder', async () => {
    const r = await request({ path: '/assets/app.js' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.body).toContain('console.log');
  });

  it('answers path traversal with index.html, never the file', async () => {
    for (const p of [
      '/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd',
      '/../secret.txt', '/%2e%2e%2fsecret.txt', '/assets/../../secret.txt', '/..\\secret.txt', '/%5c..%5csecret.txt',
      '//etc/passwd', '/%2F%2Fetc%2Fpasswd', '/etc/passwd%00.html', '/%E0%A4%A', '/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const r = await request({ path: p });
      expect(r.status, p).toBe(200);
      expect(r.body, p).toBe(INDEX);
      expect(r.body).not.toContain('root:');
      expect(r.body).not.toContain(SECRET);
    }
  });

  it('allows only GET and HEAD for pages', async () => {
    expect((await request({ method: 'PUT', path: '/index.html', body: 'x' })).status).toBe(405);
    expect((await request({ method: 'DELETE', path: '/' })).status).toBe(405);
  });
});

describe('security headers', () => {
  it('are on pages, API answers and refusals', async () => {
    const answers = [
      await request({ path: '/' }),
      await api_('setup.status', {}),
      await api_('setup.status', {}, { Origin: 'http://evil.example' }),
      await api_('nope.nope', {}),
    ];
    for (const r of answers) {
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['content-security-policy']).toMatch(/object-src 'none'/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    expect(answers[1]!.headers['cache-control']).toBe('no-store');
  });
});

describe('API requests', () => {
  it('requires POST and a JSON body', async () => {
    expect((await request({ path: '/api/setup.status' })).json?.error?.code).toBe('NOT_FOUND');
    const form = await request({ method: 'POST', path: '/api/setup.status', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.json?.error?.code).toBe('INVALID_INPUT');
    const broken = await request({ method: 'POST', path: '/api/setup.status', headers: { 'Content-Type': 'application/json' }, body: '{"x":' });
    expect(broken.json?.error?.code).toBe('INVALID_INPUT');
  });

  it('answers a malformed method name with a structured refusal, not INTERNAL', async () => {
    const r = await request({ method: 'POST', path: '/api/%E0%A4%A', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.json?.ok).toBe(false);
    expect(r.json?.error?.code).toBe('NOT_FOUND');
  });

  it('refuses an oversized body up front with a structured answer', async () => {
    const r = await request({ method: 'POST', path: '/api/setup.status', headers: { 'Content-Type': 'application/json', 'Content-Length': String(65 * 1024 * 1024) } });
    expect(r.json?.error?.code).toBe('INVALID_INPUT');
    expect(r.json?.error?.message).toMatch(/too large/);
  });

  it('answers UNAUTHENTICATED to every protected method without a session', async () => {
    const wrong: string[] = [];
    for (const [name, def] of Object.entries(api as unknown as Record<string, MethodDef>)) {
      if (def.access === 'public') continue;
      const r = await api_(name, {});
      if (r.status !== 401 || r.json?.error?.code !== 'UNAUTHENTICATED') wrong.push(`${name}: ${r.status} ${r.json?.error?.code}`);
    }
    expect(wrong).toEqual([]);
  });

  it('ignores a forged or unknown session cookie', async () => {
    const r = await api_('users.list', {}, { Cookie: 'cl_sid=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(r.json?.error?.code).toBe('UNAUTHENTICATED');
    expect(cookieOf(r)).not.toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  });

  it('sign-in sets an HttpOnly SameSite=Strict cookie and rotates the session id', async () => {
    // An anonymous call first: the host hands out a session cookie (as a planted one would be).
    const first = await api_('auth.me', {});
    const anonymous = cookieOf(first)!;
    expect(anonymous).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(first.headers['set-cookie']![0]).toMatch(/HttpOnly/);

    const signIn = await api_('auth.signIn', { username: 'clerk', password: 'test-password' }, { Cookie: `cl_sid=${anonymous}` });
    expect(signIn.json?.ok).toBe(true);
    const set = signIn.headers['set-cookie']![0]!;
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Strict/);
    expect(set).toMatch(/; Path=\//);
    const fresh = cookieOf(signIn)!;
    expect(fresh).not.toBe(anonymous);

    // The new id is signed in; the old one is not.
    expect((await api_('auth.me', {}, { Cookie: `cl_sid=${fresh}` })).json?.value).toMatchObject({ username: 'clerk' });
    const old = await api_('auth.me', {}, { Cookie: `cl_sid=${anonymous}` });
    expect(old.json?.value).toBeNull();
    // Roles still apply on the web: a registrar may not list users.
    expect((await api_('users.list', {}, { Cookie: `cl_sid=${fresh}` })).json?.error?.code).toBe('FORBIDDEN');
    // Sign-out ends the session.
    await api_('auth.signOut', {}, { Cookie: `cl_sid=${fresh}` });
    expect((await api_('auth.me', {}, { Cookie: `cl_sid=${fresh}` })).json?.value).toBeNull();
  });

  it('refuses more than 20 sign-in attempts a minute', async () => {
    // A server of its own, so the limiter starts from zero.
    const own = await startWebHost({ host, rendererDir: path.join(root, 'renderer'), port: 0 });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 25; i++) {
        const r = await api_('auth.signIn', { username: `nobody${i}`, password: 'wrong-password' }, {}, own);
        codes.push(r.json?.error?.code ?? 'ok');
      }
      expect(codes.slice(0, 20).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
      expect(codes.slice(20)).toEqual(['LOCKED', 'LOCKED', 'LOCKED', 'LOCKED', 'LOCKED']);
      // Even the right password is refused until the minute is over.
      const right = await api_('auth.signIn', { username: 'admin', password: 'test-password' }, {}, own);
      expect(right.json?.error?.code).toBe('LOCKED');
      expect(right.status).toBe(423);
    } finally {
      await own.close();
    }
  });
});

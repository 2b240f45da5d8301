import http from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { LedgerHost } from '../api/host';
import type { ApiErrorValue, ApiResult } from '../api/result';
import { SessionStore } from '../api/sessions';
import { RateLimiter, SECURITY_HEADERS, checkOrigin } from './security';
import { resolveStatic } from './static';

export interface WebHostOptions {
  host: LedgerHost;
  rendererDir: string;
  port?: number;
  /** Loopback only unless someone deliberately says otherwise. */
  bind?: string;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'cl_sid';
const MAX_BODY = 64 * 1024 * 1024;

const STATUS: Partial<Record<ApiErrorValue['code'], number>> = {
  INVALID_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RULE: 409,
  LOCKED: 423, NO_LEDGER: 409, INTERNAL: 500,
};

function readCookie(header: string | undefined): string | null {
  const match = /(?:^|;\s*)cl_sid=([A-Za-z0-9_-]{20,})/.exec(header ?? '');
  return match?.[1] ?? null;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

function sendResult(res: http.ServerResponse, result: ApiResult<unknown>, cookie?: string): void {
  const status = result.ok ? 200 : (STATUS[result.error.code] ?? 400);
  const extra: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (cookie) extra['Set-Cookie'] = `${COOKIE}=${cookie}; HttpOnly; SameSite=Strict; Path=/`;
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', extra);
}

const refusal = (code: ApiErrorValue['code'], message: string, zh: string): ApiResult<never> => ({ ok: false, error: { code, message, zh } });

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Serves the built renderer and `POST /api/<method>` from the same API table as the desktop's IPC
 * channel, on 127.0.0.1 only, with a session cookie, Host and Origin checks and security headers.
 */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { host, rendererDir } = options;
  const signInLimiter = new RateLimiter(20, 60_000);
  let port = options.port ?? 0;

  const server = http.createServer(async (req, res) => {
    try {
      const refused = checkOrigin(req.headers as Record<string, string>, port);
      if (refused) return sendResult(res, refusal('FORBIDDEN', refused, '请求来源不被允许'));
      const url = req.url ?? '/';

      if (!url.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
        const { file, type } = resolveStatic(rendererDir, url);
        return send(res, 200, fs.readFileSync(file), type, { 'Cache-Control': 'no-cache' });
      }

      if (req.method !== 'POST') return sendResult(res, refusal('NOT_FOUND', 'Use POST for API calls', 'API 调用须使用 POST'));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendResult(res, refusal('INVALID_INPUT', 'API calls must send application/json', 'API 调用须发送 JSON'));
      }
      let method: string;
      try {
        method = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
      } catch {
        // Malformed percent-encoding (e.g. "%E0%A4%A") is no method name, not an internal error.
        return sendResult(res, refusal('NOT_FOUND', 'There is no such method', '没有该方法'));
      }
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        return sendResult(res, refusal('INVALID_INPUT', 'The request is too large', '请求内容过大'));
      }
      if (method === 'auth.signIn' && !signInLimiter.allow()) {
        return sendResult(res, refusal('LOCKED', 'Too many sign-in attempts; wait a minute', '登录尝试过于频繁，请稍候一分钟'));
      }

      let input: unknown = {};
      const body = await readBody(req);
      if (body.trim()) {
        try {
          input = JSON.parse(body);
        } catch {
          return sendResult(res, refusal('INVALID_INPUT', 'The request body is not valid JSON', '请求内容不是有效的 JSON'));
        }
      }

      const known = readCookie(req.headers.cookie);
      const sid = known && host.sessions.has(known) ? known : SessionStore.newId();
      const before = host.sessions.get(sid).userId;
      const result = await host.call(sid, method, input);
      const session = host.sessions.get(sid);
      let cookie = sid === known ? undefined : sid;
      if (session.userId !== null && session.userId !== before) {
        // A new sign-in gets a fresh session id, so a planted cookie cannot ride along.
        const fresh = SessionStore.newId();
        host.sessions.get(fresh).userId = session.userId;
        host.sessions.drop(sid);
        cookie = fresh;
      }
      sendResult(res, result, cookie);
    } catch (err) {
      host.log('web request failed', err);
      if (!res.headersSent) sendResult(res, refusal('INTERNAL', 'The request could not be handled', '请求无法处理'));
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.bind ?? '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

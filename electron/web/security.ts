/** Headers every answer carries: the page may load only its own code and talk only to its host. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time (CSS-in-JS).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * A request must name this server as its Host (no DNS rebinding) and, when a browser says where it
 * comes from, come from this server's own origin (no cross-site requests from another tab).
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkOrigin(headers: { host?: string; origin?: string; 'sec-fetch-site'?: string }, port: number): string | null {
  const hosts = allowedHosts(port);
  if (!headers.host || !hosts.has(headers.host)) return 'Host not allowed';
  if (headers.origin !== undefined) {
    let host: string;
    try {
      const url = new URL(headers.origin);
      host = url.protocol === 'http:' ? url.host : '';
    } catch {
      host = '';
    }
    if (!hosts.has(host)) return 'Origin not allowed';
  }
  const site = headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return 'Cross-site request refused';
  return null;
}

/** Sliding-window limiter for sign-in attempts (the ledger also locks accounts). */
export class RateLimiter {
  private readonly hits: number[] = [];
  constructor(private readonly max: number, private readonly windowMs: number) {}
  allow(now = Date.now()): boolean {
    while (this.hits.length && this.hits[0]! <= now - this.windowMs) this.hits.shift();
    if (this.hits.length >= this.max) return false;
    this.hits.push(now);
    return true;
  }
}

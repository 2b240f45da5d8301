import { randomBytes } from 'node:crypto';
import type { Session } from './context';

/** Sessions end after this long without a call, so an unattended PC does not stay signed in. */
export const IDLE_LIMIT_MS = 30 * 60_000;

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  /** The session for a key the transport trusts (an IPC sender, a cookie), created on first use. */
  get(id: string): Session {
    let s = this.sessions.get(id);
    const now = Date.now();
    if (!s) this.pruneIdle(now);
    if (s && s.userId !== null && now - s.lastSeen > IDLE_LIMIT_MS) s.userId = null;
    if (!s) {
      s = { id, userId: null, lastSeen: now };
      this.sessions.set(id, s);
    }
    s.lastSeen = now;
    return s;
  }

  /** Forgets sessions nobody has used for a while, so cookieless requests cannot grow the store. */
  private pruneIdle(now: number): void {
    if (this.sessions.size < 1000) return;
    for (const [key, s] of this.sessions) if (now - s.lastSeen > IDLE_LIMIT_MS) this.sessions.delete(key);
  }

  has(id: string): boolean {
    return this.sessions.has(id);
  }

  drop(id: string): void {
    this.sessions.delete(id);
  }

  /** Signs everyone out (a different ledger was opened). */
  clear(): void {
    this.sessions.clear();
  }

  static newId(): string {
    return randomBytes(32).toString('base64url');
  }
}

import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Ledger } from './ledger';
import type { Actor } from './actor';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  user_id: number;
  user_name: string;
  method: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

function rowHash(r: Omit<AuditRow, 'seq' | 'hash'>): string {
  const content = JSON.stringify([
    r.prev_hash, r.at, r.user_id, r.user_name, r.method, r.entity, r.entity_id, r.action, r.before, r.after,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

const toJson = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

const statements = new WeakMap<Database.Database, { last: Database.Statement; insert: Database.Statement }>();

function prepared(sqlite: Database.Database) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      last: sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck(),
      insert: sqlite.prepare(
        `INSERT INTO audit_log (at, user_id, user_name, method, entity, entity_id, action, before, after, prev_hash, hash)
         VALUES (@at, @user_id, @user_name, @method, @entity, @entity_id, @action, @before, @after, @prev_hash, @hash)`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/**
 * Appends one audit row chained to the previous one. Call it inside the transaction of the
 * mutation it describes, so that both commit or neither does.
 */
export function appendAudit(ledger: Ledger, actor: Actor, entry: AuditEntry): void {
  const s = prepared(ledger.sqlite);
  const row = {
    at: new Date().toISOString(),
    user_id: actor.userId,
    user_name: actor.userName,
    method: actor.method,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    action: entry.action,
    before: toJson(entry.before),
    after: toJson(entry.after),
    prev_hash: (s.last.get() as string | undefined) ?? GENESIS_HASH,
  };
  s.insert.run({ ...row, hash: rowHash(row) });
}

export type ChainVerdict =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash' | 'link' | 'gap' };

/** Walks the whole chain and reports the first row whose content or link does not match. */
export function verifyAuditChain(ledger: Ledger): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq: number | null = null;
  let rows = 0;
  for (const r of ledger.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (expectedSeq !== null && r.seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, reason: 'gap' };
    if (r.prev_hash !== prev) return { ok: false, rows, brokenAt: r.seq, reason: 'link' };
    if (rowHash(r) !== r.hash) return { ok: false, rows, brokenAt: r.seq, reason: 'hash' };
    prev = r.hash;
    expectedSeq = r.seq + 1;
    rows++;
  }
  return { ok: true, rows, lastHash: prev };
}

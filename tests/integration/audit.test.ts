import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../../db/audit';
import { createHousehold } from '../../db/registry/households';
import type { Ledger } from '../../db/ledger';
import { checkAuditFile } from '../../scripts/verify-audit';
import { actorFor, tempLedger } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';

/** A ledger file with a few users and households: a dozen audit rows. Closed, ready to tamper with. */
function ledgerWithHistory(): { file: string; rows: number } {
  const ledger = tempLedger();
  const { villageId } = seedVillage(ledger);
  const clerk = actorFor(ledger, 'registrar', 'clerk', 'registry.createHousehold');
  actorFor(ledger, 'auditor', 'auditor1');
  for (let i = 0; i < 8; i++) createHousehold(ledger, clerk, household(villageId, `A-${String(i).padStart(4, '0')}`));
  const rows = ledger.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  expect(verifyAuditChain(ledger)).toMatchObject({ ok: true, rows });
  const file = ledger.path;
  ledger.close();
  return { file, rows };
}

/** Opens the file the way another SQLite tool would: no triggers dropped unless asked. */
function raw(file: string, fn: (db: Database.Database) => void, dropTriggers = true): void {
  const db = new Database(file);
  try {
    if (dropTriggers) db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    fn(db);
  } finally {
    db.close();
  }
}

/** The real command line, as an operator would run it. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-audit.ts', ...args], { cwd: path.resolve('.'), encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const verify = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return verifyAuditChain({ sqlite: db } as unknown as Ledger);
  } finally {
    db.close();
  }
};

describe('the audit trail is append-only', () => {
  it('refuses UPDATE and DELETE through ordinary SQL, and an upsert', () => {
    const ledger = tempLedger();
    actorFor(ledger, 'registrar');
    actorFor(ledger, 'auditor');
    expect(() => ledger.sqlite.prepare(`UPDATE audit_log SET action = 'forged' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => ledger.sqlite.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => ledger.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      ledger.sqlite
        .prepare(`INSERT INTO audit_log (seq, at, user_id, user_name, method, entity, entity_id, action, prev_hash, hash)
                  VALUES (1, 'x', 0, 'x', 'x', 'x', 'x', 'x', 'x', 'x') ON CONFLICT(seq) DO UPDATE SET action = 'forged'`)
        .run(),
    ).toThrow(/append-only/);
    expect(verifyAuditChain(ledger).ok).toBe(true);
    ledger.close();
  });

  it('refuses INSERT OR REPLACE of an existing row, and the chain stays intact', () => {
    // REPLACE deletes the old row without firing DELETE triggers, so a BEFORE INSERT trigger refuses
    // any row that is not added after the last one.
    const ledger = tempLedger();
    actorFor(ledger, 'registrar');
    actorFor(ledger, 'auditor');
    const first = ledger.sqlite.prepare('SELECT * FROM audit_log WHERE seq = 1').get() as Record<string, unknown>;
    expect(() =>
      ledger.sqlite
        .prepare(`INSERT OR REPLACE INTO audit_log (seq, at, user_id, user_name, method, entity, entity_id, action, before, after, prev_hash, hash)
                  VALUES (1, @at, @user_id, @user_name, @method, @entity, @entity_id, 'forged', @before, @after, @prev_hash, @hash)`)
        .run(first),
    ).toThrow(/append-only/);
    expect(ledger.sqlite.prepare('SELECT action FROM audit_log WHERE seq = 1').pluck().get()).toBe(first.action);
    expect(verifyAuditChain(ledger).ok).toBe(true);
    ledger.close();
  });
});

describe('scripts/verify-audit.ts', () => {
  it('prints OK with the row count and exits 0 for an intact ledger', () => {
    const { file, rows } = ledgerWithHistory();
    const r = cli(file);
    expect(r.out).toMatch(new RegExp(`^OK ${rows} rows, head ${rows} [0-9a-f]{64}`));
    expect(r.code).toBe(0);
  });

  it('reports the first changed row when a row was edited with another tool (triggers dropped)', () => {
    const { file, rows } = ledgerWithHistory();
    raw(file, (db) => db.prepare(`UPDATE audit_log SET user_name = 'someone_else' WHERE seq = 5`).run());
    expect(verify(file)).toEqual({ ok: false, rows: 4, brokenAt: 5, reason: 'hash' });
    const r = cli(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('BROKEN at row 5 (hash)');
    expect(r.out).toContain('someone_else');
    expect(r.out).toMatch(/append-only trigger\(s\) for UPDATE and DELETE on audit_log are missing/);
    expect(rows).toBeGreaterThan(5);
  });

  it('still reports the change when the forger also recomputes the row hash (the next link breaks)', () => {
    const { file } = ledgerWithHistory();
    raw(file, (db) => {
      const row = db.prepare('SELECT * FROM audit_log WHERE seq = 6').get() as Record<string, unknown>;
      const forged: Record<string, unknown> = { ...row, after: '{"archiveNo":"FORGED"}' };
      // Same content hashing as db/audit.ts.
      const hash = createHash('sha256').update(JSON.stringify([forged.prev_hash, forged.at, forged.user_id, forged.user_name, forged.method, forged.entity, forged.entity_id, forged.action, forged.before, forged.after])).digest('hex');
      db.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE seq = 6').run(forged.after, hash);
    });
    expect(verify(file)).toMatchObject({ ok: false, brokenAt: 7, reason: 'link' });
    expect(checkAuditFile(file).lines[0]).toContain('BROKEN at row 7 (link)');
  });

  it('reports a deleted middle row as a gap, even with the triggers put back afterwards', () => {
    const { file } = ledgerWithHistory();
    raw(file, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
      db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated'); END;
               CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted'); END;`);
    });
    expect(verify(file)).toEqual({ ok: false, rows: 3, brokenAt: 4, reason: 'gap' });
    const r = cli(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('BROKEN at row 4 (gap)');
    expect(r.out).toContain('next row present 5');
    expect(r.out).not.toContain('trigger');
  });

  it('reports a removed-and-renumbered middle row as a broken link', () => {
    const { file } = ledgerWithHistory();
    raw(file, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 3').run();
    });
    expect(verify(file)).toMatchObject({ ok: false, brokenAt: 3, reason: 'link' });
  });

  it('cannot see rows cut off the end by itself, but does with --expect-head', () => {
    const { file, rows } = ledgerWithHistory();
    const head = checkAuditFile(file).lines[0]!.match(/head (\d+) ([0-9a-f]{64})/)!;
    raw(file, (db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(rows));
    expect(verify(file)).toMatchObject({ ok: true, rows: rows - 1 });
    const r = cli(file, '--expect-head', `${head[1]}:${head[2]}`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`MISMATCH row ${rows} is missing`);
  });

  it('exits 1 with a clear message for a missing file, a non-ledger file and wrong usage', () => {
    expect(cli('/nonexistent/ledger.sqlite')).toMatchObject({ code: 1, out: expect.stringContaining('no such file') });
    expect(cli()).toMatchObject({ code: 1, out: expect.stringContaining('Usage') });
    const other = path.join(path.dirname(ledgerWithHistory().file), 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)');
    expect(checkAuditFile(other)).toMatchObject({ ok: false, lines: [expect.stringContaining('not a County Ledger file')] });
  });

  it('does not change the file it checks', () => {
    const { file } = ledgerWithHistory();
    const before = fs.readFileSync(file);
    expect(cli(file).code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

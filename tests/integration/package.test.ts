/**
 * Data packages: export → verify → contents equal the ledger's rows; one altered byte in any data
 * file fails verification naming that file; a changed manifest breaks its signature; a village
 * package holds that village only. Real files, GNU tar and sha256sum read the package too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../db/ledger';
import { generateCounty } from '../../db/demo/generate';
import type { Actor } from '../../db/actor';
import { exportPackage } from '../../db/exchange/package/export';
import { verifyPackage } from '../../db/exchange/package/verify';
import { ledgerKeyFingerprint } from '../../db/exchange/package/signing';
import { BLOCK, readHeader } from '../../db/exchange/package/tar';
import { TABLES } from '../../db/exchange/package/tables';
import type { Manifest } from '../../db/exchange/package/manifest';
import { tempDir } from '../support/tmp';

const CLERK: Actor = { userId: 2, userName: 'registrar', role: 'registrar', method: 'exchange.packageStart' };
let dir: string;
let ledger: Ledger;
let out: string;

/** A posted voucher paying the first household of village 1, and an asset with one share there. */
function addFundsAndAssets(l: Ledger): void {
  const user = l.sqlite.prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('acc', 'acc', 'accountant', 'x', 'now') RETURNING id`).pluck().get() as number;
  const acct = (code: string) => l.sqlite.prepare('SELECT id FROM fund_accounts WHERE code = ?').pluck().get(code) as number;
  const hh = l.sqlite.prepare('SELECT id, village_id AS villageId FROM households WHERE village_id = 1 ORDER BY id LIMIT 1').get() as { id: number; villageId: number };
  const other = l.sqlite.prepare('SELECT id FROM households WHERE village_id = 2 ORDER BY id LIMIT 1').pluck().get() as number;
  for (const [householdId, n] of [[hh.id, 1], [other, 2]] as const) {
    const v = l.sqlite.prepare(`INSERT INTO vouchers (year, date, memo, status, origin, prepared_by, prepared_at) VALUES (2026, '2026-03-0${n}', '分红', 'draft', 'system', ?, 'now') RETURNING id`).pluck().get(user) as number;
    l.sqlite.prepare('INSERT INTO voucher_lines (voucher_id, line_no, account_id, debit_fen, household_id) VALUES (?, 1, ?, 12345, ?)').run(v, acct('5101.01'), householdId);
    l.sqlite.prepare('INSERT INTO voucher_lines (voucher_id, line_no, account_id, credit_fen) VALUES (?, 2, ?, 12345)').run(v, acct('1001'));
    l.sqlite.prepare(`UPDATE vouchers SET status = 'posted', number = ?, posted_by = ?, posted_at = 'now' WHERE id = ?`).run(n, user, v);
  }
  const asset = l.sqlite.prepare(`INSERT INTO assets (code, name, asset_class, category, ownership, operator, village_id, created_by, created_at, updated_at)
    VALUES ('ZC-1', '光伏电站', 'business', 'photovoltaic', 'village_collective', 'collective', 1, ?, 'now', 'now') RETURNING id`).pluck().get(user) as number;
  l.sqlite.prepare(`INSERT INTO asset_shares (asset_id, seq, certificate_no, holder_type, household_id, village_id, units, weight, from_date, created_by, created_at)
    VALUES (?, 1, 'GQ-ZC-1-0001', 'household', ?, 1, 1, 1, '2025-01-01', ?, 'now')`).run(asset, hh.id, user);
}

beforeAll(() => {
  dir = tempDir('cl-package-');
  out = path.join(dir, 'packages');
  ledger = openLedger(path.join(dir, 'ledger.sqlite'));
  generateCounty(ledger, { scale: 'tiny', seed: 1, today: '2026-06-15', users: false });
  addFundsAndAssets(ledger);
});

afterAll(() => {
  ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rowsOf = (table: string) => ledger.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
const jsonl = (b: Buffer) => b.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);

/** Byte offset of each file's data in the archive. */
function dataOffsets(buf: Buffer): Map<string, { offset: number; size: number }> {
  const out = new Map<string, { offset: number; size: number }>();
  for (let at = 0; ;) {
    const h = readHeader(buf, at);
    if (!h) return out;
    out.set(h.name, { offset: at + BLOCK, size: h.size });
    at += BLOCK + Math.ceil(h.size / BLOCK) * BLOCK;
  }
}

describe('county package', () => {
  let buf: Buffer;
  let result: ReturnType<typeof exportPackage>;

  beforeAll(() => {
    result = exportPackage(ledger, CLERK, {}, out);
    buf = fs.readFileSync(path.join(out, result.fileName));
  });

  it('verifies, is signed by this ledger, and holds every row of every table', () => {
    const v = verifyPackage(result.fileName, buf, { ledgerFingerprint: ledgerKeyFingerprint(ledger) });
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.sha256).toBe(result.sha256);
    expect(v.manifestSha256).toBe(result.manifestSha256);
    expect(v.signature).toEqual({ present: true, valid: true, keyFingerprint: result.keyFingerprint, signedByThisLedger: true });
    const m = v.manifest!;
    expect(m).toMatchObject({ format: 'county-ledger-package', formatVersion: 1, producedBy: { userId: 2, userName: 'registrar' }, scope: { kind: 'county' } });
    expect(m.ledger).toEqual({ schemaVersion: ledger.schemaVersion, countyCode: '552999', countyName: '示范县' });
    expect(m.files.map((f) => f.table)).toEqual(TABLES.map((t) => t.table));
    const entries = dataOffsets(buf);
    for (const f of m.files) {
      const count = ledger.sqlite.prepare(`SELECT count(*) FROM "${f.table}"`).pluck().get() as number;
      expect([f.table, f.rows]).toEqual([f.table, count]);
      const { offset, size } = entries.get(f.path)!;
      expect(jsonl(buf.subarray(offset, offset + size))).toEqual(rowsOf(f.table));
    }
    expect(m.files.find((f) => f.table === 'voucher_lines')!.rows).toBe(4);
    expect(m.files.find((f) => f.table === 'asset_shares')!.rows).toBe(1);
    expect(m.files.some((f) => ['users', 'audit_log', 'settings'].includes(f.table))).toBe(false);
  });

  it('is audited, and reuses the ledger\'s signing key', () => {
    const audit = ledger.sqlite.prepare(`SELECT after FROM audit_log WHERE entity = 'package' AND entity_id = ?`).pluck().get(result.fileName) as string;
    expect(JSON.parse(audit)).toMatchObject({ manifestSha256: result.manifestSha256, sha256: result.sha256 });
    const again = exportPackage(ledger, CLERK, { parts: ['registry'] }, out);
    expect(again.fileName).not.toBe(result.fileName);
    expect(again.keyFingerprint).toBe(result.keyFingerprint);
    expect(ledger.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'setting'`).pluck().get()).toBe(1);
  });

  it('can be checked with standard tools: tar and sha256sum -c SHA256SUMS', () => {
    const x = path.join(dir, 'extracted');
    fs.mkdirSync(x);
    expect(spawnSync('tar', ['-xf', path.join(out, result.fileName)], { cwd: x }).status).toBe(0);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: x });
    expect(check.stderr.toString()).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout.toString().trim().split('\n')).toHaveLength(TABLES.length + 1);
  });

  it('reports one altered byte in any data file, naming the file with both digests', () => {
    const entries = dataOffsets(buf);
    const manifest = verifyPackage(result.fileName, buf).manifest!;
    for (const f of manifest.files.filter((x) => x.bytes > 0)) {
      const { offset, size } = entries.get(f.path)!;
      const bad = Buffer.from(buf);
      const at = offset + Math.floor(size / 2);
      bad[at] = bad[at]! ^ 0x01;
      const v = verifyPackage(result.fileName, bad);
      expect(v.ok).toBe(false);
      expect(v.problems.map((p) => p.path)).toEqual([f.path]);
      expect(v.problems[0]!.en).toContain(f.sha256);
      const check = v.files.find((c) => c.path === f.path)!;
      expect(check.ok).toBe(false);
      expect(check.expectedSha256).toBe(f.sha256);
      expect(check.actualSha256).not.toBe(f.sha256);
      expect(v.signature.valid).toBe(true);
    }
  });

  it('detects a changed manifest by its signature, and a file added or removed', () => {
    const { offset, size } = dataOffsets(buf).get('manifest.json')!;
    const text = buf.toString('utf8', offset, offset + size);
    const i = text.indexOf('"rows": ') + '"rows": '.length;
    const bad = Buffer.from(buf);
    bad[offset + i] = bad[offset + i] === 0x31 ? 0x32 : 0x31;
    const v = verifyPackage(result.fileName, bad);
    expect(v.signature.valid).toBe(false);
    expect(v.ok).toBe(false);
    expect(v.manifestSha256).not.toBe(result.manifestSha256);
    expect(v.problems.some((p) => p.path === 'manifest.json')).toBe(true);

    const notTar = verifyPackage('x.tar', Buffer.from('hello'));
    expect(notTar.ok).toBe(false);
    expect(notTar.problems[0]!.zh).toContain('数据包');
  });
});

describe('village package', () => {
  it('holds the village\'s households, members, vouchers and shares only, each voucher whole', () => {
    const r = exportPackage(ledger, CLERK, { villageId: 1 }, out);
    const buf = fs.readFileSync(path.join(out, r.fileName));
    const v = verifyPackage(r.fileName, buf, { ledgerFingerprint: ledgerKeyFingerprint(ledger) });
    expect(v.ok).toBe(true);
    const m = v.manifest as Manifest;
    expect(m.scope).toMatchObject({ kind: 'village', villageId: 1 });
    expect(r.fileName).toContain(m.scope.kind === 'village' ? m.scope.villageCode : 'never');
    const entries = dataOffsets(buf);
    const read = (table: string) => {
      const f = m.files.find((x) => x.table === table)!;
      const { offset, size } = entries.get(f.path)!;
      return jsonl(buf.subarray(offset, offset + size)) as Record<string, unknown>[];
    };
    const households = read('households');
    expect(households.length).toBe(ledger.sqlite.prepare('SELECT count(*) FROM households WHERE village_id = 1').pluck().get());
    expect(households.every((h) => h.village_id === 1)).toBe(true);
    const ids = new Set(households.map((h) => h.id));
    const members = read('members');
    expect(members.length).toBe(ledger.sqlite.prepare('SELECT count(*) FROM members WHERE household_id IN (SELECT id FROM households WHERE village_id = 1)').pluck().get());
    expect(members.every((x) => ids.has(x.household_id))).toBe(true);
    expect(read('villages').map((x) => x.id)).toEqual([1]);
    expect(read('vouchers')).toHaveLength(1);
    expect(read('voucher_lines')).toHaveLength(2);
    expect(read('asset_shares')).toHaveLength(1);
    expect(m.files.some((f) => f.table === 'fund_balances')).toBe(false);
  });
});

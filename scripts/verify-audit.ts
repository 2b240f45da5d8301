/**
 * Checks the audit trail of a ledger file from the command line, without the app and without
 * changing the file:
 *
 *   npx tsx scripts/verify-audit.ts <ledger.sqlite> [--expect-head <seq>:<hash>]
 *   npm run audit:verify -- <ledger.sqlite>
 *   COUNTY_LEDGER_KEY=… npm run audit:verify -- <ledger.sqlite>      (an encrypted ledger)
 *
 * Walks the SHA-256 hash chain of audit_log (db/audit.ts) and prints either
 *   OK <rows> rows, head <seq> <hash>
 * or the first broken row, and says whether the append-only triggers are still in place. A chain
 * can only prove that nothing before its last row changed: write the printed head down (or pass it
 * back with --expect-head) to notice rows cut off the end.
 *
 * Exit code 0 when the chain is intact and protected, 1 otherwise (broken, unreadable, triggers
 * gone, head mismatch, wrong usage).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { verifyAuditChain, type ChainVerdict } from '../db/audit';
import { lockedWithoutKey, type Ledger } from '../db/ledger';
import { applyKey, keyFromEnv, type LedgerKey } from '../db/crypto';
import { LedgerError } from '../db/errors';

export interface AuditReport {
  ok: boolean;
  lines: string[];
  verdict: ChainVerdict | null;
}

interface RowSummary {
  seq: number;
  at: string;
  user_name: string;
  method: string;
  entity: string;
  entity_id: string;
  action: string;
  hash: string;
}

/** The checks behind the command, as a function for tests. Opens the file read-only (keyed when a key is given). */
export function checkAuditFile(file: string, expectHead?: string, key: LedgerKey | null = null): AuditReport {
  const lines: string[] = [];
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return { ok: false, lines: [`ERROR no such file: ${file}`], verdict: null };
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, lines: [`ERROR cannot open ${file}: ${(err as Error).message}`], verdict: null };
  }
  try {
    if (key) applyKey(sqlite, key);
    sqlite.pragma('query_only = ON');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    sqlite.close();
    const refusal = (err as { code?: string }).code === 'SQLITE_NOTADB' ? lockedWithoutKey(file) : err;
    const text = refusal instanceof LedgerError ? `${refusal.message} / ${refusal.zh}` : (refusal as Error).message;
    return { ok: false, lines: [`ERROR cannot open ${file}: ${text}`], verdict: null };
  }
  try {
    const hasTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'`).get();
    if (!hasTable) return { ok: false, lines: [`ERROR ${file} has no audit_log table: not a County Ledger file`], verdict: null };

    // verifyAuditChain only reads ledger.sqlite.
    const verdict = verifyAuditChain({ sqlite } as unknown as Ledger);
    let ok = verdict.ok;
    const row = (seq: number) =>
      sqlite.prepare('SELECT seq, at, user_name, method, entity, entity_id, action, hash FROM audit_log WHERE seq = ?').get(seq) as RowSummary | undefined;
    const describe = (r: RowSummary) => `${r.at} ${r.user_name} ${r.method} ${r.entity}#${r.entity_id} ${r.action}`;

    if (verdict.ok) {
      const head = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      lines.push(`OK ${verdict.rows} rows, head ${head ? `${head.seq} ${head.hash}` : '(empty)'}`);
    } else {
      const reason = {
        hash: 'its content does not match its hash (the row was changed)',
        link: 'it does not link to the row before it (a row before it was changed, removed or inserted)',
        gap: 'rows are missing before it (deleted)',
      }[verdict.reason];
      lines.push(`BROKEN at row ${verdict.brokenAt} (${verdict.reason}): ${reason}; ${verdict.rows} rows before it are intact`);
      const r = row(verdict.brokenAt) ?? (verdict.reason === 'gap'
        ? (sqlite.prepare('SELECT seq, at, user_name, method, entity, entity_id, action, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1').get(verdict.brokenAt) as RowSummary | undefined)
        : undefined);
      if (r) lines.push(`  ${verdict.reason === 'gap' ? 'next row present' : 'row'} ${r.seq}: ${describe(r)}`);
    }

    if (expectHead) {
      const m = /^(\d+):([0-9a-f]{64})$/i.exec(expectHead);
      if (!m) {
        lines.push(`ERROR --expect-head must be <seq>:<64 hex digits>, got ${expectHead}`);
        ok = false;
      } else {
        const r = row(Number(m[1]));
        if (!r || r.hash.toLowerCase() !== m[2]!.toLowerCase()) {
          lines.push(`MISMATCH row ${m[1]} ${r ? `has hash ${r.hash}` : 'is missing'}; expected ${m[2]}`);
          ok = false;
        } else {
          lines.push(`head ${m[1]} matches the expected hash`);
        }
      }
    }

    const triggers = sqlite
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`)
      .pluck()
      .all() as string[];
    const guards = (verb: string) => triggers.some((sql) => new RegExp(`BEFORE\\s+${verb}\\s+ON`, 'i').test(sql) && /RAISE\s*\(\s*ABORT/i.test(sql));
    const missing = ['UPDATE', 'DELETE'].filter((verb) => !guards(verb));
    if (missing.length) {
      lines.push(`WARNING the append-only trigger(s) for ${missing.join(' and ')} on audit_log are missing: the file was edited outside County Ledger`);
      ok = false;
    }
    return { ok, lines, verdict };
  } catch (err) {
    return { ok: false, lines: [`ERROR cannot read ${file}: ${(err as Error).message}`], verdict: null };
  } finally {
    sqlite.close();
  }
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'expect-head': { type: 'string' } } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length) {
    process.stderr.write('Usage: [COUNTY_LEDGER_KEY=<key>] npx tsx scripts/verify-audit.ts <ledger.sqlite> [--expect-head <seq>:<hash>]\n');
    return 1;
  }
  let key: LedgerKey | null;
  try {
    key = keyFromEnv();
  } catch (err) {
    process.stderr.write(`ERROR COUNTY_LEDGER_KEY: ${(err as Error).message}\n`);
    return 1;
  }
  const report = checkAuditFile(path.resolve(file), parsed.values['expect-head'], key);
  for (const line of report.lines) process.stdout.write(`${line}\n`);
  return report.ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('scripts', 'verify-audit.ts'))) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * Plain copies must not outlive the switch to encryption: once a ledger is encrypted, every plain
 * SQLite file left in its backups folder (daily/weekly/manual/pre-migration copies taken before
 * the switch, or a plain file someone dropped there) is encrypted in place with the ledger's key.
 * A plain file that is damaged (it fails its integrity check, or is not a database) is useless for
 * a restore but still readable by anyone, so it is deleted. Any other failure — a full disk, an
 * I/O error, a file another program holds — leaves the backup as it is, reported, to be tried
 * again on the next open: a passing problem must never cost a restore point. Re-encrypting rather than deleting keeps the
 * history a restore may need; the encrypted copies open with the same key as the ledger.
 *
 * Runs on every keyed open (db/ledger.ts); it only reads 16 bytes of each file when there is
 * nothing to do, so an open interrupted half-way (power cut) is finished the next time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { encryptLedgerFile, isEncryptedFile, type LedgerKey } from './crypto';

export interface SealReport {
  /** Backups that were plain and are now encrypted (file names). */
  encrypted: string[];
  /** Plain backups that were damaged and were deleted, with the reason. */
  removed: { name: string; reason: string }[];
  /** Plain backups that could not be encrypted this time (disk full, locked …): left as they are, retried next open. */
  kept: { name: string; reason: string }[];
}

/** Only a damaged file is deleted; anything else may pass. */
function isDamaged(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'CORRUPT' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

export function sealPlainBackups(ledgerPath: string, key: LedgerKey): SealReport {
  const report: SealReport = { encrypted: [], removed: [], kept: [] };
  const dir = path.join(path.dirname(path.resolve(ledgerPath)), 'backups');
  if (!fs.existsSync(dir)) return report;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // Dot-files are copies being written right now (db/system/backup.ts `.<name>.partial`).
    if (!entry.isFile() || entry.name.startsWith('.') || /\.encrypting$|-(wal|shm|journal)$/.test(entry.name)) continue;
    const file = path.join(dir, entry.name);
    if (fs.statSync(file).size === 0 || isEncryptedFile(file)) continue;
    try {
      encryptLedgerFile(file, key);
      report.encrypted.push(entry.name);
    } catch (err) {
      const reason = (err as Error).message;
      if (!isDamaged(err)) {
        report.kept.push({ name: entry.name, reason });
        continue;
      }
      try {
        for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
        report.removed.push({ name: entry.name, reason });
      } catch (rmErr) {
        report.kept.push({ name: entry.name, reason: `${reason}; ${(rmErr as Error).message}` });
      }
    }
  }
  return report;
}

/**
 * Encryption at rest for the ledger file. openLedger (db/ledger.ts) takes a key and uses these;
 * the desktop and the web host supply it (docs/SECURITY.md "Encryption at rest").
 *
 * It needs better-sqlite3 to be the SQLite3 Multiple Ciphers build, which is API-identical:
 *   "better-sqlite3": "npm:better-sqlite3-multiple-ciphers@12.11.1"   (package.json alias)
 * With a plain build every cipher PRAGMA here would be silently ignored by SQLite, so each entry
 * point first checks `cipherSupported` and refuses — a ledger must never be believed encrypted
 * while it is not.
 *
 * Format: SQLCipher 4 (`cipher=sqlcipher`, `legacy=4`: AES-256-CBC, HMAC-SHA512 per page,
 * PBKDF2-HMAC-SHA512 with 256,000 iterations for passphrases), so an encrypted ledger can also be
 * opened with SQLCipher ≥ 4 tools (sqlcipher CLI, DB Browser for SQLite) given the key. The WAL
 * file is encrypted too.
 *
 * Keys: the web host reads COUNTY_LEDGER_KEY (a passphrase of 16+ characters, or 64 hex digits
 * for a raw 256-bit key); the desktop keeps a random raw key sealed with Electron safeStorage
 * (electron/main/keychain.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from './errors';

export const KEY_ENV = 'COUNTY_LEDGER_KEY';
export const CIPHER_SETTINGS = { cipher: 'sqlcipher', legacy: 4 } as const;

/** A passphrase goes through PBKDF2 (≈ 160 ms per open); a raw key is used as it is. */
export type LedgerKey = { kind: 'passphrase'; passphrase: string } | { kind: 'raw'; hex: string };

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const refuse = (code: LedgerError['code'], en: string, zh: string): never => {
  throw new LedgerError(code, { en, zh });
};

/** Parses key material: 64 hex digits are a raw key; anything else is a passphrase of 16+ characters. */
export function parseKey(material: string): LedgerKey {
  const s = material.trim();
  if (/^[0-9a-f]{64}$/i.test(s)) return { kind: 'raw', hex: s.toLowerCase() };
  // The recovery sheet's form (electron/main/keychain.ts recoveryKey): 16 groups of 4 hex digits.
  if (/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/i.test(s)) return { kind: 'raw', hex: s.replace(/-/g, '').toLowerCase() };
  if ([...s].length < 16) {
    refuse('INVALID_INPUT', 'The ledger key must be a passphrase of at least 16 characters or 64 hex digits', '台账密钥须为至少 16 个字符的口令或 64 位十六进制数');
  }
  return { kind: 'passphrase', passphrase: s };
}

/** The web host's key: COUNTY_LEDGER_KEY, or null when it is not set (plain ledger). */
export function keyFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerKey | null {
  const raw = env[KEY_ENV];
  return raw === undefined || raw === '' ? null : parseKey(raw);
}

/** True when this SQLite build understands the cipher PRAGMAs (SQLite3 Multiple Ciphers). */
export function cipherSupported(sqlite: Database.Database): boolean {
  return (sqlite.pragma('cipher') as unknown[]).length > 0;
}

function assertCipherSupport(sqlite: Database.Database): void {
  if (!cipherSupported(sqlite)) {
    refuse('INTERNAL',
      'This build of County Ledger has no encryption support (better-sqlite3 is not the SQLite3 Multiple Ciphers build); the ledger was not opened',
      '本版本软件不支持加密（better-sqlite3 不是多重加密版本），未打开台账');
  }
}

/** True when the file exists, is not empty and does not start with the plain SQLite header. */
export function isEncryptedFile(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    return !head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const keyPragma = (key: LedgerKey) => (key.kind === 'raw' ? `key = "x'${key.hex}'"` : `key = ${quote(key.passphrase)}`);

function selectCipher(sqlite: Database.Database, schema = 'main'): void {
  sqlite.pragma(`${schema}.cipher = '${CIPHER_SETTINGS.cipher}'`);
  sqlite.pragma(`${schema}.legacy = ${CIPHER_SETTINGS.legacy}`);
}

/**
 * Keys a connection right after `new Database(file)`, before anything else touches the file, and
 * proves the key by reading the schema. A wrong key is LOCKED (never CORRUPT: the file is fine,
 * and "restore from a backup" would be the wrong advice).
 */
export function applyKey(sqlite: Database.Database, key: LedgerKey): void {
  assertCipherSupport(sqlite);
  selectCipher(sqlite);
  sqlite.pragma(keyPragma(key));
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
      refuse('LOCKED', 'The ledger is encrypted and this key does not open it (or the file is not a ledger)', '台账已加密，此密钥无法打开（或该文件不是台账）');
    }
    throw err;
  }
}

/** An opener for db/system/backup.ts (checking and restoring encrypted backups). */
export function keyedOpener(key: LedgerKey) {
  return (file: string, options?: { readonly?: boolean }): Database.Database => {
    const db = new Database(file, { readonly: options?.readonly ?? false, fileMustExist: true });
    try {
      applyKey(db, key);
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  };
}

/** Changes the key of an open, keyed ledger (key rotation). Needs the only connection to the file. */
export function rekeyLedger(sqlite: Database.Database, newKey: LedgerKey): void {
  assertCipherSupport(sqlite);
  // SQLite3 Multiple Ciphers: "Rekeying is not supported in WAL journal mode."
  const mode = sqlite.pragma('journal_mode', { simple: true }) as string;
  sqlite.pragma('journal_mode = DELETE');
  try {
    selectCipher(sqlite);
    sqlite.pragma(newKey.kind === 'raw' ? `rekey = "x'${newKey.hex}'"` : `rekey = ${quote(newKey.passphrase)}`);
  } finally {
    sqlite.pragma(`journal_mode = ${mode}`);
  }
}

export interface EncryptResult {
  file: string;
  /** Rows per table, equal in the plain original and the encrypted result. */
  rows: Record<string, number>;
  userVersion: number;
  /** Where the plain original went (null when it was deleted). */
  plainCopy: string | null;
}

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/**
 * Turns a plain ledger file into an encrypted one, in place, with the app's connection CLOSED:
 * 1. VACUUM INTO a consistent plain snapshot next to the file (`<file>.encrypting`);
 * 2. encrypt the snapshot with PRAGMA rekey (rollback-journal mode; sqlcipher_export does not
 *    exist in SQLite3 Multiple Ciphers, and the online backup API refuses plain → encrypted);
 * 3. reopen it with the key: integrity_check, user_version and every table's row count must equal
 *    the original's, and the file must no longer start with the plain SQLite header;
 * 4. swap it in (rename: atomic); the plain original is moved to `keepPlainCopyAt` or deleted.
 * Any failure before the swap leaves the original untouched. Plain backups made earlier
 * (backups/*.sqlite) are encrypted by openLedger afterwards (db/sealBackups.ts).
 */
export function encryptLedgerFile(file: string, key: LedgerKey, options: { keepPlainCopyAt?: string } = {}): EncryptResult {
  if (isEncryptedFile(file)) refuse('CONFLICT', `${file} is already encrypted`, `${file} 已经加密`);
  const staging = `${file}.encrypting`;
  const cleanup = () => {
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`, `${staging}-journal`]) fs.rmSync(f, { force: true });
  };
  cleanup();

  const source = new Database(file, { fileMustExist: true });
  let rows: Record<string, number>;
  let userVersion: number;
  try {
    assertCipherSupport(source);
    if (source.pragma('quick_check', { simple: true }) !== 'ok') refuse('CORRUPT', `${file} failed its integrity check; it was not encrypted`, `${file} 完整性检查未通过，未加密`);
    rows = rowCounts(source);
    userVersion = source.pragma('user_version', { simple: true }) as number;
    source.prepare('VACUUM INTO ?').run(staging);
  } finally {
    source.close();
  }

  try {
    const target = new Database(staging, { fileMustExist: true });
    try {
      target.pragma('journal_mode = DELETE');
      selectCipher(target);
      target.pragma(key.kind === 'raw' ? `rekey = "x'${key.hex}'"` : `rekey = ${quote(key.passphrase)}`);
    } finally {
      target.close();
    }
    if (!isEncryptedFile(staging)) refuse('INTERNAL', 'Encryption did not take effect; the ledger was left as it was', '加密未生效，台账保持原样');
    const check = keyedOpener(key)(staging);
    try {
      const ok = check.pragma('integrity_check', { simple: true }) === 'ok'
        && check.pragma('user_version', { simple: true }) === userVersion
        && JSON.stringify(rowCounts(check)) === JSON.stringify(rows);
      if (!ok) refuse('INTERNAL', 'The encrypted copy did not match the original; the ledger was left as it was', '加密副本与原文件不一致，台账保持原样');
    } finally {
      check.close();
    }
  } catch (err) {
    cleanup();
    throw err;
  }

  let plainCopy: string | null = null;
  if (options.keepPlainCopyAt) {
    fs.mkdirSync(path.dirname(options.keepPlainCopyAt), { recursive: true });
    fs.copyFileSync(file, options.keepPlainCopyAt);
    plainCopy = options.keepPlainCopyAt;
  }
  for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(staging, file);
  return { file, rows, userVersion, plainCopy };
}

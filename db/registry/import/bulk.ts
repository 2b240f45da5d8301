/**
 * Bulk writing for large imports: a big page cache, and the secondary indexes of the registry's
 * big tables dropped and rebuilt from their own stored SQL (generateCounty's BULK_TABLES pattern,
 * db/demo/generate.ts). Building an index from the finished table sorts once; inserting random
 * keys (names, pinyin, ID numbers, phones) into a dozen indexes row by row thrashes the cache.
 * The caller runs this inside the import's transaction, so a failure or a crash rolls the drop
 * back with everything else and the schema ends up as it was.
 */
import type { Ledger } from '../../ledger';

const TABLES = ['households', 'members'] as const;
/** 256 MB while the import runs; the connection's own size is restored afterwards. */
const IMPORT_CACHE_KIB = 262_144;
/**
 * Rebuilding re-reads every row already in the tables, so it pays only when the import writes a
 * good share of them: at least this many members, and at least as many as are registered.
 */
const REBUILD_MIN_ROWS = 5_000;

/** Runs `fn` with a larger page cache. */
export function withImportCache<T>(ledger: Ledger, fn: () => T): T {
  const cacheSize = ledger.sqlite.pragma('cache_size', { simple: true }) as number;
  ledger.sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    ledger.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Whether writing `members` new member rows is worth dropping and rebuilding the indexes. */
export function worthRebuilding(ledger: Ledger, members: number): boolean {
  if (members < REBUILD_MIN_ROWS) return false;
  const registered = ledger.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;
  return members >= registered;
}

/**
 * Runs `write` with the non-unique secondary indexes of households and members dropped, then
 * re-creates them. Unique indexes stay, so uniqueness is still enforced row by row. Must run
 * inside a transaction.
 */
export function withoutSecondaryIndexes<T>(ledger: Ledger, write: () => T): T {
  if (!ledger.sqlite.inTransaction) throw new Error('withoutSecondaryIndexes needs a transaction');
  const indexes = (ledger.sqlite
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
               AND tbl_name IN (${TABLES.map(() => '?').join(', ')}) ORDER BY rowid`)
    .all(...TABLES) as { name: string; sql: string }[])
    .filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql));
  for (const i of indexes) ledger.sqlite.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  const result = write();
  for (const i of indexes) ledger.sqlite.exec(i.sql);
  return result;
}

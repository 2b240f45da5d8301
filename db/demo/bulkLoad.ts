/** Runs the generator's writes as one fast bulk load: one transaction, a big page cache, indexes built once. */
import type { Sqlite } from './context';

/** Tables loaded in bulk (their secondary indexes are rebuilt once at the end). */
const BULK_TABLES = ['households', 'members', 'household_cadres', 'status_events', 'incomes', 'support_measures'] as const;

/**
 * Runs `load`, then `finish`, in one IMMEDIATE transaction. The secondary indexes of the big tables are dropped
 * and then re-created from their own stored SQL at the end of this same transaction (building an
 * index from sorted data is about twice as fast as inserting random keys row by row). The schema
 * ends up byte-identical before `finish` runs, and a failure anywhere rolls all of it back.
 *
 * Random-order index inserts (names, pinyin, ID numbers, phones) thrash SQLite's default 2 MB
 * page cache; a larger cache for the duration of the load makes it several times faster.
 */
export function bulkLoad<T>(sqlite: Sqlite, load: () => void, finish: () => T): T {
  const run = () => {
    const bulkIndexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')}) ORDER BY rowid`)
      .all(...BULK_TABLES) as { name: string; sql: string }[];
    for (const i of bulkIndexes) sqlite.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
    load();
    for (const i of bulkIndexes) sqlite.exec(i.sql);
    return finish();
  };
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  try {
    return sqlite.transaction(run).immediate();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

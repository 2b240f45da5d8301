import type Database from 'better-sqlite3';
import type { Ledger } from '../ledger';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for `sql`, prepared once per connection (as db/audit.ts keeps its own): posting
 * a distribution runs the same few statements for tens of thousands of lines, and preparing them
 * again each time was a large part of its cost. The cache goes away with the connection.
 * `pluck` is part of the key, so a cached statement never changes mode under another caller.
 */
export function prepared(ledger: Ledger, sql: string, opts: { pluck?: boolean } = {}): Database.Statement {
  let statements = cache.get(ledger.sqlite);
  if (!statements) {
    statements = new Map();
    cache.set(ledger.sqlite, statements);
  }
  const key = opts.pluck ? `pluck:${sql}` : sql;
  let statement = statements.get(key);
  if (!statement) {
    statement = ledger.sqlite.prepare(sql);
    if (opts.pluck) statement.pluck();
    statements.set(key, statement);
  }
  return statement;
}

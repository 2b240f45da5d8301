import { check, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/**
 * drizzle-kit cannot emit STRICT tables, so every column gets a CHECK on its storage class instead:
 * SQLite's type affinity would otherwise quietly store 'abc' in an INTEGER money column.
 * Booleans are additionally limited to 0 and 1.
 */
export function typeChecks(table: string, columns: Record<string, SQLiteColumn>) {
  return Object.values(columns).flatMap((col) => {
    const name = `"${col.name}"`;
    const nullable = col.notNull ? '' : `${name} IS NULL OR `;
    switch (col.columnType) {
      case 'SQLiteInteger':
      case 'SQLiteTimestamp':
        return [check(`${table}_${col.name}_int`, sql.raw(`${nullable}typeof(${name}) = 'integer'`))];
      case 'SQLiteBoolean':
        return [check(`${table}_${col.name}_bool`, sql.raw(`${nullable}${name} IN (0, 1)`))];
      case 'SQLiteText':
      case 'SQLiteTextJson':
        return [check(`${table}_${col.name}_text`, sql.raw(`${nullable}typeof(${name}) = 'text'`))];
      default:
        return [];
    }
  });
}

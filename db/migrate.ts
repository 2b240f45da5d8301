import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  /** 1-based schema version this migration brings the ledger to. */
  version: number;
  tag: string;
  statements: string[];
}

/**
 * Next to this file in the source tree, and copied next to the bundle by the build
 * (electron.config.ts), so the same lookup works in tests and in the app.
 */
export function defaultMigrationsDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

/** Reads drizzle-kit's journal and SQL files, in journal order. */
export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry, i) => {
      if (entry.idx !== i) throw new Error(`migration journal has a gap at ${i} (${entry.tag})`);
      const sqlText = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      const statements = sqlText
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
      return { version: i + 1, tag: entry.tag, statements };
    });
}

import type { Ledger } from '../ledger';

/** Runs fn in one SQLite transaction: all of it commits, or none of it. */
export function inTransaction<T>(ledger: Ledger, fn: () => T): T {
  return ledger.sqlite.transaction(fn).immediate();
}

export const nowIso = (): string => new Date().toISOString();
export const today = (): string => nowIso().slice(0, 10);

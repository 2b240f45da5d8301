/** Today as the ledger counts it (UTC, like db/shared/tx.ts `today`). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

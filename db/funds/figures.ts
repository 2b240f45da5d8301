import type { Ledger } from '../ledger';

/**
 * Posted lines on accounts of one fund role. Spending is the net debit on 'use' accounts
 * (a reversal or a settlement between two use accounts nets out); receipts are the net credit on
 * 'receipt' accounts.
 */
export const POSTED_ROLE_LINES = (role: 'use' | 'receipt') => `FROM voucher_lines l
  JOIN vouchers v ON v.id = l.voucher_id AND v.status = 'posted'
  JOIN fund_accounts a ON a.id = l.account_id AND a.fund_role = '${role}'`;

/** Net posted spending of a source on one project, or outside every project (projectId null). */
export function spentOn(ledger: Ledger, sourceId: number, projectId: number | null): number {
  return ledger.sqlite
    .prepare(`SELECT coalesce(sum(l.debit_fen) - sum(l.credit_fen), 0) ${POSTED_ROLE_LINES('use')}
               WHERE l.source_id = ? AND l.project_id IS ?`)
    .pluck().get(sourceId, projectId) as number;
}

export function spentFromSource(ledger: Ledger, sourceId: number): number {
  return ledger.sqlite
    .prepare(`SELECT coalesce(sum(l.debit_fen) - sum(l.credit_fen), 0) ${POSTED_ROLE_LINES('use')} WHERE l.source_id = ?`)
    .pluck().get(sourceId) as number;
}

/** What the county allocated from a source to a project (all rows, reductions included). */
export function allocatedTo(ledger: Ledger, sourceId: number, projectId: number): number {
  return ledger.sqlite
    .prepare('SELECT coalesce(sum(amount_fen), 0) FROM fund_allocations WHERE source_id = ? AND project_id = ?')
    .pluck().get(sourceId, projectId) as number;
}

/** What the county allocated from a source to all projects together. */
export function allocatedFrom(ledger: Ledger, sourceId: number): number {
  return ledger.sqlite.prepare('SELECT coalesce(sum(amount_fen), 0) FROM fund_allocations WHERE source_id = ?').pluck().get(sourceId) as number;
}

export function hasRows(ledger: Ledger, sql: string, ...params: unknown[]): boolean {
  return ledger.sqlite.prepare(sql).get(...params) !== undefined;
}


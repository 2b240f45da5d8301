/**
 * Spending progress by fund source: the funds module's own source execution (funds/execution.ts),
 * so the dashboard shows exactly what the sources page and the fund execution report show.
 * Sources are county-wide; the area filter does not apply to them.
 */
import type { Ledger } from '../ledger';
import { sourceExecution } from '../funds/execution';

export function fundProgress(ledger: Ledger, year: number | undefined) {
  const r = sourceExecution(ledger, { year });
  return {
    year: year ?? null,
    sources: r.rows.map((s) => ({
      id: s.id, level: s.level, type: s.type, year: s.year, docNo: s.docNo, title: s.title,
      amountFen: s.amountFen, receivedFen: s.receivedFen, allocatedFen: s.allocatedFen, spentFen: s.spentFen, progressBp: s.progressBp,
    })),
    totals: r.totals,
  };
}

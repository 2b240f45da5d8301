/** The poverty line (扶贫标准) per year, in fen per person per year; the county sets it. */
import { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { inTransaction } from '../shared/tx';
import { fen, year } from '../shared/zod';

export const setPovertyLineInput = z.object({
  year,
  perCapitaFen: fen.refine((v) => v > 0, 'The poverty line must be above zero'),
});

export interface PovertyLine {
  year: number;
  perCapitaFen: number;
}

export function listPovertyLines(ledger: Ledger): PovertyLine[] {
  return ledger.sqlite.prepare('SELECT year, per_capita_fen AS perCapitaFen FROM poverty_lines ORDER BY year DESC').all() as PovertyLine[];
}

export function povertyLine(ledger: Ledger, yearNo: number): number | null {
  return (ledger.sqlite.prepare('SELECT per_capita_fen FROM poverty_lines WHERE year = ?').pluck().get(yearNo) as number | undefined) ?? null;
}

export function setPovertyLine(ledger: Ledger, actor: Actor, raw: z.input<typeof setPovertyLineInput>): PovertyLine {
  const input = setPovertyLineInput.parse(raw);
  return inTransaction(ledger, () => {
    const before = povertyLine(ledger, input.year);
    ledger.sqlite
      .prepare('INSERT INTO poverty_lines (year, per_capita_fen) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET per_capita_fen = excluded.per_capita_fen')
      .run(input.year, input.perCapitaFen);
    appendAudit(ledger, actor, { entity: 'poverty_line', entityId: input.year, action: before === null ? 'create' : 'update', before, after: input });
    return input;
  });
}

/** Support measures (帮扶措施) given to a household, per year. */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { supportMeasures } from '../schema';
import { appendAudit } from '../audit';
import { notFound } from '../errors';
import { inTransaction } from '../shared/tx';
import { id, nonNegativeFen, year, zCode } from '../shared/zod';
import type { SupportMeasure } from '../codes';
import { loadHousehold } from './households';

const measureFields = z.object({
  year,
  measure: zCode('supportMeasure'),
  detail: z.string().trim().max(300).default(''),
  /** Money the measure brought the household, if any (fen). */
  amountFen: nonNegativeFen.default(0),
});

export const addMeasureInput = measureFields.extend({ householdId: id });
export const updateMeasureInput = z.object({ measureId: id, fields: measureFields });
export const deleteMeasureInput = z.object({ measureId: id });

export interface MeasureView {
  id: number;
  householdId: number;
  year: number;
  measure: SupportMeasure;
  detail: string;
  amountFen: number;
}

const COLUMNS = 'id, household_id AS householdId, year, measure, detail, amount_fen AS amountFen';

export function listMeasures(ledger: Ledger, householdId: number): MeasureView[] {
  return ledger.sqlite.prepare(`SELECT ${COLUMNS} FROM support_measures WHERE household_id = ? ORDER BY year DESC, id`).all(householdId) as MeasureView[];
}

function loadMeasure(ledger: Ledger, measureId: number): MeasureView {
  const row = ledger.sqlite.prepare(`SELECT ${COLUMNS} FROM support_measures WHERE id = ?`).get(measureId) as MeasureView | undefined;
  if (!row) notFound('Support measure', '帮扶措施', measureId);
  return row;
}

export function addMeasure(ledger: Ledger, actor: Actor, raw: z.input<typeof addMeasureInput>): { id: number } {
  const input = addMeasureInput.parse(raw);
  return inTransaction(ledger, () => {
    loadHousehold(ledger, input.householdId);
    const row = ledger.db.insert(supportMeasures).values(input).returning({ id: supportMeasures.id }).get();
    appendAudit(ledger, actor, { entity: 'support_measure', entityId: row.id, action: 'create', after: input });
    return row;
  });
}

export function updateMeasure(ledger: Ledger, actor: Actor, raw: z.input<typeof updateMeasureInput>): void {
  const { measureId, fields } = updateMeasureInput.parse(raw);
  inTransaction(ledger, () => {
    const before = loadMeasure(ledger, measureId);
    ledger.db.update(supportMeasures).set(fields).where(eq(supportMeasures.id, measureId)).run();
    appendAudit(ledger, actor, { entity: 'support_measure', entityId: measureId, action: 'update', before, after: fields });
  });
}

export function deleteMeasure(ledger: Ledger, actor: Actor, raw: z.input<typeof deleteMeasureInput>): void {
  const { measureId } = deleteMeasureInput.parse(raw);
  inTransaction(ledger, () => {
    const before = loadMeasure(ledger, measureId);
    ledger.db.delete(supportMeasures).where(eq(supportMeasures.id, measureId)).run();
    appendAudit(ledger, actor, { entity: 'support_measure', entityId: measureId, action: 'delete', before });
  });
}

/** Responsible cadres (帮扶责任人) and their assignment to households. */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { cadres, householdCadres } from '../schema';
import { appendAudit } from '../audit';
import { invalid, notFound } from '../errors';
import { inTransaction } from '../shared/tx';
import { id, isoDate, pageInput, type Page } from '../shared/zod';
import { loadHousehold } from './households';
import { phone, text } from './schemas';

const cadreFields = z.object({
  name: text(30).min(1, 'A name is required'),
  unit: text(60).default(''),
  post: text(40).default(''),
  phone: phone.default(''),
});
export const createCadreInput = cadreFields;
export const updateCadreInput = z.object({ cadreId: id, fields: cadreFields });
export const assignCadreInput = z.object({ householdId: id, cadreId: id, fromDate: isoDate });
export const endAssignmentInput = z.object({ assignmentId: id, toDate: isoDate });
export const cadreQuery = pageInput.extend({ q: z.string().trim().max(40).default('') });

export interface CadreRow {
  id: number;
  name: string;
  unit: string;
  post: string;
  phone: string;
  /** Households the cadre currently helps. */
  households: number;
}

export function listCadres(ledger: Ledger, raw: z.input<typeof cadreQuery>): Page<CadreRow> {
  const q = cadreQuery.parse(raw);
  const where = q.q ? 'WHERE c.name LIKE @like OR c.unit LIKE @like OR c.phone LIKE @like' : '';
  const params = { like: `%${q.q}%`, limit: q.limit, offset: q.offset };
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM cadres c ${where}`).pluck().get(params) as number;
  const rows = ledger.sqlite
    .prepare(
      `SELECT c.id, c.name, c.unit, c.post, c.phone,
              (SELECT count(*) FROM household_cadres hc WHERE hc.cadre_id = c.id AND hc.to_date IS NULL) AS households
         FROM cadres c ${where} ORDER BY c.name, c.id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as CadreRow[];
  return { rows, total, offset: q.offset, limit: q.limit };
}

function loadCadre(ledger: Ledger, cadreId: number) {
  const row = ledger.db.select().from(cadres).where(eq(cadres.id, cadreId)).get();
  if (!row) notFound('Cadre', '帮扶责任人', cadreId);
  return row;
}

export function createCadre(ledger: Ledger, actor: Actor, raw: z.input<typeof createCadreInput>): { id: number } {
  const input = createCadreInput.parse(raw);
  return inTransaction(ledger, () => {
    const row = ledger.db.insert(cadres).values(input).returning({ id: cadres.id }).get();
    appendAudit(ledger, actor, { entity: 'cadre', entityId: row.id, action: 'create', after: input });
    return row;
  });
}

export function updateCadre(ledger: Ledger, actor: Actor, raw: z.input<typeof updateCadreInput>): void {
  const { cadreId, fields } = updateCadreInput.parse(raw);
  inTransaction(ledger, () => {
    const before = loadCadre(ledger, cadreId);
    ledger.db.update(cadres).set(fields).where(eq(cadres.id, cadreId)).run();
    appendAudit(ledger, actor, { entity: 'cadre', entityId: cadreId, action: 'update', before, after: fields });
  });
}

export interface AssignmentView {
  id: number;
  cadreId: number;
  name: string;
  unit: string;
  post: string;
  phone: string;
  fromDate: string;
  toDate: string | null;
}

/** A household's cadres, current ones first. */
export function householdCadreList(ledger: Ledger, householdId: number): AssignmentView[] {
  return ledger.sqlite
    .prepare(
      `SELECT hc.id, c.id AS cadreId, c.name, c.unit, c.post, c.phone, hc.from_date AS fromDate, hc.to_date AS toDate
         FROM household_cadres hc JOIN cadres c ON c.id = hc.cadre_id
        WHERE hc.household_id = ? ORDER BY hc.to_date IS NOT NULL, hc.from_date DESC`,
    )
    .all(householdId) as AssignmentView[];
}

export function assignCadre(ledger: Ledger, actor: Actor, raw: z.input<typeof assignCadreInput>): { id: number } {
  const input = assignCadreInput.parse(raw);
  return inTransaction(ledger, () => {
    loadHousehold(ledger, input.householdId);
    loadCadre(ledger, input.cadreId);
    const current = ledger.sqlite
      .prepare('SELECT 1 FROM household_cadres WHERE household_id = ? AND cadre_id = ? AND to_date IS NULL')
      .get(input.householdId, input.cadreId);
    if (current) invalid('cadreId', 'This cadre already helps the household', '该责任人已在帮扶此户');
    const row = ledger.db.insert(householdCadres).values(input).returning({ id: householdCadres.id }).get();
    appendAudit(ledger, actor, { entity: 'household', entityId: input.householdId, action: 'assign_cadre', after: input });
    return row;
  });
}

export function endAssignment(ledger: Ledger, actor: Actor, raw: z.input<typeof endAssignmentInput>): void {
  const input = endAssignmentInput.parse(raw);
  inTransaction(ledger, () => {
    const before = ledger.db.select().from(householdCadres).where(eq(householdCadres.id, input.assignmentId)).get();
    if (!before) notFound('Assignment', '帮扶关系', input.assignmentId);
    if (before.toDate) invalid('assignmentId', 'This assignment has already ended', '该帮扶关系已结束');
    if (input.toDate < before.fromDate) invalid('toDate', `The end cannot precede the start (${before.fromDate})`, `结束日期不能早于开始日期（${before.fromDate}）`);
    ledger.db.update(householdCadres).set({ toDate: input.toDate }).where(eq(householdCadres.id, input.assignmentId)).run();
    appendAudit(ledger, actor, { entity: 'household', entityId: before.householdId, action: 'end_cadre', before, after: input });
  });
}

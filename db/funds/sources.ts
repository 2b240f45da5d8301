import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { invalid, notFound } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { formatFen } from '../rules/money';
import { allocateInput, allocationQuery, sourceFields, updateSourceInput } from './schemas';
import { allocatedFrom, allocatedTo, hasRows, spentFromSource, spentOn } from './figures';
import { getProjectHead } from './projects';
import { receiptAccountCode } from './format';

export interface SourceRow {
  id: number;
  level: string;
  type: string;
  year: number;
  docNo: string;
  title: string;
  amountFen: number;
  issuedOn: string | null;
  note: string;
}

const SOURCE_COLUMNS = 'id, level, type, year, doc_no AS docNo, title, amount_fen AS amountFen, issued_on AS issuedOn, note';

export function getSource(ledger: Ledger, sourceId: number): SourceRow {
  const row = ledger.sqlite.prepare(`SELECT ${SOURCE_COLUMNS} FROM fund_sources WHERE id = ?`).get(sourceId) as SourceRow | undefined;
  if (!row) notFound('Fund source', '资金来源', sourceId);
  return row;
}

function assertDocFree(ledger: Ledger, f: { docNo: string; level: string; type: string }, selfId = -1): void {
  if (hasRows(ledger, 'SELECT 1 FROM fund_sources WHERE doc_no = ? AND level = ? AND type = ? AND id <> ?', f.docNo, f.level, f.type, selfId)) {
    invalid('docNo', `A source of this level and type with document number ${f.docNo} is already recorded`, `已登记过同级次、同类型、文号为 ${f.docNo} 的资金`);
  }
}

export function createSource(ledger: Ledger, actor: Actor, raw: z.input<typeof sourceFields>): { id: number } {
  const input = sourceFields.parse(raw);
  return inTransaction(ledger, () => {
    assertDocFree(ledger, input);
    const created = ledger.sqlite
      .prepare(`INSERT INTO fund_sources (level, type, year, doc_no, title, amount_fen, issued_on, note, created_by, created_at)
                VALUES (@level, @type, @year, @docNo, @title, @amountFen, @issuedOn, @note, @createdBy, @createdAt) RETURNING id`)
      .get({ ...input, issuedOn: input.issuedOn ?? null, createdBy: actor.userId, createdAt: nowIso() }) as { id: number };
    appendAudit(ledger, actor, { entity: 'fund_source', entityId: created.id, action: 'create', after: input });
    return created;
  });
}

/**
 * Corrects a source. Its amount may not fall below what is already allocated or spent from it,
 * and its level and type are fixed once money of it is in the books.
 */
export function updateSource(ledger: Ledger, actor: Actor, raw: z.input<typeof updateSourceInput>): SourceRow {
  const { sourceId, fields } = updateSourceInput.parse(raw);
  return inTransaction(ledger, () => {
    const before = getSource(ledger, sourceId);
    const next = { ...before, ...fields };
    assertDocFree(ledger, next, sourceId);
    if ((next.level !== before.level || next.type !== before.type) && hasRows(ledger, 'SELECT 1 FROM voucher_lines WHERE source_id = ? LIMIT 1', sourceId)) {
      invalid('type', 'Level and type cannot change once the source has entries in the books', '该资金已有记账记录，不能修改级次或类型');
    }
    const floor = Math.max(allocatedFrom(ledger, sourceId) + spentOn(ledger, sourceId, null), spentFromSource(ledger, sourceId));
    if (next.amountFen < floor) {
      invalid('amountFen', `The amount cannot be below ${formatFen(floor)}, already allocated to projects or spent`,
        `金额不能低于已分配到项目或已支出的 ${formatFen(floor)} 元`);
    }
    ledger.sqlite
      .prepare(`UPDATE fund_sources SET level = @level, type = @type, year = @year, doc_no = @docNo, title = @title,
                amount_fen = @amountFen, issued_on = @issuedOn, note = @note WHERE id = @id`)
      .run({ ...next, issuedOn: next.issuedOn ?? null });
    const after = getSource(ledger, sourceId);
    appendAudit(ledger, actor, { entity: 'fund_source', entityId: sourceId, action: 'update', before, after });
    return after;
  });
}

export interface SourceOption extends SourceRow {
  /** The account the money of this source is credited to on arrival. */
  receiptAccount: string;
}

export function sourceOptions(ledger: Ledger): SourceOption[] {
  const rows = ledger.sqlite.prepare(`SELECT ${SOURCE_COLUMNS} FROM fund_sources ORDER BY year DESC, doc_no`).all() as SourceRow[];
  return rows.map((r) => ({ ...r, receiptAccount: receiptAccountCode(r.type, r.level) }));
}

/**
 * Allocates (or, with a negative amount, reduces) money of a source to a project. The source
 * cannot be allocated beyond its amount minus what it already paid outside projects, and a
 * reduction cannot take a project below what it already spent.
 */
export function allocate(ledger: Ledger, actor: Actor, raw: z.input<typeof allocateInput>): { id: number } {
  const input = allocateInput.parse(raw);
  return inTransaction(ledger, () => {
    const source = getSource(ledger, input.sourceId);
    const project = getProjectHead(ledger, input.projectId);
    const available = source.amountFen - allocatedFrom(ledger, source.id) - spentOn(ledger, source.id, null);
    if (input.amountFen > available) {
      invalid('amountFen', `Source ${source.docNo} has only ${formatFen(available)} left to allocate (amount ${formatFen(source.amountFen)}); this allocation is ${formatFen(input.amountFen)}`,
        `资金 ${source.docNo} 可分配余额仅 ${formatFen(available)} 元（总额 ${formatFen(source.amountFen)} 元），本次分配 ${formatFen(input.amountFen)} 元`);
    }
    const after = allocatedTo(ledger, source.id, project.id) + input.amountFen;
    const spent = spentOn(ledger, source.id, project.id);
    if (after < Math.max(spent, 0)) {
      invalid('amountFen', `Project ${project.code} has already spent ${formatFen(spent)} of source ${source.docNo}; its allocation cannot fall to ${formatFen(after)}`,
        `项目 ${project.code} 已从资金 ${source.docNo} 支出 ${formatFen(spent)} 元，分配额不能调减至 ${formatFen(after)} 元`);
    }
    const created = ledger.sqlite
      .prepare(`INSERT INTO fund_allocations (source_id, project_id, amount_fen, doc_no, allocated_on, note, created_by, created_at)
                VALUES (@sourceId, @projectId, @amountFen, @docNo, @allocatedOn, @note, @createdBy, @createdAt) RETURNING id`)
      .get({ ...input, createdBy: actor.userId, createdAt: nowIso() }) as { id: number };
    appendAudit(ledger, actor, { entity: 'fund_allocation', entityId: created.id, action: 'create', after: input });
    return created;
  });
}

export interface AllocationRow {
  id: number;
  sourceId: number;
  sourceDocNo: string;
  sourceTitle: string;
  projectId: number;
  projectCode: string;
  projectName: string;
  amountFen: number;
  docNo: string;
  allocatedOn: string;
  note: string;
}

export function listAllocations(ledger: Ledger, raw: z.input<typeof allocationQuery>): AllocationRow[] {
  const q = allocationQuery.parse(raw);
  return ledger.sqlite
    .prepare(`SELECT f.id, f.source_id AS sourceId, s.doc_no AS sourceDocNo, s.title AS sourceTitle, f.project_id AS projectId,
                     p.code AS projectCode, p.name AS projectName, f.amount_fen AS amountFen, f.doc_no AS docNo,
                     f.allocated_on AS allocatedOn, f.note
                FROM fund_allocations f JOIN fund_sources s ON s.id = f.source_id JOIN projects p ON p.id = f.project_id
               WHERE (@sourceId IS NULL OR f.source_id = @sourceId) AND (@projectId IS NULL OR f.project_id = @projectId)
               ORDER BY f.allocated_on, f.id`)
    .all({ sourceId: q.sourceId ?? null, projectId: q.projectId ?? null }) as AllocationRow[];
}

/**
 * An asset's cost, traced to the fund-ledger lines that built it. An investment line is a posted
 * debit on an account that uses special funds (project spending, transfers to implementers,
 * project assets, direct payments), not itself a reversal. Cost = Σ of the linked lines (debit −
 * credit) plus the mirror lines of their posted reversals, so a reversed investment drops out.
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { fail, invalid } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import type { Page } from '../shared/zod';
import { sumFen } from '../rules/money';
import { voucherNo } from '../funds/format';
import { costCandidatesQuery, linkCostInput, unlinkCostInput } from './schemas';
import { assetHead } from './register';

const INVESTMENT = `l.debit_fen > 0 AND v.status = 'posted' AND v.origin <> 'reversal'
  AND (SELECT fund_role FROM fund_accounts WHERE id = l.account_id) = 'use'`;

const LINE_COLUMNS = `l.id AS lineId, v.id AS voucherId, v.year, v.number, v.date, v.memo, l.summary, l.debit_fen - l.credit_fen AS amountFen,
  a.code AS accountCode, a.name_zh AS accountNameZh, a.name_en AS accountNameEn,
  s.doc_no AS sourceDocNo, p.code AS projectCode, p.name AS projectName`;
const LINE_JOINS = `JOIN vouchers v ON v.id = l.voucher_id JOIN fund_accounts a ON a.id = l.account_id
  LEFT JOIN fund_sources s ON s.id = l.source_id LEFT JOIN projects p ON p.id = l.project_id`;

interface RawLine {
  lineId: number; voucherId: number; year: number; number: number | null; date: string; memo: string; summary: string; amountFen: number;
  accountCode: string; accountNameZh: string; accountNameEn: string; sourceDocNo: string | null; projectCode: string | null; projectName: string | null;
}

export interface CostLine extends Omit<RawLine, 'year' | 'number'> {
  voucherNo: string | null;
  /** The posted reversal of the line's voucher, if any, and what it took back. */
  reversedByNo: string | null;
  reversedFen: number;
  netFen: number;
}

export interface CostTrace {
  assetId: number;
  costFen: number;
  lines: CostLine[];
}

/** The asset's cost and every line it is traced to, in date order. */
export function costTrace(ledger: Ledger, assetId: number): CostTrace {
  assetHead(ledger, assetId);
  const rows = ledger.sqlite
    .prepare(`SELECT ${LINE_COLUMNS}, rv.year AS rYear, rv.number AS rNumber, coalesce(m.debit_fen - m.credit_fen, 0) AS reversedFen
                FROM asset_cost_lines c JOIN voucher_lines l ON l.id = c.voucher_line_id ${LINE_JOINS}
                LEFT JOIN vouchers rv ON rv.reverses_id = v.id AND rv.status = 'posted'
                LEFT JOIN voucher_lines m ON m.voucher_id = rv.id AND m.line_no = l.line_no
               WHERE c.asset_id = ? ORDER BY v.date, v.year, v.number, l.line_no`)
    .all(assetId) as (RawLine & { rYear: number | null; rNumber: number | null; reversedFen: number })[];
  const lines = rows.map(({ year, number, rYear, rNumber, ...r }) => ({
    ...r,
    voucherNo: voucherNo(year, number),
    reversedByNo: rYear === null ? null : voucherNo(rYear, rNumber),
    netFen: r.amountFen + r.reversedFen,
  }));
  return { assetId, costFen: sumFen(lines.map((l) => l.netFen)), lines };
}

/** Cost of many assets at once, for lists: SQL giving the cost of asset `a`. */
export const COST_SQL = `(SELECT coalesce(sum(l.debit_fen - l.credit_fen + coalesce(m.debit_fen - m.credit_fen, 0)), 0)
  FROM asset_cost_lines c JOIN voucher_lines l ON l.id = c.voucher_line_id
  LEFT JOIN vouchers rv ON rv.reverses_id = l.voucher_id AND rv.status = 'posted'
  LEFT JOIN voucher_lines m ON m.voucher_id = rv.id AND m.line_no = l.line_no
  WHERE c.asset_id = a.id)`;

export type CandidateLine = Omit<CostLine, 'reversedByNo' | 'reversedFen' | 'netFen'>;

/** Investment lines not yet traced to any asset and not reversed, for the link dialog. */
export function costCandidates(ledger: Ledger, raw: z.input<typeof costCandidatesQuery>): Page<CandidateLine> {
  const q = costCandidatesQuery.parse(raw);
  assetHead(ledger, q.assetId);
  const where = `WHERE ${INVESTMENT} AND NOT EXISTS (SELECT 1 FROM asset_cost_lines c WHERE c.voucher_line_id = l.id)
    AND NOT EXISTS (SELECT 1 FROM vouchers rv WHERE rv.reverses_id = v.id AND rv.status = 'posted')
    AND (@projectId IS NULL OR l.project_id = @projectId)
    AND (@q = '' OR l.summary LIKE @like OR v.memo LIKE @like OR p.code LIKE @like OR p.name LIKE @like)`;
  const args = { projectId: q.projectId ?? null, q: q.q, like: `%${q.q}%` };
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM voucher_lines l ${LINE_JOINS} ${where}`).pluck().get(args) as number;
  const rows = ledger.sqlite
    .prepare(`SELECT ${LINE_COLUMNS} FROM voucher_lines l ${LINE_JOINS} ${where} ORDER BY v.date DESC, v.id DESC, l.line_no LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: q.limit, offset: q.offset }) as RawLine[];
  return { rows: rows.map(({ year, number, ...r }) => ({ ...r, voucherNo: voucherNo(year, number) })), total, offset: q.offset, limit: q.limit };
}

/** Traces lines (or every investment line of a voucher) to the asset. */
export function linkCost(ledger: Ledger, actor: Actor, raw: z.input<typeof linkCostInput>): CostTrace {
  const input = linkCostInput.parse(raw);
  return inTransaction(ledger, () => {
    const asset = assetHead(ledger, input.assetId);
    const qualifies = ledger.sqlite.prepare(`SELECT l.id FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id WHERE l.id = ? AND ${INVESTMENT}`).pluck();
    const lineIds = input.lineIds?.length
      ? input.lineIds
      : (ledger.sqlite.prepare(`SELECT l.id FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id WHERE v.id = ? AND ${INVESTMENT} ORDER BY l.line_no`)
          .pluck().all(input.voucherId) as number[]);
    if (!lineIds.length) {
      invalid('voucherId', 'That voucher has no posted investment lines (debits on accounts that use special funds)', '该凭证没有已记账的投资分录（使用专项资金科目的借方分录）');
    }
    const owner = ledger.sqlite.prepare('SELECT a.code FROM asset_cost_lines c JOIN assets a ON a.id = c.asset_id WHERE c.voucher_line_id = ?').pluck();
    const insert = ledger.sqlite.prepare('INSERT INTO asset_cost_lines (voucher_line_id, asset_id, linked_by, linked_at) VALUES (?, ?, ?, ?)');
    const at = nowIso();
    lineIds.forEach((lineId, i) => {
      if (qualifies.get(lineId) === undefined) {
        invalid(`lineIds.${i}`, `Line ${lineId} is not a posted investment line`, `分录 ${lineId} 不是已记账的投资分录`);
      }
      const taken = owner.get(lineId) as string | undefined;
      if (taken) fail('CONFLICT', `Line ${lineId} is already traced to asset ${taken}`, `分录 ${lineId} 已计入资产 ${taken}`, { field: `lineIds.${i}` });
      insert.run(lineId, asset.id, actor.userId, at);
    });
    appendAudit(ledger, actor, { entity: 'asset', entityId: asset.id, action: 'link_cost', after: { lineIds } });
    return costTrace(ledger, asset.id);
  });
}

export function unlinkCost(ledger: Ledger, actor: Actor, raw: z.input<typeof unlinkCostInput>): CostTrace {
  const input = unlinkCostInput.parse(raw);
  return inTransaction(ledger, () => {
    assetHead(ledger, input.assetId);
    const { changes } = ledger.sqlite.prepare('DELETE FROM asset_cost_lines WHERE voucher_line_id = ? AND asset_id = ?').run(input.lineId, input.assetId);
    if (changes === 0) invalid('lineId', `Line ${input.lineId} is not traced to this asset`, `分录 ${input.lineId} 未计入该资产`);
    appendAudit(ledger, actor, { entity: 'asset', entityId: input.assetId, action: 'unlink_cost', before: { lineId: input.lineId } });
    return costTrace(ledger, input.assetId);
  });
}

import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { notFound } from '../errors';
import type { Page } from '../shared/zod';
import { capitalAmount } from '../rules/money';
import { voucherQuery } from './schemas';
import { voucherNo, type VoucherStatus } from './format';

const userName = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE coalesce((SELECT display_name FROM users WHERE id = ${column}), 'system') END`;

export interface VoucherListRow {
  id: number;
  voucherNo: string | null;
  date: string;
  memo: string;
  status: VoucherStatus;
  origin: string;
  totalFen: number;
  preparedBy: string;
  reviewedBy: string | null;
  postedBy: string | null;
  reversesNo: string | null;
  reversedByNo: string | null;
}

type RawList = Omit<VoucherListRow, 'voucherNo' | 'reversesNo' | 'reversedByNo'> & {
  year: number; number: number | null; rYear: number | null; rNumber: number | null; byYear: number | null; byNumber: number | null; byId: number | null;
};

const LIST_SELECT = `SELECT v.id, v.year, v.number, v.date, v.memo, v.status, v.origin,
    (SELECT coalesce(sum(debit_fen), 0) FROM voucher_lines WHERE voucher_id = v.id) AS totalFen,
    ${userName('v.prepared_by')} AS preparedBy, ${userName('v.reviewed_by')} AS reviewedBy, ${userName('v.posted_by')} AS postedBy,
    r.year AS rYear, r.number AS rNumber, b.id AS byId, b.year AS byYear, b.number AS byNumber
  FROM vouchers v LEFT JOIN vouchers r ON r.id = v.reverses_id LEFT JOIN vouchers b ON b.reverses_id = v.id`;

function toListRow(r: RawList): VoucherListRow {
  const { year, number, rYear, rNumber, byYear, byNumber, byId, ...rest } = r;
  return {
    ...rest,
    voucherNo: voucherNo(year, number),
    reversesNo: rYear === null ? null : voucherNo(rYear, rNumber),
    reversedByNo: byId === null ? null : voucherNo(byYear!, byNumber) ?? `#${byId}`,
  };
}

/** Vouchers, posted ones by number, then drafts and reviewed ones by date. */
export function listVouchers(ledger: Ledger, raw: z.input<typeof voucherQuery>): Page<VoucherListRow> {
  const q = voucherQuery.parse(raw);
  const where = `WHERE (@year IS NULL OR v.year = @year) AND (@status IS NULL OR v.status = @status)
    AND (@from IS NULL OR v.date >= @from) AND (@to IS NULL OR v.date <= @to)
    AND (@q = '' OR v.memo LIKE @like OR v.id IN (SELECT voucher_id FROM voucher_lines WHERE summary LIKE @like))`;
  const args = { year: q.year ?? null, status: q.status ?? null, from: q.from ?? null, to: q.to ?? null, q: q.q, like: `%${q.q}%` };
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM vouchers v ${where}`).pluck().get(args) as number;
  const rows = ledger.sqlite
    .prepare(`${LIST_SELECT} ${where} ORDER BY v.status = 'posted', v.year DESC, v.number DESC, v.date DESC, v.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: q.limit, offset: q.offset }) as RawList[];
  return { rows: rows.map(toListRow), total, offset: q.offset, limit: q.limit };
}

export interface VoucherLineView {
  lineNo: number;
  accountId: number;
  accountCode: string;
  accountNameZh: string;
  accountNameEn: string;
  summary: string;
  debitFen: number;
  creditFen: number;
  sourceId: number | null;
  sourceDocNo: string | null;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  villageId: number | null;
  villageName: string | null;
  householdId: number | null;
  householdArchiveNo: string | null;
  householdHead: string | null;
  assetId: number | null;
}

export interface VoucherView extends VoucherListRow {
  year: number;
  attachments: number;
  originRef: string | null;
  reversesId: number | null;
  reversedById: number | null;
  preparedById: number;
  preparedAt: string;
  reviewedAt: string | null;
  postedAt: string | null;
  /** 大写金额 of the total. */
  totalCapital: string;
  lines: VoucherLineView[];
}

type VoucherExtras = Pick<VoucherView, 'attachments' | 'originRef' | 'reversesId' | 'preparedById' | 'preparedAt' | 'reviewedAt' | 'postedAt'>;

export function getVoucher(ledger: Ledger, voucherId: number): VoucherView {
  const raw = ledger.sqlite.prepare(`${LIST_SELECT} WHERE v.id = ?`).get(voucherId) as RawList | undefined;
  if (!raw) notFound('Voucher', '凭证', voucherId);
  const extras = ledger.sqlite
    .prepare(`SELECT attachments, origin_ref AS originRef, reverses_id AS reversesId, prepared_by AS preparedById,
                     prepared_at AS preparedAt, reviewed_at AS reviewedAt, posted_at AS postedAt FROM vouchers WHERE id = ?`)
    .get(voucherId) as VoucherExtras;
  const lines = ledger.sqlite
    .prepare(`SELECT l.line_no AS lineNo, l.account_id AS accountId, a.code AS accountCode, a.name_zh AS accountNameZh, a.name_en AS accountNameEn,
                     l.summary, l.debit_fen AS debitFen, l.credit_fen AS creditFen,
                     l.source_id AS sourceId, s.doc_no AS sourceDocNo, l.project_id AS projectId, p.code AS projectCode, p.name AS projectName,
                     l.village_id AS villageId, vg.name AS villageName, l.household_id AS householdId, h.archive_no AS householdArchiveNo,
                     h.head_name AS householdHead, l.asset_id AS assetId
                FROM voucher_lines l JOIN fund_accounts a ON a.id = l.account_id
                LEFT JOIN fund_sources s ON s.id = l.source_id LEFT JOIN projects p ON p.id = l.project_id
                LEFT JOIN villages vg ON vg.id = l.village_id LEFT JOIN households h ON h.id = l.household_id
               WHERE l.voucher_id = ? ORDER BY l.line_no`)
    .all(voucherId) as VoucherLineView[];
  const row = toListRow(raw);
  return { ...row, ...extras, year: raw.year, reversedById: raw.byId, totalCapital: capitalAmount(row.totalFen), lines };
}

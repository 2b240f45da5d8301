/**
 * Asset income (资产收益): gross income less land rent, taxes and insurance, and operation and
 * maintenance gives the distributable income. Recording it posts one system voucher, every line
 * carrying the asset (and its village):
 *   Dr 1001    special fund bank account   distributable income
 *   Dr 5201.01 land rent                   } the deductions, each when above zero
 *   Dr 5201.02 taxes and insurance         }
 *   Dr 5201.03 operation and maintenance   }
 *   Cr 4101    asset income                gross income
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { invalid } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { accountByCode } from '../funds/accounts';
import { postSystemVoucher } from '../funds/vouchers';
import { voucherNo } from '../funds/format';
import type { LineInput } from '../funds/schemas';
import { incomeInput } from './schemas';
import { assertNotDisposed, assetHead } from './register';
import { TAKEN } from './undistributed';

export const INCOME_ACCOUNTS = {
  bank: '1001',
  income: '4101',
  landRent: '5201.01',
  taxInsurance: '5201.02',
  maintenance: '5201.03',
} as const;

export function recordIncome(ledger: Ledger, actor: Actor, raw: z.input<typeof incomeInput>): { id: number; voucherId: number; voucherNo: string; distributableFen: number } {
  const input = incomeInput.parse(raw);
  return inTransaction(ledger, () => {
    const asset = assetHead(ledger, input.assetId);
    assertNotDisposed(asset);
    const deductions = input.landRentFen + input.taxInsuranceFen + input.maintenanceFen;
    const distributableFen = input.grossFen - deductions;
    if (distributableFen < 0) {
      invalid('grossFen', 'The deductions are larger than the gross income', '扣除项合计大于总收益');
    }
    const id = (ledger.sqlite.prepare('SELECT coalesce(max(id), 0) + 1 FROM asset_incomes').pluck().get() as number);
    const dims = { assetId: asset.id, villageId: asset.villageId };
    const label = `${asset.code} ${input.period || input.receivedOn}`.slice(0, 60);
    const debit = (code: string, fen: number, what: string): LineInput[] =>
      fen > 0 ? [{ accountId: accountByCode(ledger, code).id, debitFen: fen, summary: `${what} ${label}`.slice(0, 80), ...dims }] : [];
    const lines = [
      ...debit(INCOME_ACCOUNTS.bank, distributableFen, '资产收益到账'),
      ...debit(INCOME_ACCOUNTS.landRent, input.landRentFen, '土地租金'),
      ...debit(INCOME_ACCOUNTS.taxInsurance, input.taxInsuranceFen, '税费及保险'),
      ...debit(INCOME_ACCOUNTS.maintenance, input.maintenanceFen, '运营维护'),
      { accountId: accountByCode(ledger, INCOME_ACCOUNTS.income).id, creditFen: input.grossFen, summary: `资产收益 ${label}`.slice(0, 80), ...dims },
    ];
    const posted = postSystemVoucher(ledger, actor, {
      date: input.receivedOn, memo: `资产收益 ${asset.code} ${asset.name}`.slice(0, 120), lines, originRef: `asset-income:${id}`,
    });
    ledger.sqlite
      .prepare(`INSERT INTO asset_incomes (id, asset_id, received_on, period, gross_fen, land_rent_fen, tax_insurance_fen, maintenance_fen,
                  distributable_fen, voucher_id, note, created_by, created_at)
                VALUES (@id, @assetId, @receivedOn, @period, @grossFen, @landRentFen, @taxInsuranceFen, @maintenanceFen,
                  @distributableFen, @voucherId, @note, @by, @at)`)
      .run({ ...input, id, distributableFen, voucherId: posted.id, by: actor.userId, at: nowIso() });
    appendAudit(ledger, actor, { entity: 'asset_income', entityId: id, action: 'record', after: { ...input, distributableFen, voucherNo: posted.voucherNo } });
    return { id, voucherId: posted.id, voucherNo: posted.voucherNo, distributableFen };
  });
}

export interface IncomeRow {
  id: number;
  receivedOn: string;
  period: string;
  grossFen: number;
  landRentFen: number;
  taxInsuranceFen: number;
  maintenanceFen: number;
  distributableFen: number;
  voucherId: number;
  voucherNo: string | null;
  note: string;
  /** The plan it belongs to (not cancelled or reversed), if any. */
  planId: number | null;
  planStatus: string | null;
}

export function listIncomes(ledger: Ledger, assetId: number): IncomeRow[] {
  assetHead(ledger, assetId);
  const rows = ledger.sqlite
    .prepare(`SELECT i.id, i.received_on AS receivedOn, i.period, i.gross_fen AS grossFen, i.land_rent_fen AS landRentFen,
                     i.tax_insurance_fen AS taxInsuranceFen, i.maintenance_fen AS maintenanceFen, i.distributable_fen AS distributableFen,
                     i.voucher_id AS voucherId, v.year, v.number, i.note, p.id AS planId, p.status AS planStatus
                FROM asset_incomes i JOIN vouchers v ON v.id = i.voucher_id
                LEFT JOIN distribution_plans p ON p.id = (SELECT pi.plan_id FROM distribution_plan_incomes pi JOIN distribution_plans x ON x.id = pi.plan_id
                                                        WHERE pi.income_id = i.id AND x.status IN ${TAKEN})
               WHERE i.asset_id = ? ORDER BY i.received_on DESC, i.id DESC`)
    .all(assetId) as (Omit<IncomeRow, 'voucherNo'> & { year: number; number: number | null })[];
  return rows.map(({ year, number, ...r }) => ({ ...r, voucherNo: voucherNo(year, number) }));
}

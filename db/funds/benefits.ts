import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { sumFen } from '../rules/money';
import { benefitsQuery } from './schemas';

/**
 * A benefit is money the books say reached a household: the net debit of posted lines on expense
 * accounts that carry the household (direct payments, dividends, public-welfare wages …), typed by
 * the account. Reversed payments drop out.
 */
const BENEFITS = `FROM voucher_lines l
  JOIN vouchers v ON v.id = l.voucher_id AND v.status = 'posted'
  JOIN fund_accounts a ON a.id = l.account_id AND a.type = 'expense'`;

export interface BenefitLine {
  accountId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  amountFen: number;
}

export interface HouseholdBenefits {
  householdId: number;
  year: number;
  lines: BenefitLine[];
  totalFen: number;
}

/** What was paid to one household in one year, by type — the money lines of the assistance card. */
export function householdBenefits(ledger: Ledger, householdId: number, year: number): HouseholdBenefits {
  const lines = ledger.sqlite
    .prepare(`SELECT a.id AS accountId, a.code, a.name_zh AS nameZh, a.name_en AS nameEn, sum(l.debit_fen - l.credit_fen) AS amountFen
                ${BENEFITS} WHERE l.household_id = ? AND v.year = ?
               GROUP BY a.id HAVING amountFen <> 0 ORDER BY a.code`)
    .all(householdId, year) as BenefitLine[];
  return { householdId, year, lines, totalFen: sumFen(lines.map((l) => l.amountFen)) };
}

export interface BenefitRow extends BenefitLine {
  householdId: number;
  archiveNo: string;
  headName: string;
  village: string;
}

/** The same for many households at once (a village, or the county), one row per household and type. */
export function benefitsReport(ledger: Ledger, raw: z.input<typeof benefitsQuery>) {
  const q = benefitsQuery.parse(raw);
  const rows = ledger.sqlite
    .prepare(`SELECT h.id AS householdId, h.archive_no AS archiveNo, h.head_name AS headName, vg.name AS village,
                     a.id AS accountId, a.code, a.name_zh AS nameZh, a.name_en AS nameEn, sum(l.debit_fen - l.credit_fen) AS amountFen
                ${BENEFITS} JOIN households h ON h.id = l.household_id JOIN villages vg ON vg.id = h.village_id
               WHERE v.year = @year AND (@villageId IS NULL OR h.village_id = @villageId) AND (@householdId IS NULL OR h.id = @householdId)
               GROUP BY h.id, a.id HAVING amountFen <> 0 ORDER BY h.archive_no, a.code`)
    .all({ year: q.year, villageId: q.villageId ?? null, householdId: q.householdId ?? null }) as BenefitRow[];
  return { year: q.year, rows, totalFen: sumFen(rows.map((r) => r.amountFen)), households: new Set(rows.map((r) => r.householdId)).size };
}

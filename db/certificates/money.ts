/**
 * "Money received this year, by type" on the assistance card.
 *
 * THE ONE PLACE that decides where that money comes from: the fund ledger's household benefits
 * (db/funds/benefits.ts — posted payments on expense accounts that carry the household, reversals
 * netted out, typed by account). Income records (db/registry/incomes) are what the household
 * earned, not money it received, and never appear here.
 */
import type { Ledger } from '../ledger';
import type { Lang } from '../codes';
import type { IncomeLine } from '../../electron/print/types';
import { householdBenefits } from '../funds/benefits';

export function moneyReceived(ledger: Ledger, householdId: number, year: number, lang: Lang): IncomeLine[] {
  return householdBenefits(ledger, householdId, year).lines.map((l) => ({
    label: lang === 'zh' ? l.nameZh : l.nameEn,
    fen: l.amountFen,
  }));
}

/** View model of the assistance card (扶贫明白卡 / 帮扶联系卡) from the ledger. */
import type { Ledger } from '../ledger';
import { labelOf } from '../codes';
import { GUARANTEE_LABELS, guarantees } from '../rules/guarantees';
import type { AssistanceCardData, Cadre, SupportMeasure } from '../../electron/print/types';
import type { PrintContext } from './context';
import { asOfDate, householdFacts, placeOf, statusLabel } from './householdFacts';
import { moneyReceived } from './money';

const EXITED = new Set(['exited', 'exited_no_policy']);

/**
 * Food and clothing are not recorded field by field (rules/exit.ts): they count as confirmed when
 * the household's latest exit assessment up to the card's year confirmed them, or when it has
 * exited (an exit is approved only on a passed assessment or a recorded override).
 */
function foodClothingConfirmed(ledger: Ledger, householdId: number, year: number, status: string): boolean {
  if (EXITED.has(status)) return true;
  const checks = ledger.sqlite
    .prepare('SELECT checks FROM assessments WHERE household_id = ? AND year <= ? ORDER BY year DESC, id DESC LIMIT 1')
    .pluck()
    .get(householdId, year) as string | undefined;
  if (!checks) return false;
  const parsed = JSON.parse(checks) as { check: string; ok: boolean }[];
  return parsed.some((c) => c.check === 'food_clothing' && c.ok);
}

/** Cadres assigned to the household on the card's date. */
export function activeCadres(ledger: Ledger, householdId: number, asOf: string): Cadre[] {
  return ledger.sqlite
    .prepare(
      `SELECT c.name, c.unit, c.post, c.phone FROM household_cadres hc JOIN cadres c ON c.id = hc.cadre_id
        WHERE hc.household_id = ? AND hc.from_date <= @asOf AND (hc.to_date IS NULL OR hc.to_date >= @asOf)
        ORDER BY hc.from_date, hc.id`,
    )
    .all(householdId, { asOf }) as Cadre[];
}

function measuresOfYear(ledger: Ledger, householdId: number, ctx: PrintContext): SupportMeasure[] {
  const rows = ledger.sqlite
    .prepare('SELECT year, measure, detail FROM support_measures WHERE household_id = ? AND year = ? ORDER BY id')
    .all(householdId, ctx.year) as { year: number; measure: string; detail: string }[];
  return rows.map((r) => ({ year: r.year, label: labelOf('supportMeasure', r.measure, ctx.lang), detail: r.detail }));
}

export function assistanceCardData(ledger: Ledger, householdId: number, ctx: PrintContext, serial = ''): AssistanceCardData {
  const { household: h, members } = householdFacts(ledger, householdId);
  const lang = ctx.lang;
  const asOf = asOfDate(ctx.year, ctx.today);
  const checks = guarantees({
    asOf,
    members,
    housingSafety: h.housingSafety,
    housingRenovatedYear: h.housingRenovatedYear,
    safeWater: h.safeWater,
    foodClothingConfirmed: foodClothingConfirmed(ledger, h.id, ctx.year, h.status),
  });
  return {
    serial,
    archiveNo: h.archiveNo,
    ...placeOf(h, ctx.county.name),
    headName: h.headName,
    address: h.address,
    size: h.size,
    attributeLabel: labelOf('householdAttribute', h.attribute, lang),
    mainCauseLabel: labelOf('povertyCause', h.mainCause, lang),
    otherCauseLabels: [h.secondCause, h.thirdCause].filter((c): c is string => !!c).map((c) => labelOf('povertyCause', c, lang)),
    statusLabel: statusLabel(h, lang),
    guarantees: checks.map((g) => ({
      label: GUARANTEE_LABELS[g.check][lang],
      ok: g.ok,
      ...(g[lang] ? { note: g[lang] } : {}),
    })),
    cadres: activeCadres(ledger, h.id, asOf),
    measures: measuresOfYear(ledger, h.id, ctx),
    incomes: moneyReceived(ledger, h.id, ctx.year, lang),
    year: ctx.year,
    printedAt: ctx.printedAt,
    printedBy: ctx.printedBy,
  };
}

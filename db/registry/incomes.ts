/** Household income by item and year (收入明细), and the per-capita net income it gives. */
import { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { invalid } from '../errors';
import { inTransaction } from '../shared/tx';
import { id, nonNegativeFen, year, zCode } from '../shared/zod';
import type { IncomeItem, IncomeType } from '../codes';
import { aboveLine, netIncome, perCapitaFen } from '../rules/exit';
import { loadHousehold } from './households';
import { povertyLine } from './povertyLines';

export const setIncomesInput = z.object({
  householdId: id,
  year,
  /** The whole year's items: items left out are deleted. Amounts are positive fen; costs subtract by their item. */
  items: z.array(z.object({
    item: zCode('incomeItem'),
    amountFen: nonNegativeFen,
    note: z.string().trim().max(200).default(''),
  })).max(50),
});

export interface IncomeRow {
  item: IncomeItem;
  amountFen: number;
  note: string;
}

export interface IncomeYear {
  year: number;
  items: IncomeRow[];
  byType: Record<IncomeType, number>;
  netFen: number;
  /** Living members now; the per-capita figure divides by them. */
  people: number;
  perCapitaFen: number | null;
  lineFen: number | null;
  aboveLine: boolean | null;
}

function summarise(yearNo: number, items: IncomeRow[], people: number, lineFen: number | null): IncomeYear {
  const { byType, net } = netIncome(items);
  const pc = perCapitaFen(net, people);
  return {
    year: yearNo,
    items,
    byType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, Number(v)])) as Record<IncomeType, number>,
    netFen: Number(net),
    people,
    perCapitaFen: pc === null ? null : Number(pc),
    lineFen,
    aboveLine: lineFen === null ? null : aboveLine(net, people, lineFen),
  };
}

function livingMembers(ledger: Ledger, householdId: number): number {
  return ledger.sqlite.prepare('SELECT count(*) FROM members WHERE household_id = ? AND removed = 0 AND deceased = 0').pluck().get(householdId) as number;
}

export function itemsOf(ledger: Ledger, householdId: number, yearNo: number): IncomeRow[] {
  return ledger.sqlite
    .prepare('SELECT item, amount_fen AS amountFen, note FROM incomes WHERE household_id = ? AND year = ? ORDER BY id')
    .all(householdId, yearNo) as IncomeRow[];
}

/** Every recorded year of a household, newest first, with its net and per-capita income. */
export function householdIncomes(ledger: Ledger, householdId: number): IncomeYear[] {
  loadHousehold(ledger, householdId);
  const people = livingMembers(ledger, householdId);
  const years = ledger.sqlite
    .prepare('SELECT DISTINCT year FROM incomes WHERE household_id = ? ORDER BY year DESC')
    .pluck()
    .all(householdId) as number[];
  return years.map((y) => summarise(y, itemsOf(ledger, householdId, y), people, povertyLine(ledger, y)));
}

/** Replaces a household's income items for one year. */
export function setIncomes(ledger: Ledger, actor: Actor, raw: z.input<typeof setIncomesInput>): IncomeYear {
  const input = setIncomesInput.parse(raw);
  const seen = new Set<string>();
  input.items.forEach((it, i) => {
    if (seen.has(it.item)) invalid(`items.${i}.item`, 'Each income item may appear once a year', '同一年度每个收入项目只能填写一次');
    seen.add(it.item);
  });
  return inTransaction(ledger, () => {
    loadHousehold(ledger, input.householdId);
    const before = itemsOf(ledger, input.householdId, input.year);
    ledger.sqlite.prepare('DELETE FROM incomes WHERE household_id = ? AND year = ?').run(input.householdId, input.year);
    const insert = ledger.sqlite.prepare('INSERT INTO incomes (household_id, year, item, amount_fen, note) VALUES (?, ?, ?, ?, ?)');
    for (const it of input.items) insert.run(input.householdId, input.year, it.item, it.amountFen, it.note);
    appendAudit(ledger, actor, { entity: 'household', entityId: input.householdId, action: `incomes_${input.year}`, before, after: input.items });
    return summarise(input.year, itemsOf(ledger, input.householdId, input.year), livingMembers(ledger, input.householdId), povertyLine(ledger, input.year));
  });
}

/** Income records and the exit standard. */
import { incomeItemSign, incomeItemType, type IncomeItem } from '../../codes';
import { formatFen } from '../../rules/money';
import type { QualityRule } from '../types';
import { LIVING_MEMBER } from './sql';

const items = Object.keys(incomeItemSign) as IncomeItem[];
const quoted = (list: IncomeItem[]) => list.map((it) => `'${it}'`).join(', ') || 'NULL';
/**
 * Net income of an income row, signed by db/codes.ts: costs subtract, items outside the four
 * income types count 0. Written with as few branches as the code lists need (it runs on every
 * income row of the county).
 */
const SIGNED = `CASE WHEN i.item IN (${quoted(items.filter((it) => incomeItemType[it] === null))}) THEN 0
  WHEN i.item IN (${quoted(items.filter((it) => incomeItemSign[it] === -1))}) THEN -i.amount_fen ELSE i.amount_fen END`;

/** Facts "2025:1234567/300000;…" (per-capita and line in fen) → "2025: 12,345.67 ≤ 3,000.00; …" */
function describeBelowLine(facts: string): string {
  return facts.split(';').map((part) => {
    const [year, rest] = part.split(':');
    const [perCapita, line] = (rest ?? '').split('/').map(Number);
    return Number.isSafeInteger(perCapita) && Number.isSafeInteger(line) ? `${year}: ${formatFen(perCapita!)} ≤ ${formatFen(line!)}` : part;
  }).join('; ');
}

export const incomeRules: QualityRule[] = [
  {
    id: 'household.exited_below_line',
    severity: 'error',
    target: 'household',
    title: { zh: '已脱贫户人均纯收入未超过扶贫标准', en: 'Exited household at or below the poverty line' },
    explain: {
      zh: '已脱贫户在脱贫当年或以后某年的人均纯收入（按收入明细、在世成员计算）没有超过当年扶贫标准。要么收入登记有误，要么该户存在返贫风险，应核实并考虑纳入监测。',
      en: 'In the year of exit or a later year, the per-capita net income of an exited household (from its income records and living members) is not above that year\'s poverty line. Either the income was recorded wrongly or the household risks returning to poverty: check it and consider monitoring.',
    },
    describe: describeBelowLine,
    // Driven from the exited households in scope, each reaching its exit events, members and
    // incomes through their household indexes.
    sql: (s) => `WITH hh AS MATERIALIZED (
            SELECT h.id,
                   (SELECT CAST(substr(max(e.event_date), 1, 4) AS INTEGER) FROM status_events e
                     WHERE e.household_id = h.id AND e.type = 'exit' AND e.state = 'approved') AS y,
                   (SELECT count(*) FROM members m WHERE m.household_id = h.id AND ${LIVING_MEMBER}) AS n
              FROM households h WHERE ${s} AND h.status IN ('exited', 'exited_no_policy')
          ), below AS (
            SELECT hh.id, i.year, sum(${SIGNED}) AS net, hh.n, pl.per_capita_fen AS line
              FROM hh JOIN incomes i ON i.household_id = hh.id AND i.year >= hh.y
              JOIN poverty_lines pl ON pl.year = i.year
             WHERE hh.n > 0
             GROUP BY hh.id, i.year HAVING net <= pl.per_capita_fen * hh.n
          )
          SELECT id AS household_id, NULL AS member_id, NULL AS voucher_id,
                 group_concat(year || ':' || (net / n) || '/' || line, ';') AS facts
            FROM below GROUP BY id`,
  },
  {
    id: 'income.negative',
    severity: 'error',
    target: 'household',
    title: { zh: '收入金额为负数', en: 'Negative income amount' },
    explain: {
      zh: '收入明细的金额一律按正数登记（生产经营性支出也登记为正数，计算时自动扣减）。负数金额会使纯收入算错，请更正。',
      en: 'Income amounts are always recorded as positive numbers (production costs too; they are subtracted when net income is computed). A negative amount makes the net income wrong; correct it.',
    },
    sql: (s) => `SELECT i.household_id, NULL AS member_id, NULL AS voucher_id, i.year || ' ' || i.item AS facts
            FROM incomes i JOIN households h ON h.id = i.household_id WHERE ${s} AND i.amount_fen < 0`,
  },
];

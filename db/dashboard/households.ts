/**
 * Households and people by status, attribute and main poverty cause.
 *
 * Every figure is defined by the household list's own filter (registry/queries.ts
 * buildHouseholdWhere) and carries that filter as `drill`: listHouseholds(drill).total is the
 * household figure, and the sizes of the listed households add up to the people figure (size =
 * living members who have not moved out). One GROUP BY over the households table gives all three
 * breakdowns.
 */
import type { Ledger } from '../ledger';
import { codesOf, type CodeListName, type HouseholdStatus } from '../codes';
import { buildHouseholdWhere, householdQuery, HOUSEHOLD_FROM, type HouseholdQuery } from '../registry/queries';
import type { AreaFilter } from './schemas';

/** Registered poor households (建档立卡户): every status except cancelled and monitoring-only households. */
export const REGISTERED_STATUSES: HouseholdStatus[] = ['new_identified', 'poor', 'exited', 'exited_no_policy', 'returned'];

/** The list filter of a drill-down, as it travels in a URL and to registry.households. */
export type Drill = Omit<HouseholdQuery, 'offset' | 'limit' | 'q'>;

export interface Bucket {
  code: string;
  households: number;
  people: number;
  drill: Drill;
}

export interface Breakdown {
  list: CodeListName;
  buckets: Bucket[];
  households: number;
  people: number;
}

export function areaDrill(area: AreaFilter): Drill {
  const d: Drill = {};
  if (area.townshipId !== undefined) d.townshipId = area.townshipId;
  if (area.villageId !== undefined) d.villageId = area.villageId;
  return d;
}

/** count(*) and sum(size) of the households a list filter selects, grouped by some columns. */
export function groupHouseholds<K extends string>(ledger: Ledger, drill: Drill, groupBy: Record<K, string>) {
  const w = buildHouseholdWhere(householdQuery.parse(drill));
  const where = w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '';
  const keys = Object.entries<string>(groupBy);
  const select = keys.map(([k, col]) => `${col} AS ${k}`).join(', ');
  return ledger.sqlite
    .prepare(`SELECT ${select}${keys.length ? ', ' : ''}count(*) AS households, coalesce(sum(h.size), 0) AS people
                ${HOUSEHOLD_FROM} ${where} ${keys.length ? `GROUP BY ${keys.map(([, col]) => col).join(', ')}` : ''}`)
    .all(w.params) as (Record<K, string | number> & { households: number; people: number })[];
}

function breakdown(
  list: CodeListName,
  cells: { key: string; households: number; people: number }[],
  drillFor: (code: string) => Drill,
): Breakdown {
  const buckets = codesOf(list).map((code) => {
    const mine = cells.filter((c) => c.key === code);
    return {
      code,
      households: mine.reduce((n, c) => n + c.households, 0),
      people: mine.reduce((n, c) => n + c.people, 0),
      drill: drillFor(code),
    };
  });
  return {
    list,
    buckets,
    households: buckets.reduce((n, b) => n + b.households, 0),
    people: buckets.reduce((n, b) => n + b.people, 0),
  };
}

export function householdBreakdowns(ledger: Ledger, area: AreaFilter) {
  const base = areaDrill(area);
  // Cause first: grouping by status first would walk the status index and fetch every row out of order.
  const cube = groupHouseholds(ledger, base, { mainCause: 'h.main_cause', attribute: 'h.attribute', status: 'h.status' });
  const registered = cube.filter((c) => REGISTERED_STATUSES.includes(c.status as HouseholdStatus));
  const cells = (rows: typeof cube, key: 'status' | 'attribute' | 'mainCause') =>
    rows.map((c) => ({ key: String(c[key]), households: c.households, people: c.people }));
  return {
    status: breakdown('householdStatus', cells(cube, 'status'), (code) => ({ ...base, status: code as HouseholdStatus })),
    attribute: breakdown('householdAttribute', cells(registered, 'attribute'), (code) => ({
      ...base, statuses: REGISTERED_STATUSES, attribute: code as Drill['attribute'],
    })),
    mainCause: breakdown('povertyCause', cells(registered, 'mainCause'), (code) => ({
      ...base, statuses: REGISTERED_STATUSES, mainCause: code as Drill['mainCause'],
    })),
  };
}

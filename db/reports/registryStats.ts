/**
 * Registry statistics (建档立卡统计表) by township and village: households and people, by
 * attribute, status, main cause; monitored households; poor people and incidence; households
 * identified, exited and returned to poverty in the year and in every year.
 *
 * Household figures use the household list's own filter (dashboard/households.ts groupHouseholds),
 * so each equals the list with the same filter: registered households are the statuses of
 * REGISTERED_STATUSES, people the sum of their sizes, poor people the sizes of households with a
 * poor status (as in the dashboard's incidence). Year flows count households with an approved
 * status event of that type dated in the year. Statuses are as of today.
 */
import type { Ledger } from '../ledger';
import { codesOf, labelOf, type HouseholdStatus } from '../codes';
import { POOR_STATUSES } from '../rules/status';
import { measure } from '../registry/incidence';
import { getCounty } from '../registry/villages';
import { today } from '../shared/tx';
import { areaDrill, groupHouseholds, REGISTERED_STATUSES } from '../dashboard/households';
import type { AreaFilter } from '../dashboard/schemas';
import { areaName, madeLine, villagesIn, type AreaVillage } from './area';
import { columnTotal, words, type Cell, type Report, type ReportColumn } from './model';
import type { ReportInput } from './schemas';

const FLOW_TYPES = ['identify', 'exit', 'return_poverty', 'cancel'] as const;
type Flow = (typeof FLOW_TYPES)[number];

interface UnitStats {
  households: number;
  people: number;
  attribute: Record<string, number>;
  notExited: number;
  returned: number;
  exited: number;
  exitedNoPolicy: number;
  monitored: number;
  poorPeople: number;
  rural: number;
  flows: Record<Flow, number>;
}

const emptyStats = (): UnitStats => ({
  households: 0, people: 0, attribute: {}, notExited: 0, returned: 0, exited: 0, exitedNoPolicy: 0, monitored: 0,
  poorPeople: 0, rural: 0, flows: { identify: 0, exit: 0, return_poverty: 0, cancel: 0 },
});

const AREA_SQL = `(@townshipId IS NULL OR v.township_id = @townshipId) AND (@villageId IS NULL OR v.id = @villageId)`;

/** Households with an approved event of each type, per village (in the year) or per year. */
function flows(ledger: Ledger, area: AreaFilter, by: 'village' | 'year', year: number) {
  const key = by === 'village' ? 'h.village_id' : 'CAST(substr(e.event_date, 1, 4) AS INTEGER)';
  return ledger.sqlite
    .prepare(`SELECT ${key} AS k, e.type, count(DISTINCT e.household_id) AS n
                FROM status_events e JOIN households h ON h.id = e.household_id JOIN villages v ON v.id = h.village_id
               WHERE e.state = 'approved' AND e.type IN (${FLOW_TYPES.map((t) => `'${t}'`).join(', ')}) AND ${AREA_SQL}
                 AND e.event_date <= @to AND (@from IS NULL OR e.event_date >= @from)
               GROUP BY k, e.type`)
    .all({
      townshipId: area.townshipId ?? null, villageId: area.villageId ?? null,
      from: by === 'village' ? `${year}-01-01` : null, to: `${year}-12-31`,
    }) as { k: number; type: Flow; n: number }[];
}

function villageStats(ledger: Ledger, area: AreaFilter, villages: AreaVillage[], year: number): Map<number, UnitStats> {
  const stats = new Map(villages.map((v) => [v.id, { ...emptyStats(), rural: v.ruralPopulation }]));
  const cells = groupHouseholds(ledger, areaDrill(area), {
    villageId: 'h.village_id', status: 'h.status', attribute: 'h.attribute', monitored: '(h.monitoring_type IS NOT NULL)',
  });
  for (const c of cells) {
    const s = stats.get(Number(c.villageId));
    if (!s) continue;
    const status = String(c.status) as HouseholdStatus;
    if (status !== 'cancelled' && Number(c.monitored) === 1) s.monitored += c.households;
    if (POOR_STATUSES.includes(status)) s.poorPeople += c.people;
    if (!REGISTERED_STATUSES.includes(status)) continue;
    s.households += c.households;
    s.people += c.people;
    s.attribute[String(c.attribute)] = (s.attribute[String(c.attribute)] ?? 0) + c.households;
    if (status === 'new_identified' || status === 'poor') s.notExited += c.households;
    else if (status === 'returned') s.returned += c.households;
    else if (status === 'exited') s.exited += c.households;
    else if (status === 'exited_no_policy') s.exitedNoPolicy += c.households;
  }
  for (const f of flows(ledger, area, 'village', year)) {
    const s = stats.get(f.k);
    if (s) s.flows[f.type] += f.n;
  }
  return stats;
}

function add(into: UnitStats, s: UnitStats): void {
  for (const k of ['households', 'people', 'notExited', 'returned', 'exited', 'exitedNoPolicy', 'monitored', 'poorPeople', 'rural'] as const) into[k] += s[k];
  for (const [code, n] of Object.entries(s.attribute)) into.attribute[code] = (into.attribute[code] ?? 0) + n;
  for (const f of FLOW_TYPES) into.flows[f] += s.flows[f];
}

export function registryStats(ledger: Ledger, input: ReportInput): Report {
  const lang = input.lang;
  const w = words(lang);
  const year = input.year ?? Number(today().slice(0, 4));
  const area: AreaFilter = { townshipId: input.townshipId, villageId: input.villageId };
  const threshold = getCounty(ledger)?.western ? 3 : 2;
  const villages = villagesIn(ledger, area);
  const byVillage = villageStats(ledger, area, villages, year);
  const byTownship = new Map<number, { name: string; stats: UnitStats }>();
  for (const v of villages) {
    const t = byTownship.get(v.townshipId) ?? { name: v.township, stats: emptyStats() };
    add(t.stats, byVillage.get(v.id)!);
    byTownship.set(v.townshipId, t);
  }

  const attributes = codesOf('householdAttribute');
  const statColumns: ReportColumn[] = [
    { header: w('户数', 'Households'), kind: 'int', weight: 1.2 },
    { header: w('人数', 'People'), kind: 'int' },
    { header: w('一般户', 'General'), kind: 'int' },
    { header: w('低保户', 'Dibao'), kind: 'int' },
    { header: w('特困户', 'Extreme poverty'), kind: 'int' },
    { header: w('未脱贫', 'Not exited'), kind: 'int' },
    { header: w('返贫', 'Returned'), kind: 'int' },
    { header: w('已脱贫(享受政策)', 'Exited, in grace'), kind: 'int' },
    { header: w('已脱贫(不再享受)', 'Exited, policy ended'), kind: 'int' },
    { header: w('监测户', 'Monitored'), kind: 'int' },
    { header: w('贫困人口', 'Poor people'), kind: 'int' },
    { header: w('贫困发生率', 'Incidence'), kind: 'percent' },
    { header: w(`${year}年识别`, `Identified ${year}`), kind: 'int' },
    { header: w(`${year}年脱贫`, `Exited ${year}`), kind: 'int' },
    { header: w(`${year}年返贫`, `Returned ${year}`), kind: 'int' },
  ];
  const statCells = (s: UnitStats): Cell[] => [
    s.households, s.people, ...attributes.map((a) => s.attribute[a] ?? 0), s.notExited, s.returned, s.exited, s.exitedNoPolicy,
    s.monitored, s.poorPeople, measure(s.poorPeople, s.rural, threshold).incidenceBp, s.flows.identify, s.flows.exit, s.flows.return_poverty,
  ];
  const total = emptyStats();
  for (const t of byTownship.values()) add(total, t.stats);
  const totalRow = (lead: Cell[]): Cell[] => [...lead, ...statCells(total)];

  // Main cause and status: the same grouping over the area, once.
  const cube = groupHouseholds(ledger, areaDrill(area), { mainCause: 'h.main_cause', status: 'h.status' });
  const registered = cube.filter((c) => REGISTERED_STATUSES.includes(String(c.status) as HouseholdStatus));
  const sumWhere = (rows: typeof cube, pick: (c: (typeof cube)[number]) => boolean) =>
    rows.filter(pick).reduce((acc, c) => ({ households: acc.households + c.households, people: acc.people + c.people }), { households: 0, people: 0 });
  const causeRows = codesOf('povertyCause').map((code) => {
    const s = sumWhere(registered, (c) => c.mainCause === code);
    return [labelOf('povertyCause', code, lang), s.households, s.people, total.households ? Math.floor((s.households * 10_000) / total.households) : null];
  });
  const statusRows = codesOf('householdStatus').map((code) => {
    const s = sumWhere(cube, (c) => c.status === code);
    return [labelOf('householdStatus', code, lang), s.households, s.people];
  });
  const yearly = new Map<number, Record<Flow, number>>();
  for (const f of flows(ledger, area, 'year', year)) {
    const y = yearly.get(f.k) ?? { identify: 0, exit: 0, return_poverty: 0, cancel: 0 };
    y[f.type] += f.n;
    yearly.set(f.k, y);
  }
  const yearRows = [...yearly.entries()].sort((a, b) => a[0] - b[0]).map(([y, f]) => [String(y), f.identify, f.exit, f.return_poverty, f.cancel]);

  const sumFooter = (label: string, rows: Cell[][], from: number, to: number) =>
    [label, ...Array.from({ length: to - from }, (_, i) => columnTotal(rows, from + i))];
  const registeredNote = w('户数、人数及分类为建档立卡户（不含注销户和非建档立卡监测户）；人数为在世且未迁出的成员；状态为当前状态。',
    'Households, people and their breakdowns cover registered poor households (cancelled and monitoring-only households left out); people are living members who have not moved out; statuses are as of today.');
  const name = areaName(ledger, area, lang);

  return {
    key: 'registry',
    lang,
    title: w('建档立卡统计表', 'Registry statistics'),
    subtitle: `${name} · ${w(`${year}年`, `Year ${year}`)} · ${madeLine(lang)}`,
    fileBase: `registry-statistics-${year}`,
    landscape: true,
    sections: [
      {
        title: w('分乡镇统计', 'By township'),
        note: `${registeredNote} ${w(`贫困发生率 = 贫困人口 ÷ 农村户籍人口，退出标准低于 ${threshold}%。`, `Incidence = poor people ÷ rural registered population; the exit threshold is below ${threshold}%.`)}`,
        columns: [{ header: w('乡镇', 'Township'), kind: 'text', weight: 1.4 }, ...statColumns],
        rows: [...byTownship.values()].map((t) => [t.name, ...statCells(t.stats)]),
        footer: totalRow([w('合计', 'Total')]),
      },
      {
        title: w('分行政村统计', 'By village'),
        columns: [{ header: w('乡镇', 'Township'), kind: 'text', weight: 1.2 }, { header: w('行政村', 'Village'), kind: 'text', weight: 1.2 }, ...statColumns],
        rows: villages.map((v) => [v.township, v.name, ...statCells(byVillage.get(v.id)!)]),
        footer: totalRow([w('合计', 'Total'), '']),
      },
      {
        title: w('按主要致贫原因', 'By main poverty cause'),
        columns: [
          { header: w('致贫原因', 'Cause'), kind: 'text', weight: 3 },
          { header: w('户数', 'Households'), kind: 'int' },
          { header: w('人数', 'People'), kind: 'int' },
          { header: w('占比', 'Share'), kind: 'percent' },
        ],
        rows: causeRows,
        footer: [...sumFooter(w('合计', 'Total'), causeRows, 1, 3), null],
      },
      {
        title: w('按当前状态（含注销户和监测户）', 'By current status (cancelled and monitoring-only households included)'),
        columns: [
          { header: w('状态', 'Status'), kind: 'text', weight: 3 },
          { header: w('户数', 'Households'), kind: 'int' },
          { header: w('人数', 'People'), kind: 'int' },
        ],
        rows: statusRows,
        footer: sumFooter(w('合计', 'Total'), statusRows, 1, 3),
      },
      {
        title: w(`历年识别、脱贫、返贫、注销户数（至 ${year} 年）`, `Households identified, exited, returned and cancelled per year (to ${year})`),
        columns: [
          { header: w('年度', 'Year'), kind: 'text' },
          { header: w('识别', 'Identified'), kind: 'int' },
          { header: w('脱贫', 'Exited'), kind: 'int' },
          { header: w('返贫', 'Returned'), kind: 'int' },
          { header: w('注销', 'Cancelled'), kind: 'int' },
        ],
        rows: yearRows,
        footer: sumFooter(w('合计', 'Total'), yearRows, 1, 5),
      },
    ],
  };
}

/**
 * Poverty lines, support measures and incomes of the demo county. A household's incomes add up
 * (production cost subtracted) to a per-capita amount aimed at a ratio of the year's poverty line
 * that fits its status.
 */
import type { IncomeItem, SupportMeasure } from '../codes';
import type { DemoContext, Sqlite } from './context';
import { inSchool, living, type HouseholdDraft } from './drafts';
import type { PlantedKey } from './planted';

export const POVERTY_LINE_YEARS = { from: 2014, to: 2026 } as const;

const yuan = (n: number) => n * 100;

/** Poverty line per year in fen, from 2014 (2,800 yuan) up to `lastYear` or 2026: +4 % a year, whole yuan. */
export function povertyLines(lastYear: number): Map<number, number> {
  const lineFen = new Map<number, number>();
  let line = 280_000;
  for (let y = POVERTY_LINE_YEARS.from; y <= Math.max(POVERTY_LINE_YEARS.to, lastYear); y++) {
    lineFen.set(y, line);
    line = Math.floor((line * 104 + 5_000) / 10_000) * 100;
  }
  return lineFen;
}

export function writePovertyLines(sqlite: Sqlite, lines: Map<number, number>): void {
  const insert = sqlite.prepare('INSERT INTO poverty_lines (year, per_capita_fen) VALUES (?, ?)');
  for (const [year, fen] of lines) insert.run(year, fen);
}

function measureDetail(ctx: DemoContext, m: SupportMeasure, h: HouseholdDraft): [string, number] {
  const { rng } = ctx;
  switch (m) {
    case 'industry': return [rng.pick(['发展肉牛养殖产业奖补', '种植核桃、花椒产业奖补', '生猪养殖产业扶持', '发放中药材种苗']), yuan(rng.int(10, 50) * 100)];
    case 'employment': return [rng.pick(['外出务工一次性交通补贴', '转移就业稳岗补贴', '参加职业技能培训']), yuan(rng.int(3, 20) * 50)];
    case 'relocation': return ['易地扶贫搬迁后续扶持', 0];
    case 'education': return [rng.pick(['义务教育阶段生活补助', '雨露计划职业教育补助', '高中阶段助学金']), yuan(rng.int(5, 30) * 100)];
    case 'health': return [rng.pick(['家庭医生签约服务', '慢性病送医送药上门', '住院先诊疗后付费、一站式结算']), 0];
    case 'housing': return ['农村危房改造补助', yuan(rng.int(15, 40) * 1000)];
    case 'finance': return ['扶贫小额信贷（3年期，财政贴息）', yuan(rng.int(1, 5) * 10_000)];
    case 'social_security': return [h.attribute === '3' ? '特困人员救助供养' : '农村低保兜底保障', 0];
    case 'ecological': return ['生态护林员岗位', yuan(10_000)];
    case 'public_welfare_post': return [rng.pick(['村级公益性岗位（保洁员）', '村级公益性岗位（护路员）', '村级公益性岗位（水管员）']), yuan(rng.int(4, 8) * 1000)];
    case 'asset_income': return [rng.pick(['村级光伏电站收益分红', '合作社资产收益分红', '入股企业资产收益分红']), yuan(rng.int(3, 15) * 100)];
  }
}

function drawMeasures(ctx: DemoContext, h: HouseholdDraft, relocated: boolean): SupportMeasure[] {
  const { rng } = ctx;
  const live = h.members.filter(living);
  const w: [SupportMeasure, number][] = [
    ['industry', 30], ['employment', live.some((m) => m.migrantMonths > 0) ? 25 : 8],
    ['health', live.some((m) => m.health !== 'healthy') ? 25 : 6], ['education', live.some(inSchool) ? 25 : 0],
    ['finance', 8], ['social_security', h.attribute !== '1' ? 40 : 0], ['ecological', 5],
    ['public_welfare_post', 6], ['asset_income', 15], ['relocation', relocated ? 20 : 0],
  ];
  const n = rng.weighted([[1, 40], [2, 40], [3, 20]]);
  const out: SupportMeasure[] = [];
  for (let guard = 0; out.length < n && guard < 20; guard++) {
    const m = rng.weighted(w);
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** Items that add up (production cost subtracted) to exactly `total` fen. */
function incomeItems(ctx: DemoContext, h: HouseholdDraft, total: number, assetDividend: number, minimal: boolean): [IncomeItem, number, string][] {
  const { rng } = ctx;
  const live = h.members.filter(living);
  const transfers: [IncomeItem, number, string][] = [];
  if (!minimal) {
    if (h.dibaoClass) {
      const monthly = h.dibaoClass === 'class_a' ? 300 : h.dibaoClass === 'class_b' ? 220 : 150;
      transfers.push(['dibao', yuan(monthly * 12 * live.length), '']);
    }
    if (h.attribute === '3') transfers.push(['extreme_support', yuan(500 * 12 * live.length), '']);
    const elders = live.filter((m) => m.age >= 60).length;
    if (elders) transfers.push(['pension', yuan(150 * 12 * elders), '']);
    const disabled = live.filter((m) => m.health === 'disabled');
    if (disabled.length) {
      transfers.push(['disability_allowance', yuan(disabled.reduce((s, m) => s + (m.disabilityGrade === '1' || m.disabilityGrade === '2' ? 1200 : 720), 0)), '']);
    }
    if (assetDividend > 0) transfers.push(['asset_dividend', assetDividend, '']);
    if (rng.chance(0.3)) transfers.push(['ecological_comp', yuan(rng.int(100, 800)), '公益林生态补偿']);
    if (rng.chance(0.2)) transfers.push(['land_rent_in', yuan(rng.int(3, 24) * 100), '土地流转租金']);
    if (rng.chance(0.05)) transfers.push(['family_planning', yuan(960), '']);
    if (rng.chance(0.03)) transfers.push(['other_property', yuan(rng.int(100, 500)), '']);
    if (rng.chance(0.1)) transfers.push(['other_transfer', yuan(rng.int(100, 600)), '']);
  }
  if (rng.chance(0.8)) transfers.push(['farm_subsidy', yuan(rng.int(200, 900)), '']);
  // Transfers and property income never exceed 70 % of the total; the rest is earned.
  const cap = Math.floor((total * 7) / 10);
  const sum = transfers.reduce((s, t) => s + t[1], 0);
  if (sum > cap) for (const t of transfers) t[1] = Math.floor((t[1] * cap) / sum);
  const earned = total - transfers.reduce((s, t) => s + t[1], 0);
  const workers = live.filter((m) => m.labourAbility === 'ordinary' || m.labourAbility === 'skilled' || m.labourAbility === 'weak');
  const wageShare = live.some((m) => m.migrantMonths > 0) ? rng.int(60, 85) : workers.length ? rng.int(20, 60) : rng.int(0, 10);
  const wages = Math.floor((earned * wageShare) / 100);
  const net = earned - wages;
  const out: [IncomeItem, number, string][] = [];
  if (wages > 0) out.push(['wages', wages, live.some((m) => m.migrantMonths > 0) ? '外出务工' : '本地务工']);
  if (net > 0) {
    const cost = Math.floor((net * rng.int(25, 60)) / 100);
    out.push(['production_gross', net + cost, rng.pick(['种植玉米、马铃薯', '养殖生猪、肉牛', '种植核桃、花椒', '种植烤烟', '养殖山羊'])]);
    if (cost > 0) out.push(['production_cost', cost, '']);
  }
  for (const t of transfers) if (t[1] > 0) out.push(t);
  return out;
}

export type WriteIncomes = (householdId: number, h: HouseholdDraft, livingCount: number, relocated: boolean, plant: PlantedKey | undefined) => void;

/** Writes the support measures and incomes of last year and this year for one household. */
export function incomeWriter(ctx: DemoContext, sqlite: Sqlite, lines: Map<number, number>): WriteIncomes {
  const { rng, year: Y } = ctx;
  const insertMeasure = sqlite.prepare(
    'INSERT INTO support_measures (household_id, year, measure, detail, amount_fen) VALUES (?, ?, ?, ?, ?)',
  );
  const insertIncome = sqlite.prepare('INSERT INTO incomes (household_id, year, item, amount_fen, note) VALUES (?, ?, ?, ?, ?)');
  return (hid, h, livingCount, relocated, plant) => {
    const ratio = plant === 'exited_below_line' ? rng.int(780, 900)
      : h.status === 'poor' || h.status === 'returned' ? rng.int(550, 950)
        : h.monitoringType ? rng.int(1080, 1350)
          : h.status === 'non_poor' ? rng.int(1050, 1400)
          : rng.int(1150, 2600);
    for (const year of [Y - 1, Y]) {
      const measures = drawMeasures(ctx, h, relocated);
      let dividend = 0;
      for (const m of measures) {
        const [detail, amount] = measureDetail(ctx, m, h);
        if (m === 'asset_income') dividend = amount;
        insertMeasure.run(hid, year, m, detail, amount);
      }
      const jitter = plant === 'exited_below_line' ? 1000 : rng.int(960, 1000);
      const total = Math.floor((lines.get(year)! * livingCount * ratio * jitter) / 1_000_000);
      for (const [item, amount, note] of incomeItems(ctx, h, total, dividend, plant === 'exited_below_line')) {
        insertIncome.run(hid, year, item, amount, note);
      }
    }
  };
}

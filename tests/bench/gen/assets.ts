/**
 * Bench-only generator of poverty-alleviation project assets (L: 500) and their shareholders.
 *
 * Asset 1 is a county photovoltaic station whose income rights were quantified to every registered
 * household — one share each, so at L it has 60,000 shareholders: the distribution bench pays it.
 * The other assets belong to villages, with a village-collective share and up to 40 household
 * shares each. Every asset has its investment voucher (linked as its cost) and business assets one
 * income a year, posted like the funds vouchers (gen/funds.ts: prepared INSERTs, posting through
 * the app's UPDATE so the triggers keep fund_balances). Deterministic for a seed; one transaction.
 */
import type { Ledger } from '../../../db/ledger';
import { Random } from '../../../db/demo/random';
import { ACCOUNTANT_ID, VoucherWriter, fundYears, pad2 } from './funds';

export interface AssetsSummary {
  assets: number;
  shares: number;
  incomes: number;
  distributionAssetId: number;
  distributionShareholders: number;
}

const CATEGORIES: readonly (readonly [category: string, cls: string, name: string])[] = [
  ['photovoltaic', 'business', '村级光伏电站'],
  ['facility_agriculture', 'business', '蔬菜大棚'],
  ['aquaculture', 'business', '冷水鱼养殖基地'],
  ['livestock', 'business', '肉牛养殖场'],
  ['rural_tourism', 'business', '乡村旅游接待中心'],
  ['land_trusteeship', 'business', '土地托管服务站'],
  ['road', 'public_welfare', '通组道路'],
  ['water_supply', 'public_welfare', '集中供水工程'],
  ['other', 'public_welfare', '村级活动场所'],
];
const COST_ACCOUNT: Record<string, string> = { business: '1501.01', public_welfare: '1501.02', household: '1501.03' };

export function generateAssets(ledger: Ledger, opts: { seed: number; today: string }): AssetsSummary {
  const s = ledger.sqlite;
  const rng = new Random(opts.seed ^ 0xa55e7);
  const { years, lastMonth } = fundYears(opts.today);
  const stampAt = `${opts.today}T00:00:00.000Z`;
  const villages = s.prepare('SELECT id, name FROM villages ORDER BY id').all() as { id: number; name: string }[];
  const households = s.prepare('SELECT id, village_id AS villageId FROM households ORDER BY id').all() as { id: number; villageId: number }[];
  const byVillage = new Map<number, number[]>();
  for (const h of households) {
    const list = byVillage.get(h.villageId) ?? [];
    list.push(h.id);
    byVillage.set(h.villageId, list);
  }
  const sourceOf = s.prepare(`SELECT id FROM fund_sources WHERE year = ? AND type <> 'donation' ORDER BY id`).pluck();
  const count = Math.max(20, Math.round(villages.length * 1.25));

  const insAsset = s.prepare(
    `INSERT INTO assets (id, code, name, asset_class, category, ownership, operator, operator_name, village_id, location, project_id, built_on, status,
       disposed_on, disposal_method, disposal_proceeds_fen, disposal_approval, disposal_note, note, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 'in_operation', NULL, NULL, NULL, NULL, '', '', ?, ?, ?)`,
  );
  const insCost = s.prepare('INSERT INTO asset_cost_lines (voucher_line_id, asset_id, linked_by, linked_at) VALUES (?, ?, ?, ?)');
  const insShare = s.prepare(
    `INSERT INTO asset_shares (asset_id, seq, certificate_no, holder_type, household_id, village_id, units, weight, from_date, to_date,
       withdrawn_on, withdraw_reason, successor_id, note, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, '', ?, ?)`,
  );
  const insIncome = s.prepare(
    `INSERT INTO asset_incomes (id, asset_id, received_on, period, gross_fen, land_rent_fen, tax_insurance_fen, maintenance_fen, distributable_fen,
       voucher_id, note, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, '', ?, ?)`,
  );
  const villageOf = new Map(households.map((h) => [h.id, h.villageId]));
  const writer = new VoucherWriter(ledger, stampAt);
  let shares = 0;
  let incomes = 0;
  let incomeId = (s.prepare('SELECT coalesce(max(id), 0) FROM asset_incomes').pluck().get() as number);

  const run = () => {
    for (let a = 1; a <= count; a++) {
      const big = a === 1;
      const [category, cls, words] = big ? (['photovoltaic', 'business', '县级集中式光伏扶贫电站'] as const) : rng.pick(CATEGORIES);
      const v = big ? null : rng.pick(villages);
      const code = `ZC${String(a).padStart(4, '0')}`;
      const builtYear = years[0]! - rng.int(1, 4);
      const built = `${builtYear}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
      insAsset.run(a, code, big ? words : `${v!.name}${words}`, cls, category, big ? 'county' : 'village_collective',
        big ? 'enterprise' : rng.pick(['collective', 'cooperative', 'enterprise']), big ? '示范县新能源开发有限公司' : `${v!.name}专业合作社`,
        v?.id ?? null, big ? '示范县光伏产业园' : `${v!.name}`, built, ACCOUNTANT_ID, stampAt, stampAt);

      // Its cost: one investment voucher in the first bench year, linked to the asset.
      const fen = (big ? rng.int(800, 2_000) * 10_000 : rng.int(10, 80) * 10_000) * 100;
      const source = rng.pick(sourceOf.all(years[0]) as number[]);
      const date = `${years[0]}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
      const { lineIds } = writer.write({
        date, memo: `${code} 资产建设投资`,
        lines: [
          { account: COST_ACCOUNT[cls]!, summary: `${code} 建设投资`, debit: fen, credit: 0, source, asset: a, village: v?.id ?? null },
          { account: '1001', summary: '银行付款', debit: 0, credit: fen, asset: a, village: v?.id ?? null },
        ],
      });
      insCost.run(lineIds[0], a, ACCOUNTANT_ID, stampAt);

      // Shareholders.
      let seq = 0;
      const share = (householdId: number | null, villageId: number, units: number) => {
        seq++;
        insShare.run(a, seq, `GQ-${code}-${String(seq).padStart(4, '0')}`, householdId === null ? 'village' : 'household', householdId, villageId,
          units, 1, `${builtYear + 1}-01-01`, ACCOUNTANT_ID, stampAt);
        shares++;
      };
      if (big) {
        for (const h of households) share(h.id, villageOf.get(h.id)!, rng.int(1, 3));
      } else if (cls === 'business') {
        share(null, v!.id, 10);
        const list = byVillage.get(v!.id) ?? [];
        const n = Math.min(list.length, rng.int(10, 40));
        const start = rng.int(0, Math.max(0, list.length - 1));
        for (let i = 0; i < n; i++) share(list[(start + i) % list.length]!, v!.id, rng.int(1, 3));
      }

      // Income of business assets: one a year, posted (Dr 1001 + 5201.01 land rent + 5201.03 upkeep / Cr 4101).
      if (cls === 'business') {
        for (const year of years) {
          const month = year === years[years.length - 1] ? rng.int(1, lastMonth) : rng.int(1, 12);
          const on = `${year}-${pad2(month)}-${pad2(rng.int(1, 28))}`;
          const gross = (big ? rng.int(300, 900) * 10_000 : rng.int(2, 40) * 1_000) * 100;
          const rent = Math.round(gross * 0.05);
          const upkeep = Math.round(gross * 0.03);
          const net = gross - rent - upkeep;
          const label = `${code} ${year}年度收益`;
          const posted = writer.write({
            date: on, memo: `资产收益 ${label}`,
            lines: [
              { account: '1001', summary: `资产收益到账 ${label}`, debit: net, credit: 0, asset: a, village: v?.id ?? null },
              { account: '5201.01', summary: `土地租金 ${label}`, debit: rent, credit: 0, asset: a, village: v?.id ?? null },
              { account: '5201.03', summary: `运营维护 ${label}`, debit: upkeep, credit: 0, asset: a, village: v?.id ?? null },
              { account: '4101', summary: `资产收益 ${label}`, debit: 0, credit: gross, asset: a, village: v?.id ?? null },
            ],
          });
          incomeId++;
          insIncome.run(incomeId, a, on, `${year}年度`, gross, rent, upkeep, net, posted.id, ACCOUNTANT_ID, stampAt);
          incomes++;
        }
      }
    }
  };
  const cache = s.pragma('cache_size', { simple: true }) as number;
  s.pragma('cache_size = -262144');
  try {
    s.transaction(run).immediate();
  } finally {
    s.pragma(`cache_size = ${cache}`);
  }
  return { assets: count, shares, incomes, distributionAssetId: 1, distributionShareholders: households.length };
}

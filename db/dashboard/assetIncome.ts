/**
 * Asset income (资产收益) for the dashboard and the asset report, from the asset register
 * (db/assets): per asset in the area,
 *   received     = gross income received in the year (asset_incomes.gross_fen),
 *   costs        = its deductions: land rent, taxes and insurance, operation and maintenance,
 *   distributed  = totals of distribution plans paid in the year (paid or being reversed, as
 *                  db/assets/undistributed.ts counts distributed),
 *   waiting      = distributable income not distributed yet, today — the assets list's
 *                  "undistributed" figure (same SQL), with the date the oldest of it came in.
 * Without a year, received/costs/distributed cover every year. Assets without a village belong to
 * the county and count only when no township or village is chosen.
 */
import type { Ledger } from '../ledger';
import { sumFen } from '../rules/money';
import { COST_SQL } from '../assets/cost';
import { DISTRIBUTED, OLDEST_UNDISTRIBUTED_SQL, UNDISTRIBUTED_FEN_SQL } from '../assets/undistributed';
import type { AreaFilter } from './schemas';

export interface AssetIncomeRow {
  assetId: number;
  code: string;
  name: string;
  villageId: number | null;
  village: string | null;
  township: string | null;
  assetClass: string;
  status: string;
  /** What built it (db/assets/cost.ts). */
  costFen: number;
  receivedFen: number;
  costsFen: number;
  distributedFen: number;
  waitingFen: number;
  oldestWaitingOn: string | null;
}

export interface AssetIncomeFigures {
  year: number | null;
  receivedFen: number;
  costsFen: number;
  distributedFen: number;
  waitingFen: number;
  rows: AssetIncomeRow[];
}

const IN_YEAR = (column: string) => `(@from IS NULL OR ${column} BETWEEN @from AND @to)`;

export function assetIncomeFigures(ledger: Ledger, year: number | undefined, area: AreaFilter = {}): AssetIncomeFigures {
  const rows = ledger.sqlite
    .prepare(`SELECT a.id AS assetId, a.code, a.name, a.village_id AS villageId, vg.name AS village, t.name AS township,
                     a.asset_class AS assetClass, a.status, ${COST_SQL} AS costFen,
                     (SELECT coalesce(sum(i.gross_fen), 0) FROM asset_incomes i WHERE i.asset_id = a.id AND ${IN_YEAR('i.received_on')}) AS receivedFen,
                     (SELECT coalesce(sum(i.land_rent_fen + i.tax_insurance_fen + i.maintenance_fen), 0) FROM asset_incomes i
                       WHERE i.asset_id = a.id AND ${IN_YEAR('i.received_on')}) AS costsFen,
                     (SELECT coalesce(sum(p.total_fen), 0) FROM distribution_plans p
                       WHERE p.asset_id = a.id AND p.status IN ${DISTRIBUTED} AND ${IN_YEAR('p.pay_date')}) AS distributedFen,
                     ${UNDISTRIBUTED_FEN_SQL} AS waitingFen, ${OLDEST_UNDISTRIBUTED_SQL} AS oldestWaitingOn
                FROM assets a LEFT JOIN villages vg ON vg.id = a.village_id LEFT JOIN townships t ON t.id = vg.township_id
               WHERE (@townshipId IS NULL OR vg.township_id = @townshipId) AND (@villageId IS NULL OR a.village_id = @villageId)
               ORDER BY a.code`)
    .all({
      from: year === undefined ? null : `${year}-01-01`, to: `${year ?? 9999}-12-31`,
      townshipId: area.townshipId ?? null, villageId: area.villageId ?? null,
    }) as AssetIncomeRow[];
  const sum = (k: 'receivedFen' | 'costsFen' | 'distributedFen' | 'waitingFen') => sumFen(rows.map((r) => r[k]));
  return { year: year ?? null, receivedFen: sum('receivedFen'), costsFen: sum('costsFen'), distributedFen: sum('distributedFen'), waitingFen: sum('waitingFen'), rows };
}

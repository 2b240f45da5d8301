/** Reading the asset register: the list with cost and waiting income, and one asset in full. */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { notFound } from '../errors';
import { today } from '../shared/tx';
import type { Page } from '../shared/zod';
import type { AssetCategory, AssetClass, AssetOperator, AssetOwnership, AssetStatus } from '../codes';
import { assetQuery } from './schemas';
import { COST_SQL } from './cost';
import { OLDEST_UNDISTRIBUTED_SQL, UNDISTRIBUTED_FEN_SQL, daysBetween } from './undistributed';

export interface AssetListRow {
  id: number;
  code: string;
  name: string;
  assetClass: AssetClass;
  category: AssetCategory;
  ownership: AssetOwnership;
  operator: AssetOperator;
  village: string | null;
  status: AssetStatus;
  costFen: number;
  sharesInForce: number;
  undistributedFen: number;
  oldestUndistributedOn: string | null;
  /** Days since the oldest income not yet distributed was received; null when none waits. */
  undistributedDays: number | null;
}

const LIST_SELECT = `SELECT a.id, a.code, a.name, a.asset_class AS assetClass, a.category, a.ownership, a.operator, vg.name AS village, a.status,
    ${COST_SQL} AS costFen,
    (SELECT count(*) FROM asset_shares s WHERE s.asset_id = a.id AND s.withdrawn_on IS NULL AND (s.to_date IS NULL OR s.to_date >= @today)) AS sharesInForce,
    ${UNDISTRIBUTED_FEN_SQL} AS undistributedFen, ${OLDEST_UNDISTRIBUTED_SQL} AS oldestUndistributedOn
  FROM assets a LEFT JOIN villages vg ON vg.id = a.village_id`;

type RawRow = Omit<AssetListRow, 'undistributedDays'>;
const withAge = (r: RawRow, on: string): AssetListRow => ({ ...r, undistributedDays: daysBetween(r.oldestUndistributedOn, on) });

export function listAssets(ledger: Ledger, raw: z.input<typeof assetQuery>): Page<AssetListRow> {
  const q = assetQuery.parse(raw);
  const where = `WHERE (@q = '' OR a.code LIKE @like OR a.name LIKE @like OR a.operator_name LIKE @like)
    AND (@assetClass IS NULL OR a.asset_class = @assetClass) AND (@category IS NULL OR a.category = @category)
    AND (@status IS NULL OR a.status = @status) AND (@villageId IS NULL OR a.village_id = @villageId)`;
  const on = today();
  const args = {
    q: q.q, like: `%${q.q}%`, assetClass: q.assetClass ?? null, category: q.category ?? null, status: q.status ?? null, villageId: q.villageId ?? null, today: on,
  };
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM assets a ${where}`).pluck().get(args) as number;
  const rows = ledger.sqlite.prepare(`${LIST_SELECT} ${where} ORDER BY a.code LIMIT @limit OFFSET @offset`).all({ ...args, limit: q.limit, offset: q.offset }) as RawRow[];
  return { rows: rows.map((r) => withAge(r, on)), total, offset: q.offset, limit: q.limit };
}

export interface InspectionRow {
  id: number;
  inspectedOn: string;
  inspector: string;
  findings: string;
}

export interface AssetDetail extends AssetListRow {
  operatorName: string;
  villageId: number | null;
  location: string;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  builtOn: string | null;
  note: string;
  disposedOn: string | null;
  disposalMethod: string | null;
  disposalProceedsFen: number | null;
  disposalApproval: string | null;
  disposalNote: string;
  inspections: InspectionRow[];
}

export function getAsset(ledger: Ledger, assetId: number): AssetDetail {
  const on = today();
  const row = ledger.sqlite
    .prepare(`${LIST_SELECT.replace('FROM assets a', `, a.operator_name AS operatorName, a.village_id AS villageId, a.location, a.project_id AS projectId,
                p.code AS projectCode, p.name AS projectName, a.built_on AS builtOn, a.note, a.disposed_on AS disposedOn,
                a.disposal_method AS disposalMethod, a.disposal_proceeds_fen AS disposalProceedsFen, a.disposal_approval AS disposalApproval,
                a.disposal_note AS disposalNote
              FROM assets a LEFT JOIN projects p ON p.id = a.project_id`)} WHERE a.id = @id`)
    .get({ id: assetId, today: on }) as (RawRow & Omit<AssetDetail, keyof AssetListRow | 'inspections'>) | undefined;
  if (!row) notFound('Asset', '资产', assetId);
  const inspections = ledger.sqlite
    .prepare('SELECT id, inspected_on AS inspectedOn, inspector, findings FROM asset_inspections WHERE asset_id = ? ORDER BY inspected_on DESC, id DESC')
    .all(assetId) as InspectionRow[];
  return { ...withAge(row, on), ...row, undistributedDays: daysBetween(row.oldestUndistributedOn, on), inspections };
}

export interface AssetOption {
  id: number;
  code: string;
  name: string;
  status: AssetStatus;
}

export function assetOptions(ledger: Ledger): AssetOption[] {
  return ledger.sqlite.prepare('SELECT id, code, name, status FROM assets ORDER BY code').all() as AssetOption[];
}

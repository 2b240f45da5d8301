/** The asset register: create, correct, inspect and dispose of assets. */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { fail, invalid, notFound } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { formatFen } from '../rules/money';
import { assetFields, disposeInput, inspectionInput, updateAssetInput, type AssetFields } from './schemas';
import { undistributed } from './undistributed';

export interface AssetHead {
  id: number;
  code: string;
  name: string;
  status: 'in_operation' | 'idle' | 'disposed';
  villageId: number | null;
  disposedOn: string | null;
}

export function assetHead(ledger: Ledger, assetId: number): AssetHead {
  const row = ledger.sqlite
    .prepare('SELECT id, code, name, status, village_id AS villageId, disposed_on AS disposedOn FROM assets WHERE id = ?')
    .get(assetId) as AssetHead | undefined;
  if (!row) notFound('Asset', '资产', assetId);
  return row;
}

/** Refuses new shares, income or plans on a disposed asset. */
export function assertNotDisposed(asset: AssetHead, field = 'assetId'): void {
  if (asset.status === 'disposed') {
    fail('RULE', `Asset ${asset.code} was disposed of on ${asset.disposedOn}`, `资产 ${asset.code} 已于 ${asset.disposedOn} 处置`, { field });
  }
}

function checkFields(ledger: Ledger, f: AssetFields, selfId = -1): void {
  if (ledger.sqlite.prepare('SELECT 1 FROM assets WHERE code = ? AND id <> ?').get(f.code, selfId)) {
    invalid('code', `Asset code ${f.code} is already used`, `资产编号 ${f.code} 已被使用`);
  }
  if (f.villageId != null && !ledger.sqlite.prepare('SELECT 1 FROM villages WHERE id = ?').get(f.villageId)) {
    invalid('villageId', `Village ${f.villageId} does not exist`, `行政村 ${f.villageId} 不存在`);
  }
  if (f.projectId != null && !ledger.sqlite.prepare('SELECT 1 FROM projects WHERE id = ?').get(f.projectId)) {
    invalid('projectId', `Project ${f.projectId} does not exist`, `项目 ${f.projectId} 不存在`);
  }
  if (f.ownership === 'village_collective' && f.villageId == null) {
    invalid('villageId', 'An asset owned by a village collective needs its village', '归村集体所有的资产须填写所在行政村');
  }
}

const params = (f: AssetFields, at: string) => ({
  ...f, villageId: f.villageId ?? null, projectId: f.projectId ?? null, builtOn: f.builtOn ?? null, at,
});

function readFields(ledger: Ledger, assetId: number): AssetFields & { disposed: boolean } {
  const row = ledger.sqlite
    .prepare(`SELECT code, name, asset_class AS assetClass, category, ownership, operator, operator_name AS operatorName,
                     village_id AS villageId, location, project_id AS projectId, built_on AS builtOn, status, note
                FROM assets WHERE id = ?`)
    .get(assetId) as (Omit<AssetFields, 'status'> & { status: string }) | undefined;
  if (!row) notFound('Asset', '资产', assetId);
  return { ...row, status: row.status === 'idle' ? 'idle' : 'in_operation', disposed: row.status === 'disposed' } as AssetFields & { disposed: boolean };
}

export function createAsset(ledger: Ledger, actor: Actor, raw: z.input<typeof assetFields>): { id: number } {
  const input = assetFields.parse(raw);
  return inTransaction(ledger, () => {
    checkFields(ledger, input);
    const created = ledger.sqlite
      .prepare(`INSERT INTO assets (code, name, asset_class, category, ownership, operator, operator_name, village_id, location,
                  project_id, built_on, status, note, created_by, created_at, updated_at)
                VALUES (@code, @name, @assetClass, @category, @ownership, @operator, @operatorName, @villageId, @location,
                  @projectId, @builtOn, @status, @note, @by, @at, @at) RETURNING id`)
      .get({ ...params(input, nowIso()), by: actor.userId }) as { id: number };
    appendAudit(ledger, actor, { entity: 'asset', entityId: created.id, action: 'create', after: input });
    return created;
  });
}

/** Corrects an asset's particulars; a disposed asset is closed. */
export function updateAsset(ledger: Ledger, actor: Actor, raw: z.input<typeof updateAssetInput>): void {
  const { assetId, fields } = updateAssetInput.parse(raw);
  inTransaction(ledger, () => {
    const { disposed, ...before } = readFields(ledger, assetId);
    if (disposed) assertNotDisposed(assetHead(ledger, assetId));
    const next = assetFields.parse({ ...before, ...fields });
    checkFields(ledger, next, assetId);
    ledger.sqlite
      .prepare(`UPDATE assets SET code = @code, name = @name, asset_class = @assetClass, category = @category, ownership = @ownership,
                  operator = @operator, operator_name = @operatorName, village_id = @villageId, location = @location, project_id = @projectId,
                  built_on = @builtOn, status = @status, note = @note, updated_at = @at WHERE id = @id`)
      .run({ ...params(next, nowIso()), id: assetId });
    appendAudit(ledger, actor, { entity: 'asset', entityId: assetId, action: 'update', before, after: next });
  });
}

export function addInspection(ledger: Ledger, actor: Actor, raw: z.input<typeof inspectionInput>): { id: number } {
  const input = inspectionInput.parse(raw);
  return inTransaction(ledger, () => {
    assetHead(ledger, input.assetId);
    const created = ledger.sqlite
      .prepare(`INSERT INTO asset_inspections (asset_id, inspected_on, inspector, findings, created_by, created_at)
                VALUES (@assetId, @inspectedOn, @inspector, @findings, @by, @at) RETURNING id`)
      .get({ ...input, by: actor.userId, at: nowIso() }) as { id: number };
    appendAudit(ledger, actor, { entity: 'asset_inspection', entityId: created.id, action: 'create', after: input });
    return created;
  });
}

/**
 * Records the disposal (处置) of an asset. Shares still in force and income not yet distributed
 * must be settled first, so nobody's rights disappear with the asset.
 */
export function disposeAsset(ledger: Ledger, actor: Actor, raw: z.input<typeof disposeInput>): void {
  const input = disposeInput.parse(raw);
  inTransaction(ledger, () => {
    const asset = assetHead(ledger, input.assetId);
    assertNotDisposed(asset);
    const open = ledger.sqlite
      .prepare(`SELECT count(*) FROM asset_shares WHERE asset_id = @assetId AND withdrawn_on IS NULL AND (to_date IS NULL OR to_date >= @on)`)
      .pluck().get({ assetId: asset.id, on: input.disposedOn }) as number;
    if (open > 0) {
      fail('RULE', `${open} share(s) of ${asset.code} are still in force on ${input.disposedOn}; withdraw them first`,
        `资产 ${asset.code} 在 ${input.disposedOn} 仍有 ${open} 份股权有效，请先办理退出`, { field: 'disposedOn' });
    }
    const plans = ledger.sqlite
      .prepare(`SELECT count(*) FROM distribution_plans WHERE asset_id = ? AND status IN ('draft', 'approved', 'reversing')`)
      .pluck().get(asset.id) as number;
    if (plans > 0) {
      fail('RULE', `${asset.code} has ${plans} distribution plan(s) still open; pay or cancel them first`,
        `资产 ${asset.code} 还有 ${plans} 个未完成的分配方案，请先发放或作废`, { field: 'assetId' });
    }
    const waiting = undistributed(ledger, asset.id);
    if (waiting.fen > 0) {
      fail('RULE', `${asset.code} still has ${formatFen(waiting.fen)} yuan of income not distributed; distribute it first`,
        `资产 ${asset.code} 还有 ${formatFen(waiting.fen)} 元收益未分配，请先分配`, { field: 'assetId' });
    }
    ledger.sqlite
      .prepare(`UPDATE assets SET status = 'disposed', disposed_on = @disposedOn, disposal_method = @method, disposal_proceeds_fen = @proceedsFen,
                  disposal_approval = @approval, disposal_note = @note, updated_at = @at WHERE id = @assetId`)
      .run({ ...input, at: nowIso() });
    appendAudit(ledger, actor, { entity: 'asset', entityId: asset.id, action: 'dispose', before: { status: asset.status }, after: input });
  });
}

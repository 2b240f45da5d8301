import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { makeIdNumber } from '../../db/rules/idNumber';
import { deriveStatus, type StatusEventLike } from '../../db/rules/status';
import { createAsset } from '../../db/assets/register';
import { certificateNo } from '../../db/assets/shares';
import { fundsWorld, type World } from './funds.helpers';

export interface AssetsWorld extends World {
  assetId: number;
  assetCode: string;
}

/** The funds world plus one photovoltaic station owned by its village. */
export function assetsWorld(code = 'PV-001'): AssetsWorld {
  const w = fundsWorld();
  const { id } = createAsset(w.ledger, w.accountant, {
    code, name: '石桥村光伏电站', assetClass: 'business', category: 'photovoltaic', ownership: 'village_collective', operator: 'enterprise',
    operatorName: '青山新能源有限公司', villageId: w.villageId, projectId: w.projectId, builtOn: '2025-06-30',
  });
  return { ...w, assetId: id, assetCode: code };
}

/**
 * Registers n households with `members` living members each, straight into the tables (fast
 * enough for tens of thousands). Synthetic names and ID numbers only.
 */
export function bulkHouseholds(ledger: Ledger, villageId: number, n: number, prefix: string, members = 1): number[] {
  const h = ledger.sqlite.prepare(`INSERT INTO households (archive_no, village_id, attribute, main_cause, identified_year, status, status_since,
      head_name, size, bank_name, bank_account, created_at, updated_at)
    VALUES (?, ?, '1', 'illness', 2016, 'poor', '2016-01-01', ?, ?, '农村信用社', ?, '2016-01-01T00:00:00Z', '2016-01-01T00:00:00Z') RETURNING id`).pluck();
  const m = ledger.sqlite.prepare(`INSERT INTO members (household_id, id_number, name, sex, birth_date, relation) VALUES (?, ?, ?, 'M', '1970-01-01', ?)`);
  const ids: number[] = [];
  ledger.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = h.get(`${prefix}-${String(i).padStart(6, '0')}`, villageId, `户主${i}`, members, `6217${String(i).padStart(15, '0')}`) as number;
      for (let k = 0; k < members; k++) m.run(id, makeIdNumber('532999', '1970-01-01', (i * members + k) % 1000, 'M'), `成员${k}`, k === 0 ? 'head' : 'son');
      ids.push(id);
    }
  })();
  return ids;
}

/** Adds approved status events to a household (as the registry would after approval) and refreshes its cached status from all of them. */
export function setHistory(ledger: Ledger, householdId: number, events: Omit<StatusEventLike, 'id'>[], by: Actor): void {
  const insert = ledger.sqlite.prepare(`INSERT INTO status_events (household_id, type, monitoring_type, cancel_reason, event_date, reason, state, proposed_by, proposed_at, decided_by, decided_at)
    VALUES (?, ?, ?, ?, ?, 'test', 'approved', ?, 'now', ?, 'now')`);
  for (const e of events) insert.run(householdId, e.type, e.monitoringType ?? null, e.cancelReason ?? null, e.eventDate, by.userId, by.userId);
  const all = ledger.sqlite
    .prepare(`SELECT id, type, monitoring_type AS monitoringType, cancel_reason AS cancelReason, event_date AS eventDate FROM status_events WHERE household_id = ? AND state = 'approved'`)
    .all(householdId) as StatusEventLike[];
  const d = deriveStatus(all);
  ledger.sqlite
    .prepare(`UPDATE households SET status = ?, status_since = ?, policy_ends_on = ?, monitoring_type = ? WHERE id = ?`)
    .run(d.status, d.statusSince, d.policyEndsOn, d.monitoringType, householdId);
}

/** Issues shares straight into the table (for large plans), numbered as addShare numbers them. */
export function bulkShares(ledger: Ledger, by: Actor, asset: { id: number; code: string }, householdIds: number[], opts: { units?: (i: number) => number; weight?: (i: number) => number; from?: string } = {}): void {
  const villages = ledger.sqlite.prepare('SELECT village_id FROM households WHERE id = ?').pluck();
  const start = ledger.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM asset_shares WHERE asset_id = ?').pluck().get(asset.id) as number;
  const insert = ledger.sqlite.prepare(`INSERT INTO asset_shares (asset_id, seq, certificate_no, holder_type, household_id, village_id, units, weight, from_date, created_by, created_at)
    VALUES (?, ?, ?, 'household', ?, ?, ?, ?, ?, ?, 'now')`);
  ledger.sqlite.transaction(() => {
    householdIds.forEach((hid, i) => {
      const seq = start + i + 1;
      insert.run(asset.id, seq, certificateNo(asset.code, seq), hid, villages.get(hid), opts.units?.(i) ?? 10, opts.weight?.(i) ?? 1, opts.from ?? '2026-01-01', by.userId);
    });
  })();
}

/**
 * Which households or villages a print covers.
 *
 * A village or township batch of household cards covers the households that hold cards: every
 * status except 注销 (cancelled) and 已脱贫(不再享受政策) (exited_no_policy). A household chosen
 * by hand is printed whatever its status, unless it is cancelled.
 */
import type { Ledger } from '../ledger';
import { fail, notFound } from '../errors';
import type { PrintScope } from './schemas';
import type { VillagePlace } from './noticeFrame';

export const CARD_STATUSES = ['new_identified', 'poor', 'exited', 'returned', 'non_poor'] as const;

const IN_CARD_STATUSES = `h.status IN (${CARD_STATUSES.map((s) => `'${s}'`).join(', ')})`;

function checkVillage(ledger: Ledger, villageId: number): void {
  if (!ledger.sqlite.prepare('SELECT 1 FROM villages WHERE id = ?').get(villageId)) notFound('Village', '行政村', villageId);
}

function checkTownship(ledger: Ledger, townshipId: number): void {
  if (!ledger.sqlite.prepare('SELECT 1 FROM townships WHERE id = ?').get(townshipId)) notFound('Township', '乡镇', townshipId);
}

function chosenHouseholds(ledger: Ledger, ids: readonly number[]): number[] {
  const get = ledger.sqlite.prepare('SELECT id, archive_no AS archiveNo, status FROM households WHERE id = ?');
  const unique = [...new Set(ids)];
  for (const id of unique) {
    const row = get.get(id) as { id: number; archiveNo: string; status: string } | undefined;
    if (!row) notFound('Household', '户', id);
    if (row.status === 'cancelled') {
      fail('RULE', `Household ${row.archiveNo} is cancelled; no card is printed for it`, `${row.archiveNo} 户已注销，不打印证卡`, { field: 'scope' });
    }
  }
  return unique;
}

/** Household ids of the scope, in archive-number order for villages and townships. */
export function scopeHouseholds(ledger: Ledger, scope: PrintScope): number[] {
  switch (scope.kind) {
    case 'household':
      return chosenHouseholds(ledger, [scope.householdId]);
    case 'households':
      return chosenHouseholds(ledger, scope.householdIds);
    case 'village':
      checkVillage(ledger, scope.villageId);
      return ledger.sqlite
        .prepare(`SELECT h.id FROM households h WHERE h.village_id = ? AND ${IN_CARD_STATUSES} ORDER BY h.archive_no`)
        .pluck()
        .all(scope.villageId) as number[];
    case 'township':
      checkTownship(ledger, scope.townshipId);
      return ledger.sqlite
        .prepare(
          `SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id
            WHERE v.township_id = ? AND ${IN_CARD_STATUSES} ORDER BY v.code, h.archive_no`,
        )
        .pluck()
        .all(scope.townshipId) as number[];
  }
}

/** Refuses a scope naming a household, village or township that does not exist (or a cancelled household). */
export function checkScope(ledger: Ledger, scope: PrintScope): void {
  if (scope.kind === 'household') chosenHouseholds(ledger, [scope.householdId]);
  else if (scope.kind === 'households') chosenHouseholds(ledger, scope.householdIds);
  else if (scope.kind === 'village') checkVillage(ledger, scope.villageId);
  else checkTownship(ledger, scope.townshipId);
}

/** Villages of the scope (notices are posted per village). */
export function scopeVillages(ledger: Ledger, scope: PrintScope): VillagePlace[] {
  const select = `SELECT v.id AS villageId, v.name AS village, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id`;
  if (scope.kind === 'village') {
    checkVillage(ledger, scope.villageId);
    return ledger.sqlite.prepare(`${select} WHERE v.id = ?`).all(scope.villageId) as VillagePlace[];
  }
  if (scope.kind === 'township') {
    checkTownship(ledger, scope.townshipId);
    return ledger.sqlite.prepare(`${select} WHERE v.township_id = ? ORDER BY v.code`).all(scope.townshipId) as VillagePlace[];
  }
  return fail('INVALID_INPUT', 'A notice is printed for a village or a township', '公示按行政村或乡镇打印', { field: 'scope' });
}

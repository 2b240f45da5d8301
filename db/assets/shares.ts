/**
 * 折股量化: shares of an asset's income rights held by households and village collectives, with
 * their certificate numbers (GQ-<asset code>-0001, per asset, never reused).
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { fail, invalid, notFound } from '../errors';
import { inTransaction, nowIso, today } from '../shared/tx';
import type { Page } from '../shared/zod';
import { shareInput, shareQuery, withdrawShareInput } from './schemas';
import { assertNotDisposed, assetHead } from './register';

/** SQL: share `s` is in force on @on (from and to inclusive; a withdrawal counts from its date). */
export const IN_FORCE = `s.from_date <= @on AND (s.to_date IS NULL OR s.to_date >= @on) AND (s.withdrawn_on IS NULL OR s.withdrawn_on > @on)`;

export const certificateNo = (assetCode: string, seq: number) => `GQ-${assetCode}-${String(seq).padStart(4, '0')}`;

export interface WeightSuggestion {
  weight: number;
  /** Living members who lost the ability to work (丧失劳动力). */
  lostLabour: number;
}

/** The suggested weight: 2 when a living member lost the ability to work, otherwise 1. */
export function suggestedWeight(ledger: Ledger, householdId: number): WeightSuggestion {
  if (!ledger.sqlite.prepare('SELECT 1 FROM households WHERE id = ?').get(householdId)) notFound('Household', '农户', householdId);
  const lostLabour = ledger.sqlite
    .prepare(`SELECT count(*) FROM members WHERE household_id = ? AND removed = 0 AND deceased = 0 AND labour_ability = 'lost'`)
    .pluck().get(householdId) as number;
  return { weight: lostLabour > 0 ? 2 : 1, lostLabour };
}

interface NewShare {
  assetId: number;
  assetCode: string;
  holderType: 'household' | 'village';
  householdId: number | null;
  villageId: number;
  units: number;
  weight: number;
  fromDate: string;
  toDate: string | null;
  note: string;
}

function insertShare(ledger: Ledger, actor: Actor, s: NewShare): { id: number; certificateNo: string } {
  const seq = (ledger.sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 FROM asset_shares WHERE asset_id = ?').pluck().get(s.assetId) as number);
  const no = certificateNo(s.assetCode, seq);
  if (ledger.sqlite.prepare('SELECT 1 FROM asset_shares WHERE certificate_no = ?').get(no)) {
    fail('CONFLICT', `Certificate number ${no} is already used`, `股权证号 ${no} 已被使用`, { field: 'assetId' });
  }
  const { assetCode: _code, ...values } = s;
  const created = ledger.sqlite
    .prepare(`INSERT INTO asset_shares (asset_id, seq, certificate_no, holder_type, household_id, village_id, units, weight, from_date, to_date, note, created_by, created_at)
              VALUES (@assetId, @seq, @no, @holderType, @householdId, @villageId, @units, @weight, @fromDate, @toDate, @note, @by, @at) RETURNING id`)
    .get({ ...values, seq, no, by: actor.userId, at: nowIso() }) as { id: number };
  return { id: created.id, certificateNo: no };
}

function assertNoOverlap(ledger: Ledger, s: NewShare): void {
  const clash = ledger.sqlite
    .prepare(`SELECT certificate_no FROM asset_shares
               WHERE asset_id = @assetId AND household_id = @householdId
                 AND (withdrawn_on IS NULL OR withdrawn_on > @fromDate) AND (to_date IS NULL OR to_date >= @fromDate)
                 AND (@toDate IS NULL OR from_date <= @toDate)`)
    .pluck().get({ assetId: s.assetId, householdId: s.householdId, fromDate: s.fromDate, toDate: s.toDate }) as string | undefined;
  if (clash) {
    fail('CONFLICT', `This household already holds share ${clash} of the asset in that period`, `该户在此期间已持有该资产的股权 ${clash}`, { field: 'householdId' });
  }
}

/** Issues a share with the next certificate number of its asset. */
export function addShare(ledger: Ledger, actor: Actor, raw: z.input<typeof shareInput>): { id: number; certificateNo: string } {
  const input = shareInput.parse(raw);
  return inTransaction(ledger, () => {
    const asset = assetHead(ledger, input.assetId);
    assertNotDisposed(asset);
    if (input.toDate && input.toDate < input.fromDate) invalid('toDate', 'The end date is before the start date', '截止日期早于起始日期');
    let villageId: number;
    let weight = input.weight;
    if (input.holderType === 'household') {
      if (!input.householdId) invalid('householdId', 'Choose the household that holds the share', '请选择持股农户');
      const h = ledger.sqlite.prepare('SELECT village_id AS villageId, status FROM households WHERE id = ?').get(input.householdId) as { villageId: number; status: string } | undefined;
      if (!h) notFound('Household', '农户', input.householdId);
      if (h.status === 'cancelled') invalid('householdId', 'The household is cancelled (注销) and cannot hold shares', '该户已注销，不能持股');
      villageId = h.villageId;
      weight ??= suggestedWeight(ledger, input.householdId).weight;
    } else {
      if (!input.villageId) invalid('villageId', 'Choose the village whose collective holds the share', '请选择持股的村集体');
      if (!ledger.sqlite.prepare('SELECT 1 FROM villages WHERE id = ?').get(input.villageId)) notFound('Village', '行政村', input.villageId);
      villageId = input.villageId;
      weight ??= 1;
    }
    const share: NewShare = {
      assetId: asset.id, assetCode: asset.code, holderType: input.holderType, householdId: input.holderType === 'household' ? input.householdId! : null,
      villageId, units: input.units, weight, fromDate: input.fromDate, toDate: input.toDate ?? null, note: input.note,
    };
    if (share.householdId !== null) assertNoOverlap(ledger, share);
    const created = insertShare(ledger, actor, share);
    appendAudit(ledger, actor, { entity: 'asset_share', entityId: created.id, action: 'create', after: { ...share, certificateNo: created.certificateNo } });
    return created;
  });
}

interface ShareRow {
  id: number;
  assetId: number;
  assetCode: string;
  holderType: 'household' | 'village';
  householdId: number | null;
  villageId: number;
  units: number;
  weight: number;
  fromDate: string;
  toDate: string | null;
  withdrawnOn: string | null;
  certificateNo: string;
}

/**
 * Withdraws a share (退出), e.g. after the household stably exits poverty. It stops counting on
 * the withdrawal date; with `passToCollective` the same units pass to the village collective as a
 * new share (weight 1) from that date, with its own certificate number.
 */
export function withdrawShare(ledger: Ledger, actor: Actor, raw: z.input<typeof withdrawShareInput>): { successor: { id: number; certificateNo: string } | null } {
  const input = withdrawShareInput.parse(raw);
  return inTransaction(ledger, () => {
    const s = ledger.sqlite
      .prepare(`SELECT s.id, s.asset_id AS assetId, a.code AS assetCode, s.holder_type AS holderType, s.household_id AS householdId, s.village_id AS villageId,
                       s.units, s.weight, s.from_date AS fromDate, s.to_date AS toDate, s.withdrawn_on AS withdrawnOn, s.certificate_no AS certificateNo
                  FROM asset_shares s JOIN assets a ON a.id = s.asset_id WHERE s.id = ?`)
      .get(input.shareId) as ShareRow | undefined;
    if (!s) notFound('Share', '股权', input.shareId);
    if (s.withdrawnOn) fail('CONFLICT', `Share ${s.certificateNo} was already withdrawn on ${s.withdrawnOn}`, `股权 ${s.certificateNo} 已于 ${s.withdrawnOn} 退出`, { field: 'shareId' });
    if (input.withdrawnOn < s.fromDate) invalid('withdrawnOn', `The withdrawal date is before the share started (${s.fromDate})`, `退出日期早于股权起始日期（${s.fromDate}）`);
    if (input.passToCollective && s.holderType !== 'household') {
      invalid('passToCollective', 'Only a household’s share can pass to the collective', '只有农户的股权可以转归村集体');
    }
    ledger.sqlite.prepare('UPDATE asset_shares SET withdrawn_on = ?, withdraw_reason = ? WHERE id = ?').run(input.withdrawnOn, input.reason, s.id);
    let successor: { id: number; certificateNo: string } | null = null;
    if (input.passToCollective) {
      assertNotDisposed(assetHead(ledger, s.assetId));
      successor = insertShare(ledger, actor, {
        assetId: s.assetId, assetCode: s.assetCode, holderType: 'village', householdId: null, villageId: s.villageId, units: s.units, weight: 1,
        fromDate: input.withdrawnOn, toDate: s.toDate, note: `承接 ${s.certificateNo}`,
      });
      ledger.sqlite.prepare('UPDATE asset_shares SET successor_id = ? WHERE id = ?').run(successor.id, s.id);
    }
    appendAudit(ledger, actor, {
      entity: 'asset_share', entityId: s.id, action: 'withdraw', before: { withdrawnOn: null }, after: { ...input, successor: successor?.certificateNo ?? null },
    });
    return { successor };
  });
}

export interface ShareListRow {
  id: number;
  certificateNo: string;
  assetId: number;
  assetCode: string;
  assetName: string;
  holderType: 'household' | 'village';
  householdId: number | null;
  archiveNo: string | null;
  /** The household head, or the village name for a collective. */
  holderName: string;
  householdStatus: string | null;
  villageId: number;
  village: string;
  units: number;
  weight: number;
  fromDate: string;
  toDate: string | null;
  withdrawnOn: string | null;
  withdrawReason: string | null;
  successorNo: string | null;
  inForce: boolean;
}

export function listShares(ledger: Ledger, raw: z.input<typeof shareQuery>): Page<ShareListRow> {
  const q = shareQuery.parse(raw);
  const on = q.activeOn ?? today();
  const where = `WHERE (@assetId IS NULL OR s.asset_id = @assetId) AND (@householdId IS NULL OR s.household_id = @householdId)
    AND (@villageId IS NULL OR s.village_id = @villageId) AND (@activeOnly = 0 OR (${IN_FORCE}))
    AND (@q = '' OR s.certificate_no LIKE @like OR h.head_name LIKE @like OR h.archive_no LIKE @like OR vg.name LIKE @like)`;
  const args = {
    assetId: q.assetId ?? null, householdId: q.householdId ?? null, villageId: q.villageId ?? null, activeOnly: q.activeOn ? 1 : 0, on, q: q.q, like: `%${q.q}%`,
  };
  const from = `FROM asset_shares s JOIN assets a ON a.id = s.asset_id JOIN villages vg ON vg.id = s.village_id LEFT JOIN households h ON h.id = s.household_id`;
  const total = ledger.sqlite.prepare(`SELECT count(*) ${from} ${where}`).pluck().get(args) as number;
  const rows = ledger.sqlite
    .prepare(`SELECT s.id, s.certificate_no AS certificateNo, s.asset_id AS assetId, a.code AS assetCode, a.name AS assetName, s.holder_type AS holderType,
                     s.household_id AS householdId, h.archive_no AS archiveNo, coalesce(h.head_name, vg.name) AS holderName, h.status AS householdStatus,
                     s.village_id AS villageId, vg.name AS village, s.units, s.weight, s.from_date AS fromDate, s.to_date AS toDate,
                     s.withdrawn_on AS withdrawnOn, s.withdraw_reason AS withdrawReason,
                     (SELECT certificate_no FROM asset_shares x WHERE x.id = s.successor_id) AS successorNo, (${IN_FORCE}) AS inForce
                ${from} ${where} ORDER BY a.code, s.seq LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: q.limit, offset: q.offset }) as (Omit<ShareListRow, 'inForce'> & { inForce: number })[];
  return { rows: rows.map((r) => ({ ...r, inForce: r.inForce === 1 })), total, offset: q.offset, limit: q.limit };
}

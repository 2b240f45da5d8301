/**
 * Who among an asset's shareholders is paid by a plan, as of the plan's date (docs/ASSETS.md):
 * - a cancelled household (注销) gets nothing;
 * - a household whose living members are all deceased (or who has none left) gets nothing;
 * - an exited household by the plan's rule: 'include' pays it, 'exclude' does not, and
 *   'only-with-policy' pays it only while its grace period runs (status 已脱贫(享受政策) and the
 *   as-of date before the end of its policies);
 * - everyone else is paid, and so is a village collective.
 * The status is the one derived from the approved status events up to the as-of date.
 */
import type { Ledger } from '../ledger';
import type { HouseholdStatus } from '../codes';
import { readStatusRules } from '../registry/statusRules';
import { replay, type StatusEventLike } from '../rules/status';
import type { ExitedRule } from './schemas';

export type Exclusion = 'cancelled' | 'deceased' | 'exited';

export interface HouseholdAsOf {
  status: HouseholdStatus;
  /** The end of the grace period's policies; they hold on days before it. */
  policyEndsOn: string | null;
  livingMembers: number;
}

/** PURE: why a household is left out of a plan, or null when it is paid. */
export function exclusion(h: HouseholdAsOf, rule: ExitedRule, asOf: string): Exclusion | null {
  if (h.status === 'cancelled') return 'cancelled';
  if (h.livingMembers === 0) return 'deceased';
  if (h.status !== 'exited' && h.status !== 'exited_no_policy') return null;
  if (rule === 'include') return null;
  if (rule === 'exclude') return 'exited';
  const inGrace = h.status === 'exited' && h.policyEndsOn !== null && asOf < h.policyEndsOn;
  return inGrace ? null : 'exited';
}

/**
 * SQL columns for a query that joins `households h` and binds @asOf: the stored status and the
 * number of living members on that date (removed members do not count; a death without a date does).
 *
 * Counted as all members minus those gone by the date (removed, or died on or before it): the first
 * count reads only the members_household index, the second only the few members that are deceased
 * or removed (the partial index members_gone_household), so a plan for 60,000 shareholders never
 * reads the member rows of the living. `(deceased OR removed) AND (removed OR died by the date)` is
 * exactly `NOT (living)`, written so that the partial index applies.
 */
export const AS_OF_COLUMNS = `h.status AS status, h.status_since AS statusSince, h.policy_ends_on AS policyEndsOn,
  (SELECT count(*) FROM members m WHERE m.household_id = h.id)
  - (SELECT count(*) FROM members m WHERE m.household_id = h.id AND (m.deceased = 1 OR m.removed = 1)
       AND (m.removed = 1 OR m.deceased_on IS NULL OR m.deceased_on <= @asOf)) AS livingMembers`;

export interface StoredAsOf {
  householdId: number;
  status: HouseholdStatus;
  statusSince: string;
  policyEndsOn: string | null;
  livingMembers: number;
}

/**
 * The households whose status changed after the date, replayed from their approved events up to
 * it; every other household keeps its stored status (see `asOfStatus`).
 */
export function replayedAsOf(ledger: Ledger, rows: readonly StoredAsOf[], asOf: string): Map<number, Pick<HouseholdAsOf, 'status' | 'policyEndsOn'>> {
  const changed: number[] = [];
  for (const h of rows) if (h.statusSince > asOf) changed.push(h.householdId);
  return replayAsOf(ledger, changed, asOf);
}

/** A household's status on the date: the replayed one when its status changed later, else the stored one. */
export function asOfStatus(row: StoredAsOf, replayed: ReadonlyMap<number, Pick<HouseholdAsOf, 'status' | 'policyEndsOn'>>): HouseholdAsOf {
  const r = replayed.get(row.householdId);
  return r ? { ...r, livingMembers: row.livingMembers } : row;
}

/** The same for a short list of households. */
export function householdsAsOf(ledger: Ledger, householdIds: readonly number[], asOf: string): Map<number, HouseholdAsOf> {
  if (!householdIds.length) return new Map();
  const rows = ledger.sqlite
    .prepare(`SELECT h.id AS householdId, ${AS_OF_COLUMNS} FROM households h WHERE h.id IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify(householdIds), asOf }) as StoredAsOf[];
  const replayed = replayedAsOf(ledger, rows, asOf);
  return new Map(rows.map((r) => [r.householdId, asOfStatus(r, replayed)]));
}

function replayAsOf(ledger: Ledger, householdIds: number[], asOf: string): Map<number, { status: HouseholdStatus; policyEndsOn: string | null }> {
  const out = new Map<number, { status: HouseholdStatus; policyEndsOn: string | null }>();
  if (!householdIds.length) return out;
  const rules = readStatusRules(ledger);
  const events = ledger.sqlite
    .prepare(`SELECT id, household_id AS householdId, type, monitoring_type AS monitoringType, cancel_reason AS cancelReason, event_date AS eventDate
                FROM status_events WHERE state = 'approved' AND event_date <= @asOf AND household_id IN (SELECT value FROM json_each(@ids))`)
    .all({ asOf, ids: JSON.stringify(householdIds) }) as (StatusEventLike & { householdId: number })[];
  const byHousehold = new Map<number, StatusEventLike[]>(householdIds.map((id) => [id, []]));
  for (const e of events) byHousehold.get(e.householdId)!.push(e);
  for (const [id, list] of byHousehold) {
    const r = replay(list, rules);
    // A history that does not replay cleanly is left to the stored status (the registry reports it).
    if (r.ok) out.set(id, { status: r.derived.status, policyEndsOn: r.derived.policyEndsOn });
  }
  return out;
}

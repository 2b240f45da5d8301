/**
 * What the household cards read from the registry: the household with its members, the living
 * members, and labels in the print language. One read per household.
 */
import type { Ledger } from '../ledger';
import { labelOf, type Lang } from '../codes';
import { getHousehold, type HouseholdView, type MemberView } from '../registry/queries';

export interface HouseholdFacts {
  household: HouseholdView;
  members: MemberView[];
  /** Not deceased, not moved out. */
  living: MemberView[];
}

export function householdFacts(ledger: Ledger, householdId: number): HouseholdFacts {
  const { household, members } = getHousehold(ledger, householdId);
  return { household, members, living: members.filter((m) => !m.deceased && !m.removed) };
}

/** "已脱贫（享受政策）· 脱贫不稳定户" — the status with the monitoring type when there is one. */
export function statusLabel(h: HouseholdView, lang: Lang): string {
  const status = labelOf('householdStatus', h.status, lang);
  return h.monitoringType ? `${status} · ${labelOf('monitoringType', h.monitoringType, lang)}` : status;
}

/** Where the household lives, as the card header shows it. */
export function placeOf(h: HouseholdView, county: string): { county: string; township: string; village: string; group?: string } {
  return { county, township: h.township, village: h.village, ...(h.groupName ? { group: h.groupName } : {}) };
}

/** Dec 31 of the card's year, or today when the year is the current one (ages, active cadres). */
export function asOfDate(year: number, today: string): string {
  return Number(today.slice(0, 4)) === year ? today : `${year}-12-31`;
}

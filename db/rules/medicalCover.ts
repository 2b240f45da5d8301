/**
 * Health-card eligibility for 先诊疗后付费 (treatment first, pay later) and “一站式” (one-stop)
 * settlement. PURE module.
 *
 * Rule (our reading of the health poverty-alleviation policy, DESIGN.md §2):
 * - the household is in the poverty-alleviation population: status 新识别 (new_identified),
 *   未脱贫 (poor), 返贫 (returned), or 已脱贫 while still enjoying policies (exited, grace period);
 *   not exited_no_policy, cancelled, or non_poor (monitored only);
 * - and the member holds basic medical insurance (城乡居民基本医疗保险), through which the
 *   hospital settles.
 * The card is printed per household, so it says "yes" only when EVERY living member qualifies: a
 * card never promises deferred payment to someone it does not cover. A member without basic
 * medical insurance shows on the card (insurance "none") and fails the basic-medical guarantee.
 */
import type { HouseholdStatus } from '../codes';

export const MEDICAL_POLICY_STATUSES: readonly HouseholdStatus[] = ['new_identified', 'poor', 'returned', 'exited'];

export interface CoverMember {
  insBasicMedical: boolean;
  deceased: boolean;
  removed: boolean;
}

export function statusQualifies(status: string): boolean {
  return (MEDICAL_POLICY_STATUSES as readonly string[]).includes(status);
}

/** One member: the household's status qualifies and the member holds basic medical insurance. */
export function memberQualifies(status: string, member: CoverMember): boolean {
  return statusQualifies(status) && member.insBasicMedical;
}

/** The household's card: every living member qualifies (and there is at least one). */
export function householdQualifies(status: string, members: readonly CoverMember[]): boolean {
  const living = members.filter((m) => !m.deceased && !m.removed);
  return living.length > 0 && living.every((m) => memberQualifies(status, m));
}

/** Treatment first, pay later and one-stop settlement follow the same rule. */
export function medicalCover(status: string, members: readonly CoverMember[]): { treatmentFirstPayLater: boolean; oneStopSettlement: boolean } {
  const ok = householdQualifies(status, members);
  return { treatmentFirstPayLater: ok, oneStopSettlement: ok };
}

/** Where the planted records (planted.ts) go in the county, and how a drawn household receives one. */
import type { DemoContext } from './context';
import { isoOf } from './dates';
import { living, type HouseholdDraft, type MemberDraft } from './drafts';
import { markDeceased } from './members';
import { PLANTED_KEYS, type PlantedKey } from './planted';

/** Household index → planted condition: spread over the county, one household each. */
export function plantPositions(households: number): Map<number, PlantedKey> {
  const plantAt = new Map<number, PlantedKey>();
  PLANTED_KEYS.forEach((key, k) => {
    let g = Math.floor(((2 * k + 1) * households) / (2 * PLANTED_KEYS.length));
    while (plantAt.has(g) && g < households - 1) g++;
    if (!plantAt.has(g) && g < households) plantAt.set(g, key);
  });
  return plantAt;
}

/**
 * Does the draft allow the planted condition? If so, apply it and name the member concerned
 * (null for household-level plants, which are applied when the row is written); false if not.
 */
export function applyPlant(ctx: DemoContext, key: PlantedKey, h: HouseholdDraft): MemberDraft | null | false {
  const { rng, today } = ctx;
  const head = h.members[0]!;
  switch (key) {
    case 'school_dropout': {
      const child = h.members.find((m) => living(m) && m.age >= 8 && m.age <= 14 && m.yearAge <= 15);
      if (!child) return false;
      child.schoolStatus = 'dropped_out';
      child.dropoutReason = 'poverty';
      child.education = 'primary';
      return child;
    }
    case 'no_basic_medical': {
      const m = h.members.find((x) => living(x) && x.relation !== 'head' && x.age >= 18) ?? head;
      m.insBasicMedical = false;
      m.insCriticalIllness = false;
      m.insSupplementary = false;
      return m;
    }
    case 'deceased_head': {
      if (head.age < 60 || h.members.filter(living).length < 2) return false;
      markDeceased(head, today - rng.int(30, 300));
      return head;
    }
    case 'deceased_dibao': {
      const m = h.members.find((x) => living(x) && x.relation !== 'head' && x.age >= 60);
      if (!m || !h.dibaoClass) return false;
      m.deceased = true;
      m.deceasedOn = isoOf(today - rng.int(60, 300));
      m.labourAbility = 'none';
      m.leftBehind = null;
      m.phone = '';
      return m; // dibao flag and class deliberately left on
    }
    default:
      return null;
  }
}

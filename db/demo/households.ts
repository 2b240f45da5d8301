/**
 * One demo household drawn in memory: attribute and status, a family, poverty causes with health
 * to match, left-behind members, insurance and dibao, its status history, deaths and moves.
 */
import type { CancelReason, DibaoClass, HouseholdAttribute, HouseholdStatus, PovertyCause } from '../codes';
import type { DemoContext } from './context';
import type { HouseholdDraft, MemberDraft } from './drafts';
import { inSchool } from './drafts';
import { drawHistory } from './history';
import { drawFamily, drawHealth, drawLabour, drawSchooling, markDeceased, setHealth } from './members';
import { givenName } from './names';
import type { PlantedKey } from './planted';
import type { Weights } from './random';
import type { VillageCtx } from './villages';

const W_ATTRIBUTE: Weights<HouseholdAttribute> = [['1', 70], ['2', 20], ['3', 10]];
const W_STATUS: Weights<HouseholdStatus> = [['exited_no_policy', 61], ['exited', 38], ['cancelled', 1.2]];
const W_CANCEL: Weights<CancelReason> = [['death', 50], ['error', 30], ['duplicate', 15], ['other', 5]];
const W_DIBAO: Weights<DibaoClass> = [['class_a', 30], ['class_b', 40], ['class_c', 30]];

const CAUSE_WEIGHTS: Weights<PovertyCause> = [
  ['illness', 28], ['disability', 16], ['lack_skills', 18], ['lack_labour', 14], ['lack_capital', 8],
  ['schooling', 5], ['disaster', 3], ['lack_land', 3], ['lack_water', 2], ['poor_transport', 2], ['lack_drive', 1],
];
const CAUSE_WEIGHTS_SUPPORT: Weights<PovertyCause> = [
  ['lack_labour', 45], ['disability', 25], ['illness', 25], ['lack_drive', 5],
];

// Sizes 1–7 of ordinary households. Single support (特困) households and households cancelled for
// death are smaller, so these are set so that the county averages about 3.5 and 4.17 people.
const SIZE_LOW = [8, 16, 20, 24, 17, 9, 6]; // mean 3.77 → county ≈ 3.5
const SIZE_HIGH = [4, 9, 14, 22, 22, 16, 13]; // mean 4.49 → county ≈ 4.17

/** Weights of household sizes 1–7 of ordinary households that give about `meanSize` in the county. */
export function householdSizeWeights(meanSize: number): [number, number][] {
  const t = Math.min(1, Math.max(0, (meanSize - 3.5) / (4.17 - 3.5)));
  return SIZE_LOW.map((w, i) => [i + 1, w + t * (SIZE_HIGH[i]! - w)] as [number, number]);
}

/** Builds one household; `plant` shapes it so that the planted condition can be applied. */
export function drawHousehold(
  ctx: DemoContext,
  v: VillageCtx,
  sizeWeights: Weights<number>,
  plant: PlantedKey | undefined,
  rareChar: string | undefined,
): HouseholdDraft {
  const { rng, today, randDay } = ctx;
  // Attribute and status.
  let attribute: HouseholdAttribute = rng.weighted(W_ATTRIBUTE);
  if (plant === 'deceased_dibao') attribute = '2';
  if (plant === 'deceased_head' || plant === 'exited_below_line') attribute = '1';

  let status: HouseholdStatus;
  if (plant) {
    status = plant === 'grace_period_ending' || plant === 'monitoring_overdue' || plant === 'exited_below_line' || plant === 'deceased_head'
      ? 'exited'
      : rng.weighted<HouseholdStatus>([['exited', 60], ['poor', 40]]);
  } else if (rng.chance(0.01)) {
    status = 'non_poor';
  } else if (rng.chance(v.poorShare)) {
    status = rng.chance(0.55) ? 'poor' : 'returned';
  } else {
    status = rng.weighted(W_STATUS);
  }
  if (status === 'non_poor') attribute = '1';
  const cancelReason: CancelReason | null = status === 'cancelled'
    ? rng.weighted(W_CANCEL)
    : null;

  // Size and head.
  let size: number;
  let headAge: number;
  if (cancelReason === 'death') {
    size = 1;
    headAge = rng.int(70, 92);
  } else if (attribute === '3') {
    size = rng.chance(0.65) ? 1 : 2;
    headAge = rng.int(60, 88);
  } else {
    size = rng.weighted(sizeWeights);
    headAge = rng.weighted([[rng.int(24, 39), 20], [rng.int(40, 59), 45], [rng.int(60, 85), 35]]);
  }
  if (plant === 'deceased_head') {
    size = Math.max(size, 2);
    headAge = Math.max(headAge, 62);
  }
  if (plant === 'school_dropout') headAge = Math.min(headAge, 48);
  const headSex: 'M' | 'F' = rng.chance(0.85) ? 'M' : 'F';
  const members = drawFamily(ctx, size, headAge, headSex, v);
  const head = members[0]!;
  if (rareChar) head.name = head.surname + givenName(rng, head.sex, rareChar);

  // Causes.
  const main = rng.weighted(attribute === '3' ? CAUSE_WEIGHTS_SUPPORT : CAUSE_WEIGHTS);
  const causes: PovertyCause[] = [main];
  if (rng.chance(0.6)) {
    for (let n = rng.chance(0.4) ? 2 : 1; causes.length <= n;) {
      const c = rng.weighted(CAUSE_WEIGHTS);
      if (!causes.includes(c)) causes.push(c);
    }
  }

  // Health, made consistent with the causes.
  for (const m of members) drawHealth(ctx, m);
  const adults = members.filter((m) => m.age >= 16);
  const carrier = (adults.length ? rng.pick(adults) : head);
  if (causes.includes('illness') && !members.some((m) => m.health === 'chronic' || m.health === 'serious')) {
    setHealth(ctx, carrier, rng.chance(0.7) ? 'chronic' : 'serious');
  }
  if (causes.includes('disability') && !members.some((m) => m.health === 'disabled')) setHealth(ctx, carrier, 'disabled');

  // Schooling, labour, migrant work.
  for (const m of members) {
    drawSchooling(ctx, m);
    drawLabour(ctx, m);
  }

  drawLeftBehind(ctx, members);

  // Insurance, dibao, phones.
  const dibaoClass: DibaoClass | null = attribute === '2' ? rng.weighted(W_DIBAO) : null;
  for (const m of members) {
    m.insSupplementary = rng.chance(0.6);
    m.insBasicPension = m.age >= 60 || (m.age >= 16 && !inSchool(m) && rng.chance(0.92));
    if (dibaoClass) {
      m.dibao = true;
      m.dibaoClass = dibaoClass;
    }
  }

  const history = drawHistory(ctx, status, cancelReason, plant);
  const { events, identifyDay } = history;

  // Deaths and members who moved out (never the head, except a cancelled single household).
  if (cancelReason === 'death') {
    const cancelDay = events[events.length - 1]!.day;
    markDeceased(head, cancelDay - rng.int(5, 60));
  } else {
    for (const m of members) {
      if (m.relation === 'head') continue;
      if (m.age >= 60 && rng.chance(0.08)) markDeceased(m, randDay(Math.max(identifyDay + 30, today - 4 * 365), today - 10));
      else if (m.relation === 'daughter' && m.age >= 20 && m.age <= 35 && rng.chance(0.15)) {
        // Married out of the household: kept on record, no longer counted or supported here.
        m.removed = true;
        m.dibao = false;
        m.dibaoClass = null;
        m.leftBehind = null;
      }
    }
  }
  for (const m of members) if (!m.deceased && !m.removed && m.age >= 18 && m.age <= 65 && m.relation !== 'head' && rng.chance(0.3)) m.phone = ctx.phone();

  return {
    attribute, status, monitoringType: history.monitoringType, cancelReason, identifiedYear: history.identifiedYear, causes, members, events,
    statusSinceDay: history.statusSinceDay, policyEndsDay: history.policyEndsDay, reviewDueDay: history.reviewDueDay, dibaoClass,
  };
}

/** Left-behind children, women and elderly: the head or spouse is away for most of the year. */
function drawLeftBehind(ctx: DemoContext, members: MemberDraft[]): void {
  const { rng } = ctx;
  const head = members[0]!;
  const headAway = head.migrantMonths >= 6;
  const spouse = members.find((m) => m.relation === 'spouse');
  const spouseAway = !!spouse && spouse.migrantMonths >= 6;
  if (!headAway && !spouseAway) return;
  for (const m of members) {
    if (m.migrantMonths > 0) continue;
    if (m.age < 16 && (headAway && (spouseAway || !spouse) ? rng.chance(0.8) : rng.chance(0.3))) m.leftBehind = 'child';
    else if (m.sex === 'F' && m.age >= 20 && m.age < 60 && (m.relation === 'spouse' || m.relation === 'head') && rng.chance(0.5)) m.leftBehind = 'woman';
    else if (m.age >= 60 && rng.chance(0.5)) m.leftBehind = 'elderly';
  }
}

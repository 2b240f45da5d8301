/**
 * Computes a plan from the ledger: the incomes it distributes, the shareholders in force on its
 * date and their eligibility, and every allocation (docs/ASSETS.md). Reads only; plans.ts writes.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { fail, invalid } from '../errors';
import { sumFen } from '../rules/money';
import type { AssetHead } from './register';
import type { prepareInput } from './schemas';
import { IN_FORCE } from './shares';
import { NOT_TAKEN } from './undistributed';
import { AS_OF_COLUMNS, asOfStatus, householdsAsOf, exclusion, replayedAsOf, type Exclusion, type StoredAsOf } from './eligibility';
import { EmptyPartError, holderKey, keyId, splitPlan, type Holder, type PlanSplit } from './split';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export type AllocationKind = 'dividend' | 'post' | 'works';

export interface Allocation {
  kind: AllocationKind;
  householdId: number | null;
  villageId: number;
  weight: number;
  amountFen: number;
  excluded: Exclusion | null;
}

export interface ComputedPlan {
  incomeIds: number[];
  totalFen: number;
  split: Omit<PlanSplit, 'dividends' | 'posts' | 'works'>;
  allocations: Allocation[];
  digest: string;
}

type Input = z.output<typeof prepareInput>;

function planIncomes(ledger: Ledger, asset: AssetHead, input: Input): { ids: number[]; totalFen: number } {
  const rows = ledger.sqlite
    .prepare(`SELECT i.id, i.distributable_fen AS fen, i.received_on AS receivedOn, (${NOT_TAKEN}) AS free FROM asset_incomes i
               WHERE i.asset_id = @assetId AND (@ids IS NULL OR i.id IN (SELECT value FROM json_each(@ids)))
                 AND (@ids IS NOT NULL OR (i.received_on <= @asOf AND ${NOT_TAKEN})) ORDER BY i.id`)
    .all({ assetId: asset.id, asOf: input.asOf, ids: input.incomeIds ? JSON.stringify(input.incomeIds) : null }) as
      { id: number; fen: number; receivedOn: string; free: number }[];
  (input.incomeIds ?? []).forEach((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) invalid(`incomeIds.${i}`, `Income ${id} is not an income of asset ${asset.code}`, `收益 ${id} 不属于资产 ${asset.code}`);
    if (!row.free) fail('CONFLICT', `Income ${id} is already in another plan`, `收益 ${id} 已列入其他分配方案`, { field: `incomeIds.${i}` });
  });
  const totalFen = sumFen(rows.map((r) => r.fen));
  if (totalFen <= 0) {
    fail('RULE', `Asset ${asset.code} has no distributable income waiting on ${input.asOf}`, `资产 ${asset.code} 截至 ${input.asOf} 没有待分配的收益`, { field: 'incomeIds' });
  }
  return { ids: rows.map((r) => r.id), totalFen };
}

type ShareRow = StoredAsOf & { villageId: number; units: number; weight: number };
interface Entry { key: string; householdId: number | null; villageId: number; weight: bigint; row: ShareRow }

/** Shareholders in force on the date, one entry per holder (Σ units × weight), with their village and eligibility. */
function shareholders(ledger: Ledger, asset: AssetHead, input: Input) {
  const shares = ledger.sqlite
    .prepare(`SELECT s.household_id AS householdId, coalesce(h.village_id, s.village_id) AS villageId, s.units, s.weight, ${AS_OF_COLUMNS}
                FROM asset_shares s LEFT JOIN households h ON h.id = s.household_id WHERE s.asset_id = @assetId AND ${IN_FORCE}`)
    .all({ assetId: asset.id, on: input.asOf, asOf: input.asOf }) as ShareRow[];
  const byKey = new Map<string, Entry>();
  for (const s of shares) {
    const key = s.householdId === null ? holderKey('V', s.villageId) : holderKey('H', s.householdId);
    const product = BigInt(s.units) * BigInt(s.weight);
    const entry = byKey.get(key);
    if (entry) entry.weight += product;
    else byKey.set(key, { key, householdId: s.householdId, villageId: s.villageId, weight: product, row: s });
  }
  const entries = [...byKey.values()];
  const replayed = replayedAsOf(ledger, entries.flatMap((e) => (e.householdId === null ? [] : [e.row])), input.asOf);
  return entries.map((e) => ({
    key: e.key, householdId: e.householdId, villageId: e.villageId,
    weight: e.weight <= MAX_SAFE ? Number(e.weight) : e.weight,
    excluded: e.householdId === null ? null : exclusion(asOfStatus(e.row, replayed), input.exitedRule, input.asOf),
  }));
}

function postHolders(ledger: Ledger, input: Input): (Holder & { villageId: number })[] {
  if (!input.postHolders.length) return [];
  const ids = input.postHolders.map((p) => p.householdId);
  const villages = new Map(
    (ledger.sqlite.prepare('SELECT id, village_id AS villageId FROM households WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as
      { id: number; villageId: number }[]).map((r) => [r.id, r.villageId]),
  );
  const status = householdsAsOf(ledger, ids, input.asOf);
  const seen = new Set<number>();
  return input.postHolders.map((p, i) => {
    const field = `postHolders.${i}.householdId`;
    if (!villages.has(p.householdId)) invalid(field, `Household ${p.householdId} does not exist`, `农户 ${p.householdId} 不存在`, i);
    if (seen.has(p.householdId)) invalid(field, `Household ${p.householdId} is listed twice`, `农户 ${p.householdId} 重复列出`, i);
    seen.add(p.householdId);
    const why = exclusion(status.get(p.householdId)!, 'include', input.asOf);
    if (why) invalid(field, `Household ${p.householdId} cannot hold a post: it is ${why}`, `农户 ${p.householdId} 不能领取公益岗位工资（${why === 'cancelled' ? '已注销' : '家庭成员均已故'}）`, i);
    return { key: holderKey('H', p.householdId), weight: p.weight, villageId: villages.get(p.householdId)! };
  });
}

/** Villages sharing public works: by the eligible share weight held in each; the asset's village when nobody is eligible. */
function worksVillages(eligible: { villageId: number; weight: number | bigint }[], asset: AssetHead): Holder[] {
  const byVillage = new Map<number, bigint>();
  for (const h of eligible) byVillage.set(h.villageId, (byVillage.get(h.villageId) ?? 0n) + BigInt(h.weight));
  if (byVillage.size === 0 && asset.villageId !== null) byVillage.set(asset.villageId, 1n);
  return [...byVillage].map(([id, w]) => ({ key: holderKey('V', id), weight: w <= MAX_SAFE ? Number(w) : w }));
}

/** SHA-256 of the allocations in their stored order: what was previewed is what is approved and paid. */
export function allocationDigest(allocations: readonly Allocation[]): string {
  const hash = createHash('sha256');
  for (const a of allocations) hash.update(`${a.kind}|${a.householdId ?? ''}|${a.villageId}|${a.weight}|${a.amountFen}|${a.excluded ?? ''}\n`);
  return hash.digest('hex');
}

const PART_ERRORS: Record<EmptyPartError['part'], { en: string; zh: string; field: string }> = {
  post: { en: 'The post-wage part has money but no post holders are named', zh: '公益岗位工资部分有金额，但未列出岗位人员', field: 'postHolders' },
  works: { en: 'The public-works part has money but no village to receive it (no eligible shareholder and the asset has no village)', zh: '村级公益事业部分有金额，但没有可接收的行政村（无符合条件的股东，资产也未登记所在村）', field: 'worksBp' },
  shares: { en: 'The shareholders’ part has money but no shareholder is eligible on that date', zh: '股东分红部分有金额，但该日期没有符合条件的股东', field: 'asOf' },
};

export function computePlan(ledger: Ledger, asset: AssetHead, input: Input): ComputedPlan {
  const incomes = planIncomes(ledger, asset, input);
  const holders = shareholders(ledger, asset, input);
  const eligible = holders.filter((h) => h.excluded === null);
  const posts = postHolders(ledger, input);
  const villages = worksVillages(eligible, asset);
  let split: PlanSplit;
  try {
    split = splitPlan({ totalFen: incomes.totalFen, postBp: input.postBp, worksBp: input.worksBp, shareholders: eligible, postHolders: posts, villages });
  } catch (err) {
    if (!(err instanceof EmptyPartError)) throw err;
    const e = PART_ERRORS[err.part];
    fail('RULE', e.en, e.zh, { field: e.field });
  }
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const allocations: Allocation[] = [
    ...[...holders].sort(byKey).map((h): Allocation => ({
      kind: 'dividend', householdId: h.householdId, villageId: h.villageId, weight: Number(h.weight),
      amountFen: h.excluded ? 0 : split.dividends.get(h.key)!, excluded: h.excluded,
    })),
    ...[...posts].sort(byKey).map((p): Allocation => ({
      kind: 'post', householdId: keyId(p.key), villageId: p.villageId, weight: Number(p.weight), amountFen: split.posts.get(p.key)!, excluded: null,
    })),
    ...(split.worksFen === 0 ? [] : [...villages].sort(byKey)).map((v): Allocation => ({
      kind: 'works', householdId: null, villageId: keyId(v.key), weight: Number(v.weight), amountFen: split.works.get(v.key)!, excluded: null,
    })),
  ];
  const { dividends: _d, posts: _p, works: _w, ...parts } = split;
  return { incomeIds: incomes.ids, totalFen: incomes.totalFen, split: parts, allocations, digest: allocationDigest(allocations) };
}

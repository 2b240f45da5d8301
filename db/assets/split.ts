/**
 * The arithmetic of a distribution plan (PURE: no I/O; the renderer may import it).
 *
 * The distributable total is first split into three parts by the plan's basis points — public-welfare
 * post wages, village public works, and the rest for the shareholders — and each part is then split
 * among its holders. Every split is largest-remainder apportionment on integer fen (db/rules/apportion.ts,
 * TIE_BREAK_RULE), so the parts always add up to the whole, the result does not depend on the order of
 * the holders, and a negative total (a reversal) gives exactly the negated split.
 *
 * Part keys for the first split are 'post', 'shares', 'works' (equal remainders: the larger
 * weight first, then that key order). Holder keys are zero-padded ('H0000000042' for household
 * 42, 'V0000000007' for village 7), so comparing keys as strings is comparing ids as numbers.
 */
import { apportion } from '../rules/apportion';

export const FULL_BP = 10_000;

/** A holder's key: H or V and the id padded to 10 digits. */
export const holderKey = (kind: 'H' | 'V', id: number) => `${kind}${String(id).padStart(10, '0')}`;
export const keyId = (key: string) => Number(key.slice(1));

export interface Holder {
  key: string;
  /** Integer; a bigint when it may pass 2^53 (units × weight summed). */
  weight: number | bigint;
}

export interface PlanSplitInput {
  totalFen: number;
  postBp: number;
  worksBp: number;
  shareholders: readonly Holder[];
  postHolders: readonly Holder[];
  /** Villages sharing the public-works part. */
  villages: readonly Holder[];
}

export interface PlanSplit {
  postFen: number;
  worksFen: number;
  sharesFen: number;
  dividends: Map<string, number>;
  posts: Map<string, number>;
  works: Map<string, number>;
}

/** Thrown when a part has money but nobody to receive it; `part` names which. */
export class EmptyPartError extends Error {
  constructor(readonly part: 'post' | 'works' | 'shares') {
    super(`The ${part} part has money but no holders`);
  }
}

/** Σ units × weight of one holder's shares, exact (BigInt), as a number when that is exact too. */
export function shareWeight(shares: readonly { units: number; weight: number }[]): number | bigint {
  let sum = 0n;
  for (const s of shares) sum += BigInt(s.units) * BigInt(s.weight);
  return sum <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sum) : sum;
}

function part(fen: number, holders: readonly Holder[], name: EmptyPartError['part']): Map<string, number> {
  if (fen === 0 && holders.length === 0) return new Map();
  if (holders.length === 0) throw new EmptyPartError(name);
  return apportion(fen, holders);
}

/** The three parts of the total, by basis points. */
export function splitParts(totalFen: number, postBp: number, worksBp: number): { postFen: number; worksFen: number; sharesFen: number } {
  if (!Number.isInteger(postBp) || !Number.isInteger(worksBp) || postBp < 0 || worksBp < 0 || postBp + worksBp > FULL_BP) {
    throw new RangeError(`splitParts: basis points ${postBp} + ${worksBp} must be integers between 0 and ${FULL_BP}`);
  }
  const parts = apportion(totalFen, [
    { key: 'post', weight: postBp },
    { key: 'shares', weight: FULL_BP - postBp - worksBp },
    { key: 'works', weight: worksBp },
  ]);
  return { postFen: parts.get('post')!, worksFen: parts.get('works')!, sharesFen: parts.get('shares')! };
}

export function splitPlan(input: PlanSplitInput): PlanSplit {
  const parts = splitParts(input.totalFen, input.postBp, input.worksBp);
  return {
    ...parts,
    posts: part(parts.postFen, input.postHolders, 'post'),
    works: part(parts.worksFen, input.villages, 'works'),
    dividends: part(parts.sharesFen, input.shareholders, 'shares'),
  };
}

// Largest-remainder (Hamilton) apportionment of an integer amount of fen by integer weights.
// Every holder first gets floor(total × weight / Σweight), computed exactly (BigInt, or doubles
// when every intermediate provably stays below 2^53); the fen still left over (fewer than the
// number of holders) go one each to the holders with the largest remainders.
//
// Tie-break among equal remainders: larger weight first, then smaller key, keys compared as
// strings by UTF-16 code units (String(key); so 10 sorts before 9). This is a total order
// on holders, so the result never depends on the order the holders are passed in.
// A negative total is apportioned as the exact negation of the positive one, so a reversal
// (红字冲销) mirrors the original fen for fen.

export const TIE_BREAK_RULE = {
  zh:
    '按最大余额法分配：每户先得 总额×权重÷权重合计 的整数部分（分），剩余的分按余数从大到小每户补 1 分；' +
    '余数相同的，权重大者优先；权重也相同的，按编号（键值）字符串顺序小者优先。负数金额（冲销）与对应正数金额的分配结果完全相反。',
  en:
    'Largest remainder: each holder first gets the whole-fen part of total × weight ÷ total weight; ' +
    'the fen left over go one each to the largest remainders. Equal remainders: larger weight first; ' +
    'equal weights too: smaller key first (keys compared as strings). A negative total (reversal) ' +
    'gets exactly the negated split of the positive total.',
} as const;

const MAX = Number.MAX_SAFE_INTEGER;

type Holder<K> = { key: K; weight: bigint | number };

export function apportion<K extends string | number>(total: number, holders: ReadonlyArray<Holder<K>>): Map<K, number> {
  if (!Number.isSafeInteger(total)) throw new RangeError(`apportion: total must be a safe integer, got ${total}`);
  if (total < 0) {
    const mirrored = apportion(-total, holders);
    for (const [key, part] of mirrored) mirrored.set(key, part === 0 ? 0 : -part);
    return mirrored;
  }

  const n = holders.length;
  const result = new Map<K, number>(); // 0 for now (also catches duplicate keys); parts at the end
  let allNumbers = true;
  let numberSum = 0;
  let maxWeight = 0;
  for (let i = 0; i < n; i++) {
    const { key, weight } = holders[i]!;
    result.set(key, 0);
    if (result.size !== i + 1) throw new RangeError(`apportion: duplicate key ${JSON.stringify(String(key))}`);
    if (typeof weight === 'number') {
      if (!Number.isSafeInteger(weight)) throw new RangeError(`apportion: weight of ${String(key)} must be an integer, got ${weight}`);
      numberSum += weight;
      if (weight > maxWeight) maxWeight = weight;
    } else {
      allNumbers = false;
    }
    if (weight < 0) throw new RangeError(`apportion: weight of ${String(key)} is negative (${weight})`);
  }
  const names = keyNames(holders);

  // Plain doubles are exact (and much faster) when t = a·W + b (0 ≤ b < W) has b·w < 2^53 for
  // every weight w: floor(t·w / W) = a·w + floor(b·w / W), the remainder is b·w − W·floor(b·w / W),
  // and Math.floor of a quotient of two integers below 2^53 is exact. Otherwise: BigInt.
  if (allNumbers && numberSum <= MAX && numberSum > 0) {
    const W = numberSum;
    const a = Math.floor(total / W);
    const b = total - a * W;
    if (b * maxWeight <= MAX) return fill(result, holders, names, splitNumbers(total, holders, W, a, b));
  }
  let weightSum = 0n;
  for (const h of holders) weightSum += BigInt(h.weight);
  if (weightSum <= 0n) throw new RangeError('apportion: the weights add up to zero');
  return fill(result, holders, names, splitBigInt(total, holders, weightSum));
}

type Split = { parts: number[]; leftover: number; candidates: number[]; before: (x: number, y: number) => number };

function splitNumbers(total: number, holders: ReadonlyArray<Holder<unknown>>, W: number, a: number, b: number): Split {
  const n = holders.length;
  const parts = new Array<number>(n);
  const weights = new Float64Array(n);
  const remainders = new Float64Array(n);
  const candidates: number[] = [];
  let given = 0; // never exceeds total
  for (let i = 0; i < n; i++) {
    const w = holders[i]!.weight as number;
    const p = b * w;
    const q = Math.floor(p / W);
    weights[i] = w;
    remainders[i] = p - q * W;
    parts[i] = a * w + q;
    given += parts[i]!;
    // The leftover is smaller than the number of non-zero remainders, so holders with
    // remainder 0 never get an extra fen and need not be ranked.
    if (remainders[i]! > 0) candidates.push(i);
  }
  const before = (x: number, y: number) => remainders[y]! - remainders[x]! || weights[y]! - weights[x]!;
  return { parts, leftover: total - given, candidates, before };
}

function splitBigInt(total: number, holders: ReadonlyArray<Holder<unknown>>, W: bigint): Split {
  const n = holders.length;
  const t = BigInt(total);
  const parts = new Array<number>(n);
  const weights = new Array<bigint>(n);
  const remainders = new Array<bigint>(n);
  const candidates: number[] = [];
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const w = BigInt(holders[i]!.weight);
    const floor = (t * w) / W;
    weights[i] = w;
    remainders[i] = (t * w) % W;
    parts[i] = Number(floor);
    given += floor;
    if (remainders[i]! > 0n) candidates.push(i);
  }
  const cmp = (p: bigint, q: bigint) => (p > q ? -1 : p < q ? 1 : 0);
  const before = (x: number, y: number) => cmp(remainders[x]!, remainders[y]!) || cmp(weights[x]!, weights[y]!);
  return { parts, leftover: Number(t - given), candidates, before };
}

/** Hands out the leftover fen in TIE_BREAK_RULE order and writes the parts into `result`. */
function fill<K>(result: Map<K, number>, holders: ReadonlyArray<Holder<K>>, names: string[], split: Split): Map<K, number> {
  const { parts, leftover, candidates, before } = split;
  if (leftover > 0) {
    candidates.sort((x, y) => {
      const order = before(x, y);
      if (order !== 0) return order;
      const kx = names[x]!, ky = names[y]!;
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    });
    for (let j = 0; j < leftover; j++) parts[candidates[j]!]! += 1;
  }
  for (let i = 0; i < holders.length; i++) result.set(holders[i]!.key, parts[i]!);
  return result;
}

/** String(key) per holder. Keys that differ only in type (1 and '1') would tie forever, so they count as duplicates. */
function keyNames(holders: ReadonlyArray<{ key: string | number }>): string[] {
  const names = holders.map((h) => String(h.key));
  const mixed = holders.some((h) => typeof h.key === 'number') && holders.some((h) => typeof h.key === 'string');
  if (mixed) {
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) throw new RangeError(`apportion: duplicate key ${JSON.stringify(name)}`);
      seen.add(name);
    }
  }
  return names;
}

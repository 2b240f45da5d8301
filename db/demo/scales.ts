/**
 * Named sizes of the synthetic demo county. `meanSize` is the average number of members per
 * household the generator aims at (rows, including the few deceased and moved-out members).
 */
export interface Scale {
  townships: number;
  villages: number;
  households: number;
  meanSize?: number;
}

export const SCALES = {
  /** Unit and integration tests. */
  tiny: { townships: 2, villages: 6, households: 60, meanSize: 3.5 },
  /** The demo ledger shipped for trying the app: ≈ 7,000 members. */
  demo: { townships: 8, villages: 40, households: 2_000, meanSize: 3.5 },
  /** ≈ 20,000 members. */
  S: { townships: 10, villages: 40, households: 5_000, meanSize: 4.0 },
  /** A large county: ≈ 250,000 members. */
  L: { townships: 20, villages: 400, households: 60_000, meanSize: 4.17 },
  /** Stress size: ≈ 1,000,000 members. */
  XL: { townships: 40, villages: 1_000, households: 250_000, meanSize: 4.0 },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];

export function resolveScale(scale: ScaleName | Scale): Required<Scale> {
  const s: Scale = typeof scale === 'string' ? SCALES[scale] : scale;
  if (!s) throw new RangeError(`Unknown demo scale ${String(scale)}; known: ${SCALE_NAMES.join(', ')}`);
  for (const k of ['townships', 'villages', 'households'] as const) {
    if (!Number.isInteger(s[k]) || s[k] < 1) throw new RangeError(`Demo scale: ${k} must be a positive integer`);
  }
  if (s.villages < s.townships) throw new RangeError('Demo scale: every township needs at least one village');
  return { townships: s.townships, villages: s.villages, households: s.households, meanSize: s.meanSize ?? 3.8 };
}

/** Shapes shared by the bench runner (run.ts) and the per-group child processes (child.ts). */

export type ScaleName = 'S' | 'L' | 'XL';

/** What one measured thing did on each of its runs. */
export interface Series {
  /** Wall-clock milliseconds, one per run (or per query). */
  ms: number[];
  /** CPU milliseconds of this process (user + system), same length as ms when measured in-process. */
  cpuMs?: number[];
  /** Units of work per run (rows, pages, lines …) for the rate column. */
  units?: number;
  unit?: string;
  /** Process RSS high-water mark while it ran, MB (sampled every 5 ms from a helper thread). */
  peakRssMb?: number;
}

export interface Target {
  /** e.g. "p95 ≤ 30 ms" */
  text: string;
  /** null: not judged at this scale (the target is stated for another scale) or not measurable. */
  met: boolean | null;
  /** By how much it is missed. */
  miss?: string;
  /**
   * The same target judged on CPU time instead of wall time (this process's CPU, or the child's
   * for spawned tools): what the figure would be without the other work on the machine, as long as
   * the operation is CPU-bound and single-threaded. null: not measurable.
   */
  cpuMet?: boolean | null;
}

export interface OpResult {
  /** Stable key, e.g. "search.name". */
  id: string;
  group: string;
  label: string;
  status: 'ok' | 'n/a' | 'error';
  /** Why n/a or what failed; or a remark printed under the table. */
  note?: string;
  op?: Series;
  anchorLabel?: string;
  anchorStatus?: 'ok' | 'n/a' | 'error';
  anchorNote?: string;
  anchor?: Series;
  /** Which statistic targets compare: median (default) or p95. */
  judge?: 'median' | 'p95' | 'rate' | 'ratio' | 'peak';
  target?: Target;
  /** Extra figures for the JSON (sub-timings, counts). */
  extra?: Record<string, unknown>;
}

/** Everything a group needs, written by run.ts to a JSON file the child reads. */
export interface GroupContext {
  group: string;
  scale: ScaleName;
  seed: number;
  runs: number;
  /** Runs of the heavy operations (load, import, distribution, cards, web): fewer at L and XL unless --runs says. */
  heavyRuns?: number;
  /** Operations asked for with --only (empty: all of the group). */
  only: string[];
  /** The cached generated ledger (registry + bench vouchers, assets, shares). */
  ledgerFile: string;
  /** Facts about the cached ledger (counts, sample ids) from cache.ts. */
  facts: LedgerFacts;
  /** A scratch folder for this group (deleted afterwards). */
  workDir: string;
  /** bench-results/cache */
  cacheDir: string;
  /** Built web host (bench-results/build/main/web.js), when the web group runs. */
  webJs?: string;
  rendererDir?: string;
}

export interface LedgerFacts {
  scale: ScaleName;
  seed: number;
  today: string;
  schemaVersion: number;
  households: number;
  members: number;
  villages: number;
  vouchers: number;
  voucherLines: number;
  assets: number;
  shares: number;
  /** Shareholders of the big asset the distribution bench pays. */
  distributionAssetId: number;
  distributionShareholders: number;
  /** First and last month with posted vouchers (YYYY-MM). */
  fundsFrom: string;
  fundsTo: string;
  years: number[];
  /** Seconds each generation step took when the cache was built. */
  generated: { countyS: number; fundsS: number; assetsS: number; at: string; loadAvg: number[] };
}

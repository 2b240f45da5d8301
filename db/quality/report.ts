/**
 * One run of the checks as the screens show it: what each rule found, counts by village and by
 * township (per rule and per severity), and the first findings of each rule.
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { today } from '../shared/tx';
import { forEachFinding, type RuleOutcome, type RunIo } from './runner';
import { runInput } from './schemas';
import type { Finding, Severity } from './types';

export type SeverityCounts = Record<Severity, number>;

export interface AreaCount {
  townshipId: number;
  township: string;
  /** Null on a township row. */
  villageId: number | null;
  village: string | null;
  bySeverity: SeverityCounts;
  byRule: Record<string, number>;
}

export interface QualityRun {
  asOf: string;
  scope: { townshipId: number | null; villageId: number | null };
  ms: number;
  rules: RuleOutcome[];
  totals: SeverityCounts;
  villages: AreaCount[];
  townships: AreaCount[];
  /** The first `samplePerRule` findings of each rule, in rule order. */
  samples: Finding[];
}

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

/** Adds one finding to its village's counts. */
export function tally(villages: Map<number, AreaCount>, f: Finding): void {
  let a = villages.get(f.villageId);
  if (!a) {
    a = { townshipId: f.townshipId, township: f.township, villageId: f.villageId, village: f.village, bySeverity: zero(), byRule: {} };
    villages.set(f.villageId, a);
  }
  a.bySeverity[f.severity]++;
  a.byRule[f.ruleId] = (a.byRule[f.ruleId] ?? 0) + 1;
}

/** The village rows, in township and village order. */
export function villageRows(villages: Map<number, AreaCount>): AreaCount[] {
  return [...villages.values()].sort((a, b) => a.townshipId - b.townshipId || a.villageId! - b.villageId!);
}

/** Village rows summed into township rows. */
export function townshipsOf(villages: readonly AreaCount[]): AreaCount[] {
  const out = new Map<number, AreaCount>();
  for (const v of villages) {
    let t = out.get(v.townshipId);
    if (!t) {
      t = { townshipId: v.townshipId, township: v.township, villageId: null, village: null, bySeverity: zero(), byRule: {} };
      out.set(v.townshipId, t);
    }
    for (const s of Object.keys(v.bySeverity) as Severity[]) t.bySeverity[s] += v.bySeverity[s];
    for (const [rule, n] of Object.entries(v.byRule)) t.byRule[rule] = (t.byRule[rule] ?? 0) + n;
  }
  return [...out.values()];
}

export function runQuality(ledger: Ledger, raw: z.input<typeof runInput>, io?: RunIo): QualityRun {
  const input = runInput.parse(raw);
  const started = performance.now();
  const asOf = input.asOf ?? today();
  const villages = new Map<number, AreaCount>();
  const samples: Finding[] = [];
  const perRule = new Map<string, number>();
  const totals = zero();
  const rules = forEachFinding(ledger, { ...input, scope: input, asOf, io }, (f) => {
    tally(villages, f);
    totals[f.severity]++;
    const n = perRule.get(f.ruleId) ?? 0;
    if (n < input.samplePerRule) samples.push(f);
    perRule.set(f.ruleId, n + 1);
  });
  const rows = villageRows(villages);
  return {
    asOf,
    scope: { townshipId: input.villageId ? null : input.townshipId ?? null, villageId: input.villageId ?? null },
    ms: Math.round(performance.now() - started),
    rules,
    totals,
    villages: rows,
    townships: townshipsOf(rows),
    samples,
  };
}

/**
 * Runs the rules over the county, a township or a village. Each rule's query is wrapped in one
 * statement that adds the household, village and township of every finding and applies the scope,
 * so the rules themselves stay short. Reads only; nothing is written.
 */
import type { Ledger } from '../ledger';
import { voucherNo } from '../funds/format';
import { today } from '../shared/tx';
import { registerQualityFunctions } from './functions';
import { RULES } from './rules';
import type { Finding, QualityRule, RuleInfo, Severity } from './types';
import type { QualityScope } from './schemas';

export interface RunIo {
  progress(done: number, total: number): void;
  checkCancelled(): void;
}

export interface RuleSelection {
  ruleIds?: readonly string[];
  severities?: readonly Severity[];
}

export interface RuleOutcome {
  ruleId: string;
  severity: Severity;
  count: number;
  ms: number;
  /** A table the rule needs is missing from this ledger. */
  skipped: boolean;
}

interface Row {
  householdId: number;
  memberId: number | null;
  voucherId: number | null;
  facts: string | number | null;
  archiveNo: string;
  headName: string;
  villageId: number;
  village: string;
  townshipId: number;
  township: string;
  memberName: string | null;
  vYear: number | null;
  vNumber: number | null;
}

function tableExists(ledger: Ledger, name: string): boolean {
  return ledger.sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

export function isAvailable(ledger: Ledger, rule: QualityRule): boolean {
  return (rule.requires ?? []).every((t) => tableExists(ledger, t));
}

export function ruleInfos(ledger: Ledger): RuleInfo[] {
  return RULES.map((r) => ({ id: r.id, severity: r.severity, target: r.target, title: r.title, explain: r.explain, available: isAvailable(ledger, r) }));
}

export function selectRules(sel: RuleSelection = {}): QualityRule[] {
  return RULES.filter((r) => (!sel.ruleIds || sel.ruleIds.includes(r.id)) && (!sel.severities || sel.severities.includes(r.severity)));
}

const SCOPE_WHERE = `(@villageId IS NULL OR h.village_id = @villageId) AND (@townshipId IS NULL OR vg.township_id = @townshipId)`;

/** The condition each rule puts on its households (alias h), written so that indexes serve it. */
function inScope(scope: QualityScope): string {
  if (scope.villageId) return 'h.village_id = @villageId';
  if (scope.townshipId) return 'h.village_id IN (SELECT id FROM villages WHERE township_id = @townshipId)';
  return '1';
}

/**
 * The rule's query with the links every finding carries. The rule limits itself to the scope;
 * the outer condition only makes sure no finding outside it can slip through.
 */
function wrapped(rule: QualityRule, scope: QualityScope, tail = ''): string {
  return `SELECT r.household_id AS householdId, r.member_id AS memberId, r.voucher_id AS voucherId, r.facts AS facts,
                 h.archive_no AS archiveNo, h.head_name AS headName, h.village_id AS villageId, vg.name AS village,
                 vg.township_id AS townshipId, t.name AS township, m.name AS memberName, vo.year AS vYear, vo.number AS vNumber
            FROM (${rule.sql(inScope(scope))}) r
            JOIN households h ON h.id = r.household_id
            JOIN villages vg ON vg.id = h.village_id
            JOIN townships t ON t.id = vg.township_id
            LEFT JOIN members m ON m.id = r.member_id
            LEFT JOIN vouchers vo ON vo.id = r.voucher_id
           WHERE ${SCOPE_WHERE}
           ORDER BY t.code, vg.code, h.archive_no, r.member_id, r.voucher_id ${tail}`;
}

function params(scope: QualityScope, asOf: string | undefined) {
  return { villageId: scope.villageId ?? null, townshipId: scope.villageId ? null : scope.townshipId ?? null, asOf: asOf ?? today() };
}

function toFinding(rule: QualityRule, r: Row): Finding {
  const facts = r.facts === null ? '' : String(r.facts);
  return {
    ruleId: rule.id,
    severity: rule.severity,
    householdId: r.householdId,
    archiveNo: r.archiveNo,
    headName: r.headName,
    villageId: r.villageId,
    village: r.village,
    townshipId: r.townshipId,
    township: r.township,
    memberId: r.memberId,
    memberName: r.memberName,
    voucherId: r.voucherId,
    voucherLabel: r.voucherId === null ? null : voucherNo(r.vYear!, r.vNumber) ?? `#${r.voucherId}`,
    facts: facts && rule.describe ? rule.describe(facts) : facts,
  };
}

export interface ForEachOptions extends RuleSelection {
  scope?: QualityScope;
  asOf?: string;
  io?: RunIo;
}

/**
 * Calls `onFinding` for every finding of the selected rules in the scope, rule by rule in the
 * order of the list, and returns what each rule found and how long it took.
 */
export function forEachFinding(ledger: Ledger, opts: ForEachOptions, onFinding: (f: Finding) => void): RuleOutcome[] {
  registerQualityFunctions(ledger.sqlite);
  // Most rules scan the members table; a larger page cache for the run keeps it in memory
  // between rules (several times faster on a large county). Restored afterwards.
  const cacheSize = ledger.sqlite.pragma('cache_size', { simple: true }) as number;
  ledger.sqlite.pragma(`cache_size = ${RUN_CACHE_KIB}`);
  try {
    return runRules(ledger, opts, onFinding);
  } finally {
    ledger.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/** 128 MiB, as a negative cache_size (KiB). */
const RUN_CACHE_KIB = -131072;

function runRules(ledger: Ledger, opts: ForEachOptions, onFinding: (f: Finding) => void): RuleOutcome[] {
  const rules = selectRules(opts);
  const scope = opts.scope ?? {};
  const p = params(scope, opts.asOf);
  const out: RuleOutcome[] = [];
  rules.forEach((rule, i) => {
    opts.io?.checkCancelled();
    const started = performance.now();
    let count = 0;
    const skipped = !isAvailable(ledger, rule);
    if (!skipped) {
      for (const row of ledger.sqlite.prepare(wrapped(rule, scope)).iterate(p) as IterableIterator<Row>) {
        onFinding(toFinding(rule, row));
        count++;
      }
    }
    out.push({ ruleId: rule.id, severity: rule.severity, count, ms: Math.round(performance.now() - started), skipped });
    opts.io?.progress(i + 1, rules.length);
  });
  return out;
}

/** One page of one rule's findings, and how many there are in all. */
export function ruleFindingsPage(ledger: Ledger, rule: QualityRule, scope: QualityScope, asOf: string | undefined, offset: number, limit: number) {
  registerQualityFunctions(ledger.sqlite);
  if (!isAvailable(ledger, rule)) return { rows: [] as Finding[], total: 0, offset, limit };
  const p = params(scope, asOf);
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM (${wrapped(rule, scope)})`).pluck().get(p) as number;
  const rows = (ledger.sqlite.prepare(wrapped(rule, scope, 'LIMIT @limit OFFSET @offset')).all({ ...p, limit, offset }) as Row[]).map((r) => toFinding(rule, r));
  return { rows, total, offset, limit };
}

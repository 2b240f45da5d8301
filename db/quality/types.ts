/**
 * Data-quality rules (docs/QUALITY.md). A rule is one SQL query that returns the records breaking
 * it, one row per finding, with these columns:
 *   household_id  the household concerned (always set: every finding links to a household)
 *   member_id     the member concerned, or NULL
 *   voucher_id    the voucher concerned, or NULL
 *   facts         a short language-neutral detail (dates, codes, counts), or NULL
 * `sql` receives `inScope`, a condition on the alias `h` (the household of the finding) that limits
 * the run to a township or village ('1' for the county); every rule puts it in its WHERE clause so
 * that a village run reads only that village. Named parameters: @asOf (YYYY-MM-DD, the day ages
 * and current assignments are counted to), @villageId and @townshipId (used by `inScope`).
 * PURE module (types only): the renderer imports it too.
 */
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What a finding links to first (it always names the household too). */
export type RuleTarget = 'household' | 'member' | 'voucher';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface QualityRule {
  /** Stable id, `<area>.<what>`; never renamed once released. */
  id: string;
  severity: Severity;
  target: RuleTarget;
  /** One line naming the problem. */
  title: Bilingual;
  /** What is wrong, why it matters and how to fix it, in plain words. */
  explain: Bilingual;
  sql: (inScope: string) => string;
  /** Tables the query reads that may not exist in every ledger (a rule without them is skipped). */
  requires?: readonly string[];
  /** Turns the raw `facts` column into the text shown (e.g. money formatted); default: as is. */
  describe?: (facts: string) => string;
}

/** A rule as the screens list it. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  target: RuleTarget;
  title: Bilingual;
  explain: Bilingual;
  /** False when a table it needs is missing from this ledger (the rule is skipped). */
  available: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  householdId: number;
  archiveNo: string;
  headName: string;
  villageId: number;
  village: string;
  townshipId: number;
  township: string;
  memberId: number | null;
  memberName: string | null;
  voucherId: number | null;
  /** The voucher's number as the books print it when posted ('记-2026-0012' style), '#id' before posting. */
  voucherLabel: string | null;
  facts: string;
}

export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

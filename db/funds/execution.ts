import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { sumFen } from '../rules/money';
import { projectRegisterQuery, yearFilter } from './schemas';
import { basisPoints } from './format';
import type { ProjectRow } from './projects';
import type { SourceRow } from './sources';

const POSTED = `FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id AND v.status = 'posted' JOIN fund_accounts a ON a.id = l.account_id`;
const SPENT = `sum(CASE WHEN a.fund_role = 'use' THEN l.debit_fen - l.credit_fen ELSE 0 END)`;

function byId<T extends { id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

export interface SourceExecutionRow extends SourceRow {
  receivedFen: number;
  allocatedFen: number;
  spentFen: number;
  /** received − spent: still in the special account. */
  balanceFen: number;
  /** spent / amount, basis points. */
  progressBp: number | null;
}

/**
 * Per source: its amount, what arrived, what was allocated to projects, what was spent, and the progress.
 * Received and spent come from the per-source turnover kept at posting (fund_source_balances), so
 * the cost follows the number of sources, accounts and months, not the number of lines.
 */
export function sourceExecution(ledger: Ledger, raw: z.input<typeof yearFilter>) {
  const { year } = yearFilter.parse(raw);
  const sources = ledger.sqlite
    .prepare(`SELECT s.id, s.level, s.type, s.year, s.doc_no AS docNo, s.title, s.amount_fen AS amountFen, s.issued_on AS issuedOn, s.note,
                     (SELECT coalesce(sum(amount_fen), 0) FROM fund_allocations f WHERE f.source_id = s.id) AS allocatedFen
                FROM fund_sources s WHERE @year IS NULL OR s.year = @year ORDER BY s.year, s.level, s.doc_no`)
    .all({ year: year ?? null }) as (SourceRow & { allocatedFen: number })[];
  const moved = byId(ledger.sqlite
    .prepare(`SELECT b.source_id AS id,
                     sum(CASE WHEN a.fund_role = 'receipt' THEN b.credit_fen - b.debit_fen ELSE 0 END) AS received,
                     sum(CASE WHEN a.fund_role = 'use' THEN b.debit_fen - b.credit_fen ELSE 0 END) AS spent
                FROM fund_source_balances b JOIN fund_accounts a ON a.id = b.account_id GROUP BY b.source_id`)
    .all() as { id: number; received: number; spent: number }[]);
  const rows: SourceExecutionRow[] = sources.map((s) => {
    const m = moved.get(s.id);
    const receivedFen = m?.received ?? 0;
    const spentFen = m?.spent ?? 0;
    return { ...s, receivedFen, spentFen, balanceFen: receivedFen - spentFen, progressBp: basisPoints(spentFen, s.amountFen) };
  });
  const total = (k: 'amountFen' | 'receivedFen' | 'allocatedFen' | 'spentFen' | 'balanceFen') => sumFen(rows.map((r) => r[k]));
  const totals = { amountFen: total('amountFen'), receivedFen: total('receivedFen'), allocatedFen: total('allocatedFen'), spentFen: total('spentFen'), balanceFen: total('balanceFen') };
  return { rows, totals: { ...totals, progressBp: basisPoints(totals.spentFen, totals.amountFen) } };
}

export interface ProjectRegisterRow extends ProjectRow {
  villages: string;
  allocatedFen: number;
  spentFen: number;
  /** spent / allocated, basis points. */
  progressBp: number | null;
  beneficiaryHouseholds: number;
}

/** 项目台账: every project with its money and progress. */
export function projectRegister(ledger: Ledger, raw: z.input<typeof projectRegisterQuery>) {
  const q = projectRegisterQuery.parse(raw);
  const projects = ledger.sqlite
    .prepare(`SELECT p.id, p.code, p.name, p.type, p.year, p.budget_fen AS budgetFen, p.site, p.content, p.implementer, p.responsible,
                     p.planned_start AS plannedStart, p.planned_end AS plannedEnd, p.status, p.accepted_on AS acceptedOn,
                     coalesce((SELECT group_concat(vg.name, '、') FROM project_villages pv JOIN villages vg ON vg.id = pv.village_id WHERE pv.project_id = p.id), '') AS villages,
                     (SELECT coalesce(sum(amount_fen), 0) FROM fund_allocations f WHERE f.project_id = p.id) AS allocatedFen,
                     (SELECT count(*) FROM project_households ph WHERE ph.project_id = p.id) AS beneficiaryHouseholds
                FROM projects p
               WHERE (@year IS NULL OR p.year = @year) AND (@type IS NULL OR p.type = @type) AND (@status IS NULL OR p.status = @status)
                 AND (@villageId IS NULL OR p.id IN (SELECT project_id FROM project_villages WHERE village_id = @villageId))
               ORDER BY p.year, p.code`)
    .all({ year: q.year ?? null, type: q.type ?? null, status: q.status ?? null, villageId: q.villageId ?? null }) as Omit<ProjectRegisterRow, 'spentFen' | 'progressBp'>[];
  const spent = byId(ledger.sqlite
    .prepare(`SELECT l.project_id AS id, ${SPENT} AS spent ${POSTED} WHERE l.project_id IS NOT NULL GROUP BY l.project_id`)
    .all() as { id: number; spent: number }[]);
  const rows: ProjectRegisterRow[] = projects.map((p) => {
    const spentFen = spent.get(p.id)?.spent ?? 0;
    return { ...p, spentFen, progressBp: basisPoints(spentFen, p.allocatedFen) };
  });
  const totals = {
    budgetFen: sumFen(rows.map((r) => r.budgetFen)),
    allocatedFen: sumFen(rows.map((r) => r.allocatedFen)),
    spentFen: sumFen(rows.map((r) => r.spentFen)),
  };
  return { rows, totals: { ...totals, progressBp: basisPoints(totals.spentFen, totals.allocatedFen) } };
}

export interface VillageSummaryRow {
  villageId: number;
  village: string;
  township: string;
  projects: number;
  /** Net spending of special funds carrying this village. */
  spentFen: number;
  /** Households in the village that were paid anything (expense lines carrying the household). */
  householdsPaid: number;
  paidToHouseholdsFen: number;
}

/** Per village: projects there, special funds spent there, and what reached its households. */
export function villageSummary(ledger: Ledger, raw: z.input<typeof yearFilter>) {
  const { year } = yearFilter.parse(raw);
  const rows = ledger.sqlite
    .prepare(`WITH money AS (
                SELECT l.village_id AS villageId, ${SPENT} AS spentFen,
                       count(DISTINCT CASE WHEN a.type = 'expense' THEN l.household_id END) AS householdsPaid,
                       sum(CASE WHEN a.type = 'expense' AND l.household_id IS NOT NULL THEN l.debit_fen - l.credit_fen ELSE 0 END) AS paidToHouseholdsFen
                  ${POSTED} WHERE l.village_id IS NOT NULL AND (@year IS NULL OR v.year = @year) GROUP BY l.village_id),
              work AS (
                SELECT pv.village_id AS villageId, count(*) AS projects FROM project_villages pv JOIN projects p ON p.id = pv.project_id
                 WHERE @year IS NULL OR p.year = @year GROUP BY pv.village_id)
              SELECT vg.id AS villageId, vg.name AS village, t.name AS township, coalesce(w.projects, 0) AS projects,
                     coalesce(m.spentFen, 0) AS spentFen, coalesce(m.householdsPaid, 0) AS householdsPaid,
                     coalesce(m.paidToHouseholdsFen, 0) AS paidToHouseholdsFen
                FROM villages vg JOIN townships t ON t.id = vg.township_id
                LEFT JOIN money m ON m.villageId = vg.id LEFT JOIN work w ON w.villageId = vg.id
               WHERE m.villageId IS NOT NULL OR w.villageId IS NOT NULL
               ORDER BY vg.code`)
    .all({ year: year ?? null }) as VillageSummaryRow[];
  const totals = {
    projects: rows.reduce((n, r) => n + r.projects, 0),
    spentFen: sumFen(rows.map((r) => r.spentFen)),
    householdsPaid: rows.reduce((n, r) => n + r.householdsPaid, 0),
    paidToHouseholdsFen: sumFen(rows.map((r) => r.paidToHouseholdsFen)),
  };
  return { rows, totals };
}

import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { notFound } from '../errors';
import { sumFen } from '../rules/money';
import { disclosureQuery } from './schemas';

export interface DisclosureFund {
  sourceId: number;
  level: string;
  type: string;
  docNo: string;
  title: string;
  /** For a village: what was allocated to its projects from this source; for the county: the source's amount. */
  amountFen: number;
}

export interface DisclosureProject {
  projectId: number;
  code: string;
  name: string;
  /** 建设地点: the project's site, or its villages when no site was written. */
  site: string;
  content: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  implementer: string;
  status: string;
  acceptedOn: string | null;
  /** Allocated to the project (资金规模). */
  amountFen: number;
  spentFen: number;
  beneficiaryHouseholds: number;
  beneficiaryPeople: number;
}

export interface DisclosurePayment {
  householdId: number;
  archiveNo: string;
  headName: string;
  village: string;
  amountFen: number;
}

/**
 * What a public notice of fund use needs (公告公示: who allocates or uses, discloses): the funds by
 * source, the projects (name, site, content, period, implementer, amount, beneficiaries) and the
 * households paid directly. It carries no ID number, phone, bank account or health detail.
 */
export function disclosure(ledger: Ledger, raw: z.input<typeof disclosureQuery>) {
  const q = disclosureQuery.parse(raw);
  const village = q.villageId === undefined ? null : (ledger.sqlite
    .prepare('SELECT vg.id, vg.name, t.name AS township FROM villages vg JOIN townships t ON t.id = vg.township_id WHERE vg.id = ?')
    .get(q.villageId) as { id: number; name: string; township: string } | undefined) ?? notFound('Village', '行政村', q.villageId);
  const args = { year: q.year, villageId: q.villageId ?? null };
  const inScope = `p.year = @year AND (@villageId IS NULL OR p.id IN (SELECT project_id FROM project_villages WHERE village_id = @villageId))`;

  const projects = ledger.sqlite
    .prepare(`SELECT p.id AS projectId, p.code, p.name,
                     CASE WHEN p.site <> '' THEN p.site ELSE coalesce((SELECT group_concat(vg.name, '、') FROM project_villages pv
                       JOIN villages vg ON vg.id = pv.village_id WHERE pv.project_id = p.id), '') END AS site,
                     p.content, p.planned_start AS plannedStart, p.planned_end AS plannedEnd, p.implementer, p.status, p.accepted_on AS acceptedOn,
                     (SELECT coalesce(sum(amount_fen), 0) FROM fund_allocations f WHERE f.project_id = p.id) AS amountFen,
                     (SELECT coalesce(sum(l.debit_fen - l.credit_fen), 0) FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id AND v.status = 'posted'
                        JOIN fund_accounts a ON a.id = l.account_id AND a.fund_role = 'use' WHERE l.project_id = p.id) AS spentFen,
                     (SELECT count(*) FROM project_households ph WHERE ph.project_id = p.id) AS beneficiaryHouseholds,
                     (SELECT coalesce(sum(h.size), 0) FROM project_households ph JOIN households h ON h.id = ph.household_id WHERE ph.project_id = p.id) AS beneficiaryPeople
                FROM projects p WHERE ${inScope} ORDER BY p.code`)
    .all(args) as DisclosureProject[];

  const funds = (q.villageId === undefined
    ? ledger.sqlite.prepare(`SELECT id AS sourceId, level, type, doc_no AS docNo, title, amount_fen AS amountFen FROM fund_sources WHERE year = @year ORDER BY level, doc_no`)
    : ledger.sqlite.prepare(`SELECT s.id AS sourceId, s.level, s.type, s.doc_no AS docNo, s.title, sum(f.amount_fen) AS amountFen
                               FROM fund_allocations f JOIN fund_sources s ON s.id = f.source_id JOIN projects p ON p.id = f.project_id
                              WHERE ${inScope} GROUP BY s.id HAVING amountFen <> 0 ORDER BY s.level, s.doc_no`)
  ).all(args) as DisclosureFund[];

  const householdsPaid = ledger.sqlite
    .prepare(`SELECT h.id AS householdId, h.archive_no AS archiveNo, h.head_name AS headName, vg.name AS village,
                     sum(l.debit_fen - l.credit_fen) AS amountFen
                FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id AND v.status = 'posted'
                JOIN fund_accounts a ON a.id = l.account_id AND a.fund_role = 'use'
                JOIN households h ON h.id = l.household_id JOIN villages vg ON vg.id = h.village_id
               WHERE v.year = @year AND (@villageId IS NULL OR h.village_id = @villageId)
               GROUP BY h.id HAVING amountFen <> 0 ORDER BY h.archive_no`)
    .all(args) as DisclosurePayment[];

  return {
    year: q.year,
    village,
    funds,
    fundsTotalFen: sumFen(funds.map((f) => f.amountFen)),
    projects,
    projectsTotalFen: sumFen(projects.map((p) => p.amountFen)),
    householdsPaid,
    householdsPaidTotalFen: sumFen(householdsPaid.map((h) => h.amountFen)),
  };
}

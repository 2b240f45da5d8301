/**
 * Exit assessment of a household (脱贫评估): income against the year's poverty line and the
 * 两不愁三保障 + safe water checklist (rules/exit.ts). Every assessment is stored; an exit
 * proposal links one (status.ts).
 */
import { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { invalid } from '../errors';
import { inTransaction, nowIso, today } from '../shared/tx';
import { id, year } from '../shared/zod';
import { assessExit, type AssessMember, type CheckResult } from '../rules/exit';
import { loadHousehold } from './households';
import { itemsOf } from './incomes';
import { povertyLine } from './povertyLines';

export const assessInput = z.object({
  householdId: id,
  year,
  /** The assessor saw on the home visit that the household does not worry about food and clothing. */
  foodClothingConfirmed: z.boolean(),
});

export interface AssessmentView {
  id: number;
  householdId: number;
  year: number;
  netIncomeFen: number;
  people: number;
  perCapitaFen: number;
  lineFen: number;
  checks: CheckResult[];
  passed: boolean;
  overrideReason: string | null;
  assessedBy: number;
  assessedByName: string;
  assessedAt: string;
  /** The exit event that rests on this assessment, if any. */
  eventId: number | null;
}

const VIEW = `SELECT a.id, a.household_id AS householdId, a.year, a.net_income_fen AS netIncomeFen, a.people,
    a.per_capita_fen AS perCapitaFen, a.line_fen AS lineFen, a.checks, a.passed, a.override_reason AS overrideReason,
    a.assessed_by AS assessedBy, coalesce(u.display_name, '#' || a.assessed_by) AS assessedByName, a.assessed_at AS assessedAt,
    (SELECT e.id FROM status_events e WHERE e.assessment_id = a.id AND e.state <> 'rejected') AS eventId
  FROM assessments a LEFT JOIN users u ON u.id = a.assessed_by`;

const toView = (r: Record<string, unknown>): AssessmentView =>
  ({ ...r, checks: JSON.parse(r.checks as string), passed: r.passed === 1 }) as AssessmentView;

export function listAssessments(ledger: Ledger, householdId: number): AssessmentView[] {
  return (ledger.sqlite.prepare(`${VIEW} WHERE a.household_id = ? ORDER BY a.id DESC`).all(householdId) as Record<string, unknown>[]).map(toView);
}

function membersOf(ledger: Ledger, householdId: number): AssessMember[] {
  return (ledger.sqlite
    .prepare(`SELECT name, birth_date AS birthDate, school_status AS schoolStatus, ins_basic_medical AS insBasicMedical, deceased, removed
                FROM members WHERE household_id = ?`)
    .all(householdId) as Record<string, unknown>[])
    .map((m) => ({ ...m, insBasicMedical: m.insBasicMedical === 1, deceased: m.deceased === 1, removed: m.removed === 1 }) as AssessMember);
}

/** Assesses a household for a year and stores the result with every check that failed. */
export function assessHousehold(ledger: Ledger, actor: Actor, raw: z.input<typeof assessInput>): AssessmentView {
  const input = assessInput.parse(raw);
  return inTransaction(ledger, () => {
    const h = loadHousehold(ledger, input.householdId);
    const lineFen = povertyLine(ledger, input.year);
    if (lineFen === null) {
      invalid('year', `No poverty line is recorded for ${input.year}; record it first`, `尚未登记 ${input.year} 年度扶贫标准，请先登记`);
    }
    const result = assessExit({
      asOf: today(),
      lineFen,
      incomes: itemsOf(ledger, input.householdId, input.year),
      members: membersOf(ledger, input.householdId),
      housingSafety: h.housingSafety,
      housingRenovatedYear: h.housingRenovatedYear,
      safeWater: h.safeWater,
      foodClothingConfirmed: input.foodClothingConfirmed,
    });
    const row = ledger.sqlite
      .prepare(
        `INSERT INTO assessments (household_id, year, net_income_fen, people, per_capita_fen, line_fen, checks, passed, assessed_by, assessed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(input.householdId, input.year, result.netIncomeFen, result.people, result.perCapitaFen ?? 0n, lineFen,
        JSON.stringify(result.checks), result.passed ? 1 : 0, actor.userId, nowIso()) as { id: number };
    appendAudit(ledger, actor, {
      entity: 'assessment', entityId: row.id, action: 'create',
      after: { householdId: input.householdId, year: input.year, passed: result.passed, failed: result.checks.filter((c) => !c.ok).map((c) => c.check) },
    });
    return toView(ledger.sqlite.prepare(`${VIEW} WHERE a.id = ?`).get(row.id) as Record<string, unknown>);
  });
}

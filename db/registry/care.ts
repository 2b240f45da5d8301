/**
 * Care lists (policy text (13)): left-behind children, women and elderly people, and disabled
 * members — living, not moved out, in households that are not cancelled — with who helps them.
 */
import { z } from 'zod';
import type { Ledger } from '../ledger';
import { id, pageInput, type Page } from '../shared/zod';

export const CARE_KINDS = ['child', 'woman', 'elderly', 'disabled'] as const;
export type CareKind = (typeof CARE_KINDS)[number];

export const careQuery = pageInput.extend({
  kind: z.enum(CARE_KINDS),
  townshipId: id.optional(),
  villageId: id.optional(),
});

export interface CareRow {
  memberId: number;
  name: string;
  sex: string;
  birthDate: string;
  health: string;
  disabilityCategory: string | null;
  disabilityGrade: string | null;
  schoolStatus: string | null;
  householdId: number;
  archiveNo: string;
  headName: string;
  phone: string;
  village: string;
  township: string;
  /** Current responsible cadres, "name phone", joined by "; ". */
  cadres: string;
}

const KIND_CLAUSE: Record<CareKind, string> = {
  child: `m.left_behind = 'child'`,
  woman: `m.left_behind = 'woman'`,
  elderly: `m.left_behind = 'elderly'`,
  disabled: `m.health = 'disabled'`,
};

function where(q: { villageId?: number; townshipId?: number }, kindClause: string) {
  const clauses = [kindClause, 'm.removed = 0', 'm.deceased = 0', `h.status <> 'cancelled'`];
  const params: Record<string, unknown> = {};
  if (q.villageId) {
    clauses.push('h.village_id = @villageId');
    params.villageId = q.villageId;
  }
  if (q.townshipId) {
    clauses.push('v.township_id = @townshipId');
    params.townshipId = q.townshipId;
  }
  return { sql: clauses.join(' AND '), params };
}

const FROM = 'FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id';

export function careList(ledger: Ledger, raw: z.input<typeof careQuery>): Page<CareRow> {
  const q = careQuery.parse(raw);
  const w = where(q, KIND_CLAUSE[q.kind]);
  const total = ledger.sqlite.prepare(`SELECT count(*) ${FROM} WHERE ${w.sql}`).pluck().get(w.params) as number;
  const rows = ledger.sqlite
    .prepare(
      `SELECT m.id AS memberId, m.name, m.sex, m.birth_date AS birthDate, m.health, m.disability_category AS disabilityCategory,
              m.disability_grade AS disabilityGrade, m.school_status AS schoolStatus, h.id AS householdId, h.archive_no AS archiveNo,
              h.head_name AS headName, h.phone, v.name AS village, t.name AS township,
              coalesce((SELECT group_concat(c.name || ' ' || c.phone, '; ') FROM household_cadres hc JOIN cadres c ON c.id = hc.cadre_id
                         WHERE hc.household_id = h.id AND hc.to_date IS NULL), '') AS cadres
         ${FROM} WHERE ${w.sql} ORDER BY v.code, h.archive_no, m.birth_date LIMIT @limit OFFSET @offset`,
    )
    .all({ ...w.params, limit: q.limit, offset: q.offset }) as CareRow[];
  return { rows, total, offset: q.offset, limit: q.limit };
}

export const careCountsQuery = careQuery.omit({ kind: true, offset: true, limit: true });

/** How many people each list holds, for the tabs. */
export function careCounts(ledger: Ledger, raw: z.input<typeof careCountsQuery>): Record<CareKind, number> {
  const q = careCountsQuery.parse(raw);
  const out = {} as Record<CareKind, number>;
  for (const kind of CARE_KINDS) {
    const w = where(q, KIND_CLAUSE[kind]);
    out[kind] = ledger.sqlite.prepare(`SELECT count(*) ${FROM} WHERE ${w.sql}`).pluck().get(w.params) as number;
  }
  return out;
}

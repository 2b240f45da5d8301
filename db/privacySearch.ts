/**
 * Household search for roles that see ID numbers and phones masked (db/rules/mask.ts).
 *
 * The list's own search (registry/queries.ts searchClause) matches ID numbers and phones by
 * PREFIX. For a reviewer or auditor that would be an enumeration oracle: type 532999197, see who
 * comes back, add a digit, repeat — and the full number is known although every list shows
 * 532999************. So for those roles a search text with digits in it matches only
 *   - an archive number by prefix (archive numbers are not private),
 *   - a complete ID number exactly,
 *   - a complete phone number exactly (household or member).
 * Names, pinyin and initials search as usual. Roles that see both fields in full (admin,
 * registrar) keep the prefix search. The household list and the .xlsx export both go through here.
 */
import type { Ledger } from './ledger';
import type { Role } from './roles';
import type { Page } from './shared/zod';
import { normalizeIdNumber } from './rules/idNumber';
import { seesInFull } from './rules/mask';
import { buildHouseholdWhere, HOUSEHOLD_FROM, householdQuery, listHouseholds, type HouseholdListRow, type HouseholdQuery } from './registry/queries';

type Query = ReturnType<typeof householdQuery.parse>;
type Where = ReturnType<typeof buildHouseholdWhere>;

/** 'open': the list's own search; 'exact': digits match archive prefixes and complete numbers only. */
export type SearchMode = 'open' | 'exact';

export function searchModeFor(role: Role | null | undefined, q: string): SearchMode {
  if (seesInFull(role, 'idNumber') && seesInFull(role, 'phone')) return 'open';
  return /\d/.test(normalizeIdNumber(q)) ? 'exact' : 'open';
}

/** The WHERE of a household filter as `role` may search it. */
export function householdWhereFor(role: Role | null | undefined, query: Query): Where {
  if (searchModeFor(role, query.q) === 'open') return buildHouseholdWhere(query);
  const w = buildHouseholdWhere({ ...query, q: '' });
  const q = query.q.trim();
  w.params.privacyArchive = q;
  w.params.privacyArchiveEnd = `${q}\u{10FFFF}`;
  w.params.privacyId = normalizeIdNumber(q);
  w.params.privacyPhone = q.replace(/[\s-]/g, '');
  w.clauses.push(`(h.archive_no >= @privacyArchive AND h.archive_no < @privacyArchiveEnd
    OR h.id IN (SELECT household_id FROM members WHERE id_number = @privacyId)
    OR h.phone = @privacyPhone AND h.phone <> ''
    OR h.id IN (SELECT household_id FROM members WHERE phone = @privacyPhone AND phone <> ''))`);
  return w;
}

/** registry.households for `role`: the list's own query, or the exact-match search above. */
export function listHouseholdsFor(ledger: Ledger, role: Role | null | undefined, raw: HouseholdQuery): Page<HouseholdListRow> {
  const query = householdQuery.parse(raw);
  if (searchModeFor(role, query.q) === 'open') return listHouseholds(ledger, query);
  const w = householdWhereFor(role, query);
  const where = `WHERE ${w.clauses.join(' AND ')}`;
  const total = ledger.sqlite.prepare(`SELECT count(*) ${HOUSEHOLD_FROM} ${where}`).pluck().get(w.params) as number;
  // The same columns and order as listHouseholds (registry/queries.ts).
  const rows = ledger.sqlite
    .prepare(
      `SELECT h.id, h.archive_no AS archiveNo, h.head_name AS headName, h.size, h.village_id AS villageId,
              v.name AS village, t.name AS township, h.attribute, h.main_cause AS mainCause, h.status,
              h.monitoring_type AS monitoringType
       ${HOUSEHOLD_FROM} ${where} ORDER BY h.archive_no LIMIT @limit OFFSET @offset`,
    )
    .all({ ...w.params, limit: query.limit, offset: query.offset }) as HouseholdListRow[];
  return { rows, total, offset: query.offset, limit: query.limit };
}

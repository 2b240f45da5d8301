/**
 * Compares a dibao roster with the registry by ID number (docs/DIBAO.md) and lists the three kinds
 * of mismatch, each with the change the clerk may accept. Reads only.
 *   A. on the roster, but not in the registry — or in it but not recorded as receiving dibao
 *      (or deceased, moved out, household cancelled);
 *   B. recorded as dibao (member flag, or living member of a dibao household, attribute 2) but not
 *      on the roster;
 *   C. on both, but the class differs, or the household's recorded dibao income for the year
 *      differs from what the roster's monthly amounts give.
 */
import type { z } from 'zod';
import type { Ledger } from '../../ledger';
import type { DibaoClass } from '../../codes';
import { today } from '../../shared/tx';
import { readRoster, type Roster, type RosterRow } from './roster';
import { compareInput, type Proposal } from './schemas';

export interface MemberRef {
  memberId: number;
  householdId: number;
  archiveNo: string;
  name: string;
  village: string;
  township: string;
  attribute: string;
  householdStatus: string;
  dibao: boolean;
  dibaoClass: DibaoClass | null;
  deceased: boolean;
  removed: boolean;
}

export type NotRegisteredReason = 'not_in_registry' | 'not_flagged' | 'deceased' | 'moved_out' | 'household_cancelled';

export interface NotRegistered {
  reason: NotRegisteredReason;
  roster: RosterRow;
  member: MemberRef | null;
  nameDiffers: boolean;
  proposal: Proposal | null;
}

export interface NotOnRoster {
  /** 'flag': the member is recorded as receiving dibao; 'attribute': a living member of a dibao household. */
  reason: 'flag' | 'attribute';
  member: MemberRef;
  proposal: Proposal | null;
}

export type Disagreement =
  | { kind: 'class'; roster: RosterRow; member: MemberRef; nameDiffers: boolean; proposal: Proposal }
  | { kind: 'amount'; householdId: number; archiveNo: string; village: string; year: number; recordedFen: number; expectedFen: number; rosterRows: number[] };

export interface DibaoComparison {
  roster: Omit<Roster, 'rows'> & { people: number };
  year: number;
  matched: number;
  notRegistered: NotRegistered[];
  notOnRoster: NotOnRoster[];
  disagreements: Disagreement[];
}

const MEMBER_COLUMNS = `m.id AS memberId, m.household_id AS householdId, h.archive_no AS archiveNo, m.name, vg.name AS village, t.name AS township,
  h.attribute, h.status AS householdStatus, m.dibao, m.dibao_class AS dibaoClass, m.deceased, m.removed, m.id_number AS idNumber`;
const MEMBER_FROM = `FROM members m JOIN households h ON h.id = m.household_id JOIN villages vg ON vg.id = h.village_id JOIN townships t ON t.id = vg.township_id`;

type MemberRow = Omit<MemberRef, 'dibao' | 'deceased' | 'removed'> & { dibao: number; deceased: number; removed: number; idNumber: string };

const ref = (r: MemberRow): MemberRef => ({
  memberId: r.memberId, householdId: r.householdId, archiveNo: r.archiveNo, name: r.name, village: r.village, township: r.township,
  attribute: r.attribute, householdStatus: r.householdStatus, dibao: r.dibao === 1, dibaoClass: r.dibaoClass, deceased: r.deceased === 1, removed: r.removed === 1,
});

/** Of several members with the ID number, the one on the books (living, household open) first. */
const rank = (m: MemberRow) => (m.householdStatus === 'cancelled' ? 4 : 0) + (m.removed ? 2 : 0) + (m.deceased ? 1 : 0);

function membersById(ledger: Ledger, ids: string[]): Map<string, MemberRow> {
  const out = new Map<string, MemberRow>();
  const rows = ledger.sqlite
    .prepare(`SELECT ${MEMBER_COLUMNS} ${MEMBER_FROM} WHERE m.id_number IN (SELECT value FROM json_each(?)) ORDER BY m.id`)
    .all(JSON.stringify(ids)) as MemberRow[];
  for (const r of rows) {
    const have = out.get(r.idNumber);
    if (!have || rank(r) < rank(have)) out.set(r.idNumber, r);
  }
  return out;
}

function registeredDibao(ledger: Ledger, scope: { townshipId?: number; villageId?: number }): MemberRow[] {
  return ledger.sqlite
    .prepare(`SELECT ${MEMBER_COLUMNS} ${MEMBER_FROM}
               WHERE m.removed = 0 AND m.deceased = 0 AND h.status <> 'cancelled' AND (m.dibao = 1 OR h.attribute = '2')
                 AND (@villageId IS NULL OR h.village_id = @villageId) AND (@townshipId IS NULL OR vg.township_id = @townshipId)
               ORDER BY t.code, vg.code, h.archive_no, m.id`)
    .all({ villageId: scope.villageId ?? null, townshipId: scope.villageId ? null : scope.townshipId ?? null }) as MemberRow[];
}

const state = (m: { dibao: boolean; dibaoClass: DibaoClass | null }) => ({ dibao: m.dibao, dibaoClass: m.dibaoClass });

function notRegistered(r: RosterRow, m: MemberRow | undefined): NotRegistered | null {
  if (!m) return { reason: 'not_in_registry', roster: r, member: null, nameDiffers: false, proposal: null };
  const member = ref(m);
  const nameDiffers = member.name !== r.name;
  const reason: NotRegisteredReason | null = m.householdStatus === 'cancelled' ? 'household_cancelled'
    : member.removed ? 'moved_out' : member.deceased ? 'deceased' : member.dibao ? null : 'not_flagged';
  if (!reason) return null;
  const proposal = reason === 'not_flagged'
    ? { memberId: member.memberId, before: state(member), after: { dibao: true, dibaoClass: r.dibaoClass ?? member.dibaoClass }, rosterRow: r.row }
    : null;
  return { reason, roster: r, member, nameDiffers, proposal };
}

/** Months of `year` from the start month on (12 when it started earlier or is unknown). */
function monthsIn(year: number, start: string | null): number {
  if (!start) return 12;
  const y = Number(start.slice(0, 4));
  if (y < year) return 12;
  if (y > year) return 0;
  return 13 - Number(start.slice(5, 7));
}

function amountDisagreements(ledger: Ledger, year: number, byHousehold: Map<number, { ref: MemberRef; rows: RosterRow[] }>): Disagreement[] {
  const ids = [...byHousehold.keys()];
  if (!ids.length) return [];
  const recorded = new Map(
    (ledger.sqlite
      .prepare(`SELECT household_id AS id, sum(CASE WHEN item = 'dibao' THEN amount_fen ELSE 0 END) AS fen FROM incomes
                 WHERE year = ? AND household_id IN (SELECT value FROM json_each(?)) GROUP BY household_id`)
      .all(year, JSON.stringify(ids)) as { id: number; fen: number }[]).map((r) => [r.id, r.fen]),
  );
  const out: Disagreement[] = [];
  for (const [householdId, { ref: m, rows }] of byHousehold) {
    const fen = recorded.get(householdId);
    const priced = rows.filter((r) => r.monthlyFen !== null);
    // Only households with income records for the year, and roster rows that give an amount.
    if (fen === undefined || !priced.length) continue;
    const expected = priced.reduce((s, r) => s + r.monthlyFen! * monthsIn(year, r.startDate), 0);
    if (expected !== fen) {
      out.push({ kind: 'amount', householdId, archiveNo: m.archiveNo, village: m.village, year, recordedFen: fen, expectedFen: expected, rosterRows: rows.map((r) => r.row) });
    }
  }
  return out;
}

export function compareDibao(ledger: Ledger, raw: z.input<typeof compareInput>): DibaoComparison {
  const input = compareInput.parse(raw);
  const roster = readRoster(input.fileName, input.base64, input.sheet);
  const year = input.year ?? Number(today().slice(0, 4));
  const found = membersById(ledger, roster.rows.map((r) => r.idNumber));

  const notRegisteredList: NotRegistered[] = [];
  const disagreements: Disagreement[] = [];
  const byHousehold = new Map<number, { ref: MemberRef; rows: RosterRow[] }>();
  let matched = 0;
  for (const r of roster.rows) {
    const m = found.get(r.idNumber);
    const nr = notRegistered(r, m);
    if (nr) {
      notRegisteredList.push(nr);
      continue;
    }
    matched++;
    const member = ref(m!);
    const group = byHousehold.get(member.householdId) ?? { ref: member, rows: [] };
    group.rows.push(r);
    byHousehold.set(member.householdId, group);
    if (r.dibaoClass !== null && r.dibaoClass !== member.dibaoClass) {
      disagreements.push({
        kind: 'class', roster: r, member, nameDiffers: member.name !== r.name,
        proposal: { memberId: member.memberId, before: state(member), after: { dibao: true, dibaoClass: r.dibaoClass }, rosterRow: r.row },
      });
    }
  }
  disagreements.push(...amountDisagreements(ledger, year, byHousehold));

  const onRoster = new Set(roster.rows.map((r) => r.idNumber));
  const notOnRoster: NotOnRoster[] = registeredDibao(ledger, input)
    .filter((m) => !onRoster.has(m.idNumber))
    .map((m) => {
      const member = ref(m);
      return member.dibao
        ? { reason: 'flag' as const, member, proposal: { memberId: member.memberId, before: state(member), after: { dibao: false, dibaoClass: null }, rosterRow: null } }
        : { reason: 'attribute' as const, member, proposal: null };
    });

  const { rows, ...rest } = roster;
  return { roster: { ...rest, people: rows.length }, year, matched, notRegistered: notRegisteredList, notOnRoster, disagreements };
}

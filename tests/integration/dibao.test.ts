/**
 * Dibao cross-check: a civil-affairs roster built with exceljs (title lines above the header, a
 * total and a signature line below) with planted mismatches yields exactly those mismatches;
 * comparing changes nothing; accepting a proposal changes exactly that member, with an audit row.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../db/ledger';
import { generateCounty } from '../../db/demo/generate';
import type { Actor } from '../../db/actor';
import { makeIdNumber } from '../../db/rules/idNumber';
import { compareDibao, type DibaoComparison } from '../../db/exchange/dibao/compare';
import { acceptDibaoProposals } from '../../db/exchange/dibao/accept';
import { readRoster } from '../../db/exchange/dibao/roster';
import { dibaoTemplate } from '../../db/exchange/dibao/template';
import { LedgerError } from '../../db/errors';
import { tempDir } from '../support/tmp';

const CLERK: Actor = { userId: 2, userName: 'registrar', role: 'registrar', method: 'exchange.dibaoAccept' };
const YEAR = 2026;
const MONTHLY: Record<string, number> = { class_a: 30_000, class_b: 22_000, class_c: 15_000 };
const CLASS_TEXT: Record<string, string> = { class_a: '一类', class_b: 'B类', class_c: '3' };

let dir: string;
let ledger: Ledger;

interface Person { id: number; household_id: number; id_number: string; name: string; dibao_class: string | null; attribute: string }

const people = (where: string) => ledger.sqlite.prepare(
  `SELECT m.id, m.household_id, m.id_number, m.name, m.dibao_class, h.attribute FROM members m JOIN households h ON h.id = m.household_id
    WHERE m.removed = 0 AND m.deceased = 0 AND h.status <> 'cancelled' AND ${where} ORDER BY m.id`).all() as Person[];

/** The planted cases, chosen from the generated county. */
let onDibao: Person[];
let dropped: Person; // flagged dibao, left off the roster (B, flag)
let unflagged: Person; // attribute-2 member whose flag was cleared, left off the roster (B, attribute)
let classChanged: Person; // on the roster with another class (C, class)
let amountHousehold: number; // roster amount differs from the recorded dibao income (C, amount)
let notFlagged: Person; // general household member on the roster (A, not flagged)
const stranger = makeIdNumber('552999', '1961-07-20', 777, 'M'); // on the roster, not in the registry (A)

beforeAll(() => {
  dir = tempDir('cl-dibao-');
  ledger = openLedger(path.join(dir, 'ledger.sqlite'));
  generateCounty(ledger, { scale: 'tiny', seed: 1, today: '2026-06-15', users: false });
  onDibao = people('m.dibao = 1');
  expect(onDibao.length).toBeGreaterThan(8);
  dropped = onDibao[0]!;
  unflagged = onDibao.find((p) => p.household_id !== dropped.household_id && p.attribute === '2')!;
  ledger.sqlite.prepare('UPDATE members SET dibao = 0, dibao_class = NULL WHERE id = ?').run(unflagged.id);
  classChanged = onDibao.find((p) => ![dropped.household_id, unflagged.household_id].includes(p.household_id))!;
  amountHousehold = onDibao.find((p) => ![dropped.household_id, unflagged.household_id, classChanged.household_id].includes(p.household_id))!.household_id;
  notFlagged = people(`h.attribute = '1' AND m.dibao = 0`)[0]!;
  // The recorded dibao income of YEAR is what the roster's monthly amounts give (12 months each).
  const rosterPeople = onDibao.filter((p) => p.id !== dropped.id && p.id !== unflagged.id);
  const perHousehold = new Map<number, number>();
  for (const p of rosterPeople) perHousehold.set(p.household_id, (perHousehold.get(p.household_id) ?? 0) + MONTHLY[p.dibao_class!]! * 12);
  ledger.sqlite.prepare(`DELETE FROM incomes WHERE item = 'dibao' AND year = ?`).run(YEAR);
  for (const [h, fen] of perHousehold) ledger.sqlite.prepare(`INSERT INTO incomes (household_id, year, item, amount_fen) VALUES (?, ?, 'dibao', ?)`).run(h, YEAR, fen);
});

afterAll(() => {
  ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The roster as a civil-affairs export writes it: two title lines, the header, people, a total and a signature line. */
async function rosterFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['示范县农村最低生活保障对象花名册']);
  ws.mergeCells(1, 1, 1, 6);
  ws.addRow(['填报单位：示范县民政局', '', '', '', '截至 2026 年 6 月']);
  ws.addRow(['序号', '姓 名', '公民身份号码', '保障类别', '月保障金额（元）', '享受时间']);
  let n = 0;
  const add = (name: string, id: string, cls: string, yuan: number | string, start: unknown) => ws.addRow([++n, name, id, cls, yuan, start]);
  for (const p of onDibao) {
    if (p.id === dropped.id || p.id === unflagged.id) continue;
    const cls = p.id === classChanged.id ? (p.dibao_class === 'class_a' ? 'class_b' : 'class_a') : p.dibao_class!;
    let fen = MONTHLY[p.dibao_class!]!;
    if (p.household_id === amountHousehold && p === onDibao.find((x) => x.household_id === amountHousehold)) fen += 100;
    add(p.name, p.id_number, CLASS_TEXT[cls]!, fen / 100, n % 2 ? new Date(Date.UTC(2019, 2, 1)) : '2019年3月');
  }
  add('外县人', stranger, '二类', '220.00', '2024-01-01');
  add(notFlagged.name, notFlagged.id_number, '三类', 150, '2026-01-01');
  add('错号', '55299919610720777', '一类', 300, '2020-01-01');
  ws.addRow(['合计', '', '', '', '—', '']);
  ws.addRow(['制表人：张三', '', '审核人：李四']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const table = () => JSON.stringify(ledger.sqlite.prepare('SELECT * FROM members ORDER BY id').all());
const auditCount = () => ledger.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('dibao roster cross-check', () => {
  let base64: string;
  let result: DibaoComparison;

  beforeAll(async () => {
    base64 = await rosterFile();
  });

  it('finds the header below the title lines and reads every person row', () => {
    const roster = readRoster('roster.xlsx', base64);
    expect(roster.layout.headerRow).toBe(3);
    expect(roster.layout.columns.map((c) => c.key).sort()).toEqual(['dibaoClass', 'idNumber', 'monthlyAmount', 'name', 'startDate']);
    expect(roster.rows).toHaveLength(onDibao.length - 2 + 2);
    expect(roster.skipped).toBe(2);
    expect(roster.problems).toEqual([expect.objectContaining({ field: 'idNumber', row: 3 + onDibao.length - 2 + 3 })]);
    expect(roster.rows.every((r) => r.startDate === '2019-03-01' || r.startDate === '2024-01-01' || r.startDate === '2026-01-01')).toBe(true);
  });

  it('lists exactly the planted mismatches of the three kinds, and changes nothing', () => {
    const before = table();
    const audits = auditCount();
    result = compareDibao(ledger, { fileName: 'roster.xlsx', base64, year: YEAR });
    expect(table()).toBe(before);
    expect(auditCount()).toBe(audits);

    expect(result.notRegistered.map((x) => [x.reason, x.roster.idNumber])).toEqual([
      ['not_in_registry', stranger],
      ['not_flagged', notFlagged.id_number],
    ]);
    expect(result.notRegistered[1]!.proposal).toEqual({
      memberId: notFlagged.id, before: { dibao: false, dibaoClass: null }, after: { dibao: true, dibaoClass: 'class_c' }, rosterRow: expect.any(Number),
    });
    expect(result.notOnRoster.map((x) => [x.reason, x.member.memberId, x.proposal?.after ?? null])).toEqual([
      ['flag', dropped.id, { dibao: false, dibaoClass: null }],
      ['attribute', unflagged.id, null],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)));
    const kinds = result.disagreements.map((d) => (d.kind === 'class' ? ['class', d.member.memberId] : ['amount', d.householdId]));
    expect(kinds).toEqual([['class', classChanged.id], ['amount', amountHousehold]]);
    const amount = result.disagreements[1]!;
    expect(amount.kind === 'amount' && amount.expectedFen - amount.recordedFen).toBe(100 * 12);
    expect(result.matched).toBe(onDibao.length - 2);
    expect(result.roster.problems).toHaveLength(1);
  });

  it('accepting proposals changes exactly those members, each with an audit row', () => {
    const proposals = [result.notRegistered[1]!.proposal!, result.notOnRoster.find((x) => x.reason === 'flag')!.proposal!];
    const cls = result.disagreements[0]!;
    if (cls.kind === 'class') proposals.push(cls.proposal);
    const before = ledger.sqlite.prepare('SELECT * FROM members ORDER BY id').all() as Record<string, unknown>[];
    const audits = auditCount();
    expect(acceptDibaoProposals(ledger, CLERK, { fileName: 'roster.xlsx', sha256: result.roster.sha256, proposals })).toEqual({ changed: 3 });
    const after = ledger.sqlite.prepare('SELECT * FROM members ORDER BY id').all() as Record<string, unknown>[];
    const changed = after.filter((m, i) => JSON.stringify(m) !== JSON.stringify(before[i]));
    expect(changed.map((m) => [m.id, m.dibao, m.dibao_class])).toEqual(
      proposals.map((p) => [p.memberId, p.after.dibao ? 1 : 0, p.after.dibaoClass]).sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    const rows = ledger.sqlite.prepare(`SELECT entity, entity_id AS entityId, action, before, after, user_name AS userName FROM audit_log WHERE seq > ? ORDER BY seq`).all(audits) as Record<string, string>[];
    expect(rows.map((r) => [r.entity, Number(r.entityId), r.action, r.userName])).toEqual(proposals.map((p) => ['member', p.memberId, 'dibao_crosscheck', 'registrar']));
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ dibao: true, dibaoClass: 'class_c', roster: { fileName: 'roster.xlsx', sha256: result.roster.sha256 } });
  });

  it('refuses a stale proposal and then changes nothing at all', () => {
    const fresh = compareDibao(ledger, { fileName: 'roster.xlsx', base64, year: YEAR });
    const stale = result.notRegistered[1]!.proposal!; // already applied
    // A proposal that would apply, sent together with the stale one: neither is applied.
    const current = ledger.sqlite.prepare('SELECT dibao_class FROM members WHERE id = ?').pluck().get(classChanged.id) as 'class_a';
    const valid = { memberId: classChanged.id, before: { dibao: true, dibaoClass: current }, after: { dibao: false, dibaoClass: null }, rosterRow: null };
    const before = table();
    const audits = auditCount();
    let err: unknown;
    try {
      acceptDibaoProposals(ledger, CLERK, { fileName: 'roster.xlsx', sha256: fresh.roster.sha256, proposals: [valid, stale] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LedgerError);
    expect((err as LedgerError).code).toBe('CONFLICT');
    expect((err as LedgerError).zh).toContain('重新比对');
    expect(table()).toBe(before);
    expect(auditCount()).toBe(audits);
    // After acceptance only what no member change fixes is left: the stranger, the members of
    // dibao households off the roster, and recorded incomes that differ from the roster.
    expect(fresh.notRegistered.map((x) => x.reason)).toEqual(['not_in_registry']);
    expect(fresh.notOnRoster.every((x) => x.reason === 'attribute' && x.proposal === null)).toBe(true);
    expect(fresh.disagreements.map((d) => (d.kind === 'amount' ? d.householdId : -1)).sort((a, b) => a - b))
      .toEqual([amountHousehold, notFlagged.household_id].sort((a, b) => a - b));
  });

  it('reads its own template back (header on row 2, no people)', async () => {
    const roster = readRoster('t.xlsx', (await dibaoTemplate()).toString('base64'));
    expect(roster.layout.headerRow).toBe(2);
    expect(roster.layout.missing).toEqual([]);
    expect(roster.rows).toEqual([]);
  });
});

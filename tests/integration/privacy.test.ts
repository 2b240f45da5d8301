/**
 * Privacy masking (docs/SECURITY.md "Privacy: masking"), through the API table as each role calls
 * it: the household page, list and search, care list, audit trail, the .xlsx export (read back)
 * and the bank payment list show ID numbers, phones and bank accounts in full or masked exactly as
 * SEES_IN_FULL says; a masked role cannot probe an ID number by prefix; exports are marked and
 * audited; a masked value is never saved.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { LedgerHost } from '../../electron/api/host';
import { SessionStore } from '../../electron/api/sessions';
import type { ApiResult } from '../../electron/api/result';
import { ROLES, type Role } from '../../db/roles';
import { createUser } from '../../db/system/users';
import { SYSTEM_ACTOR } from '../../db/actor';
import { makeIdNumber } from '../../db/rules/idNumber';
import { maskBankAccount, maskIdNumber, maskJsonText, maskPhone, seesInFull } from '../../db/rules/mask';
import { COLUMNS } from '../../db/registry/import/columns';
import { addShare } from '../../db/assets/shares';
import { recordIncome } from '../../db/assets/income';
import { approvePlan, preparePlan } from '../../db/assets/plans';
import { exportBankListAudited } from '../../db/assets/bankList';
import type { Ledger } from '../../db/ledger';
import { seedVillage } from '../support/fixtures';
import { actorFor, tempDir, tempLedger } from '../support/tmp';
import { runImport } from '../../db/registry/import';
import { LedgerError } from '../../db/errors';
import { assetsWorld } from './assets.helpers';
import { quickActor } from './funds.helpers';

const HEAD_ID = makeIdNumber('532999', '1950-03-12', 11, 'M');
const SPOUSE_ID = makeIdNumber('532999', '1952-08-30', 12, 'F');
const PHONE = '13812345678';
const MEMBER_PHONE = '13900001111';
const BANK = '6228480012345678';

let host: LedgerHost;
let ledger: Ledger;
let householdId = 0;
const users = new Map<Role, number>();

function callAs<T = unknown>(role: Role, method: string, input: unknown): Promise<ApiResult<T>> {
  const session = host.sessions.get(SessionStore.newId());
  session.userId = users.get(role)!;
  return dispatch(host, session, method, input) as Promise<ApiResult<T>>;
}

async function ok<T>(role: Role, method: string, input: unknown): Promise<T> {
  const r = await callAs<T>(role, method, input);
  if (!r.ok) throw new Error(`${role} ${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** What `role` should see for each private value. */
const expected = (role: Role) => ({
  headId: seesInFull(role, 'idNumber') ? HEAD_ID : maskIdNumber(HEAD_ID),
  phone: seesInFull(role, 'phone') ? PHONE : maskPhone(PHONE),
  memberPhone: seesInFull(role, 'phone') ? MEMBER_PHONE : maskPhone(MEMBER_PHONE),
  bank: seesInFull(role, 'bankAccount') ? BANK : maskBankAccount(BANK),
});

beforeAll(async () => {
  host = new LedgerHost({ dataDir: tempDir('cl-privacy-'), autoBackup: false, log: () => {} });
  ledger = host.createEmpty();
  const { villageId } = seedVillage(ledger);
  for (const role of ROLES) {
    users.set(role, createUser(ledger, { ...SYSTEM_ACTOR, method: 'test' }, { username: `u_${role}`, displayName: role, role, password: 'test-password' }).id);
  }
  const created = await ok<{ id: number }>('registrar', 'registry.createHousehold', {
    archiveNo: 'A-0001', villageId, attribute: '1', mainCause: 'illness', identifiedYear: 2016, phone: '13800000000', bankName: '农村信用社', bankAccount: BANK,
    members: [
      { name: '林海', idNumber: HEAD_ID, relation: 'head', leftBehind: 'elderly', phone: MEMBER_PHONE },
      { name: '周玥', idNumber: SPOUSE_ID, relation: 'spouse' },
    ],
  });
  householdId = created.id;
  // An update, so the audit trail holds the phone before and after.
  await ok('registrar', 'registry.updateHousehold', { householdId, fields: { phone: PHONE } });
});

afterAll(() => host.close());

describe('the masking table', () => {
  it('is the one in docs/SECURITY.md', () => {
    const full = (f: 'idNumber' | 'phone' | 'bankAccount') => ROLES.filter((r) => seesInFull(r, f));
    expect(full('idNumber')).toEqual(['admin', 'registrar']);
    expect(full('phone')).toEqual(['admin', 'registrar']);
    expect(full('bankAccount')).toEqual(['admin', 'registrar', 'accountant']);
  });
});

describe.each(ROLES)('as %s', (role) => {
  const want = expected(role);

  it('the household page shows private numbers in full or masked as the table says', async () => {
    const { household, members } = await ok<{ household: Record<string, unknown>; members: Record<string, unknown>[] }>(role, 'registry.household', { householdId });
    expect(household.phone).toBe(want.phone);
    expect(household.bankAccount).toBe(want.bank);
    const head = members.find((m) => m.relation === 'head')!;
    expect(head.idNumber).toBe(want.headId);
    expect(head.phone).toBe(want.memberPhone);
    expect(head.name).toBe('林海');
    // Division code only: the birth date is on the same page, so the last 4 would complete the number.
    if (!seesInFull(role, 'idNumber')) expect(head.idNumber).toMatch(/^532999\*{12}$/);
  });

  it('the list carries no private numbers; complete numbers and archive prefixes find the household', async () => {
    const all = await ok<{ rows: Record<string, unknown>[]; total: number }>(role, 'registry.households', {});
    expect(all.total).toBe(1);
    for (const key of ['idNumber', 'phone', 'bankAccount']) expect(all.rows[0]).not.toHaveProperty(key);
    for (const q of [HEAD_ID, HEAD_ID.toLowerCase(), PHONE, MEMBER_PHONE, 'A-00', 'A-0001', '林', 'lin']) {
      const found = await ok<{ total: number; rows: unknown[] }>(role, 'registry.households', { q });
      expect(found.total, q).toBe(1);
      // The exact-match search (db/privacySearch.ts) answers rows of the same shape as the list's own.
      expect(found.rows, q).toEqual(all.rows);
    }
  });

  it('an ID-number or phone prefix finds the household only for roles that see the numbers', async () => {
    const sees = seesInFull(role, 'idNumber');
    for (const q of [HEAD_ID.slice(0, 10), HEAD_ID.slice(0, 17), PHONE.slice(0, 7)]) {
      expect((await ok<{ total: number }>(role, 'registry.households', { q })).total, q).toBe(sees ? 1 : 0);
    }
  });

  it('the care list masks the household phone', async () => {
    const page = await ok<{ rows: { name: string; phone: string }[] }>(role, 'registry.careList', { kind: 'elderly' });
    expect(page.rows.map((r) => [r.name, r.phone])).toEqual([['林海', want.phone]]);
  });

  it('the .xlsx export says it holds personal information, masks as the table says, and is audited', async () => {
    const file = await ok<{ base64: string }>(role, 'registry.exportHouseholds', { lang: 'en' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const ws = book.worksheets[0]!;
    const title = String(ws.getRow(1).getCell(1).value);
    expect(title).toContain('含个人信息 Contains personal information');
    expect(title.includes('masked')).toBe(!seesInFull(role, 'idNumber'));
    const col = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
    const rows = [3, 4].map((n) => ws.getRow(n));
    const head = rows.find((r) => r.getCell(col('name')).value === '林海')!;
    expect(head.getCell(col('idNumber')).value).toBe(want.headId);
    expect(head.getCell(col('phone')).value).toBe(want.phone);
    expect(head.getCell(col('memberPhone')).value).toBe(want.memberPhone);
    expect(head.getCell(col('bankAccount')).value).toBe(want.bank);

    const audit = ledger.sqlite
      .prepare(`SELECT user_name AS userName, entity, action, after FROM audit_log WHERE action = 'export_xlsx' ORDER BY seq DESC LIMIT 1`)
      .get() as { userName: string; entity: string; action: string; after: string };
    expect(audit).toMatchObject({ userName: `u_${role}`, entity: 'household' });
    const after = JSON.parse(audit.after);
    expect(after).toMatchObject({ rows: 2, households: 1, members: 2, personalData: true });
    expect(after.masked).toEqual((['idNumber', 'phone', 'bankAccount'] as const).filter((f) => !seesInFull(role, f)));
  });

  it('an export filtered by an ID-number prefix is empty for roles that may not see ID numbers', async () => {
    const file = await ok<{ base64: string }>(role, 'registry.exportHouseholds', { q: HEAD_ID.slice(0, 12) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(book.worksheets[0]!.rowCount - 2).toBe(seesInFull(role, 'idNumber') ? 2 : 0);
  });
});

describe('the audit trail', () => {
  it('shows auditors before/after with private numbers masked, admins in full; the stored rows are untouched', async () => {
    const rowsFor = async (role: Role) => JSON.stringify((await ok<{ rows: unknown[] }>(role, 'audit.list', { limit: 500 })).rows);
    const auditorView = await rowsFor('auditor');
    for (const secret of [HEAD_ID, SPOUSE_ID, PHONE, MEMBER_PHONE, BANK, '13800000000']) expect(auditorView).not.toContain(secret);
    expect(auditorView).toContain(maskIdNumber(HEAD_ID));
    expect(auditorView).toContain(maskPhone(PHONE));
    const adminView = await rowsFor('admin');
    for (const secret of [HEAD_ID, PHONE, BANK]) expect(adminView).toContain(secret);
    expect((await ok<{ ok: boolean }>('auditor', 'audit.verify', {})).ok).toBe(true);
    // The hash of a row is of its unmasked text: handed to the auditor it would let the hidden
    // digits be found by hashing every candidate. Masked rows go out without it.
    const hashes = async (role: Role) => (await ok<{ rows: { hash: string | null }[] }>(role, 'audit.list', { limit: 500 })).rows.map((r) => r.hash);
    expect((await hashes('auditor')).every((h) => h === null)).toBe(true);
    expect((await hashes('admin')).every((h) => typeof h === 'string' && h.length === 64)).toBe(true);
  });

  it('masks private keys in any JSON, free-standing ID numbers in text and digit searches', () => {
    const text = JSON.stringify({ id_number: HEAD_ID, nested: [{ bank_account: BANK, memberPhone: MEMBER_PHONE }], note: `重复 ${HEAD_ID}。`, filter: { q: HEAD_ID.slice(0, 10) }, hash: `ab${HEAD_ID}` });
    const masked = JSON.parse(maskJsonText(text, 'reviewer')!);
    expect(masked).toEqual({
      id_number: maskIdNumber(HEAD_ID), nested: [{ bank_account: maskBankAccount(BANK), memberPhone: maskPhone(MEMBER_PHONE) }],
      note: `重复 ${maskIdNumber(HEAD_ID)}。`, filter: { q: '**********' }, hash: `ab${HEAD_ID}`,
    });
    expect(JSON.parse(maskJsonText(text, 'accountant')!).nested[0].bank_account).toBe(BANK);
    expect(maskJsonText(text, 'admin')).toBe(text);
    expect(maskJsonText(null, 'auditor')).toBeNull();
  });
});

describe('masked values are never saved', () => {
  const refused = async (method: string, input: unknown, field: string) => {
    const r = await callAs('registrar', method, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(r.error.message).toContain('masked');
    expect(r.error.zh).toContain('脱敏');
  };

  it('refuses a masked phone, bank account or ID number with a field error in both languages, and changes nothing', async () => {
    const before = ledger.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    await refused('registry.updateHousehold', { householdId, fields: { phone: maskPhone(PHONE) } }, 'fields.phone');
    await refused('registry.updateHousehold', { householdId, fields: { bankAccount: maskBankAccount(BANK) } }, 'fields.bankAccount');
    const { members } = await ok<{ members: { id: number; relation: string }[] }>('registrar', 'registry.household', { householdId });
    const headId = members.find((m) => m.relation === 'head')!.id;
    await refused('registry.updateMember', { memberId: headId, fields: { idNumber: maskIdNumber(HEAD_ID) } }, 'fields.idNumber');
    await refused('registry.updateMember', { memberId: headId, fields: { phone: maskPhone(MEMBER_PHONE) } }, 'fields.phone');
    await refused('registry.addMember', { householdId, member: { name: '林小', idNumber: '532999************', relation: 'son' } }, 'member.idNumber');
    await refused('registry.createHousehold', {
      archiveNo: 'A-0002', villageId: 1, attribute: '1', mainCause: 'illness', identifiedYear: 2016,
      members: [{ name: '王五', idNumber: maskIdNumber(makeIdNumber('532999', '1960-01-01', 21, 'M')), relation: 'head' }],
    }, 'members.0.idNumber');
    expect(ledger.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    const { household } = await ok<{ household: { phone: string; bankAccount: string } }>('registrar', 'registry.household', { householdId });
    expect(household).toMatchObject({ phone: PHONE, bankAccount: BANK });
  });

  it('a masked export does not import back: every masked cell is refused', async () => {
    const file = await ok<{ fileName: string; base64: string }>('reviewer', 'registry.exportHouseholds', {});
    const target = tempLedger();
    seedVillage(target);
    let err: unknown;
    try {
      runImport(target, actorFor(target, 'registrar', 'clerk'), { fileName: file.fileName, base64: file.base64 }, { progress() {}, checkCancelled() {} });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LedgerError);
    const fields = new Set((err as LedgerError).detail.problems?.map((p) => p.field));
    for (const f of ['ID number', 'Phone', 'Bank account', 'Member phone']) expect([...fields].some((x) => x.endsWith(f)), f).toBe(true);
    expect(target.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
  });

  it('still saves full numbers', async () => {
    await ok('registrar', 'registry.updateHousehold', { householdId, fields: { phone: PHONE } });
  });
});

describe('the bank payment list', () => {
  it('shows full accounts to the roles that pay, masked to the others; says it holds personal information; is audited', async () => {
    const w = assetsWorld();
    w.ledger.sqlite.prepare(`UPDATE households SET bank_name = '农村信用社', bank_account = ? WHERE id = ?`).run(BANK, w.householdId);
    addShare(w.ledger, w.accountant, { assetId: w.assetId, holderType: 'household', householdId: w.householdId, units: 10, fromDate: '2025-01-01' });
    recordIncome(w.ledger, w.accountant, { assetId: w.assetId, receivedOn: '2026-03-31', grossFen: 100_000 });
    const plan = preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: '一季度分配', asOf: '2026-04-10', postBp: 0, worksBp: 0, exitedRule: 'only-with-policy' });
    approvePlan(w.ledger, w.reviewer, { planId: plan.id });
    for (const role of ROLES) {
      const actor = quickActor(w.ledger, role, `bank_${role}`);
      const file = await exportBankListAudited(w.ledger, actor, { planId: plan.id, format: 'xlsx', lang: 'zh' });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
      const sheet = book.worksheets[0]!;
      expect(String(sheet.getRow(2).getCell(1).value)).toContain('含个人信息 Contains personal information');
      expect(sheet.getRow(4).getCell(3).value, role).toBe(seesInFull(role, 'bankAccount') ? BANK : maskBankAccount(BANK));
      const audit = w.ledger.sqlite.prepare(`SELECT user_name AS u, entity, entity_id AS e, after FROM audit_log WHERE action = 'export_bank_list' ORDER BY seq DESC LIMIT 1`).get() as { u: string; entity: string; e: string; after: string };
      expect(audit).toMatchObject({ u: `bank_${role}`, entity: 'distribution_plan', e: String(plan.id) });
      expect(JSON.parse(audit.after)).toMatchObject({ rows: 1, personalData: true, masked: seesInFull(role, 'bankAccount') ? [] : ['bankAccount'] });
    }
  });
});

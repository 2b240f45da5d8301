import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { previewImport, runImport, type ImportFileInput } from '../../db/registry/import';
import { importTemplate } from '../../db/registry/import/template';
import { readXlsx } from '../../db/registry/import/xlsx';
import { createHousehold } from '../../db/registry/households';
import { getHousehold, listHouseholds } from '../../db/registry/queries';
import { LedgerError } from '../../db/errors';
import { verifyAuditChain } from '../../db/audit';
import { makeIdNumber } from '../../db/rules/idNumber';
import type { Ledger } from '../../db/ledger';
import { actorFor, count, tempLedger } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';
import { rosterRows, rosterXlsx, type RosterRow } from '../support/roster';

const quietIo = { progress() {}, checkCancelled() {} };

function setup() {
  const ledger = tempLedger();
  const { villageId } = seedVillage(ledger);
  return { ledger, villageId, clerk: actorFor(ledger, 'registrar', 'clerk') };
}

const file = (buf: Buffer, extra: Partial<ImportFileInput> = {}): ImportFileInput => ({ fileName: 'roster.xlsx', base64: buf.toString('base64'), ...extra });

function refusal(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const written = (ledger: Ledger) => ({ households: count(ledger, 'households'), members: count(ledger, 'members') });

describe('importing a roster', () => {
  it('imports a clean roster under title lines, with blank lines and a total line, every row present', async () => {
    const { ledger, clerk } = setup();
    const rows = rosterRows(40);
    const buf = await rosterXlsx(rows, {
      above: [['青山县建档立卡贫困户家庭成员花名册'], ['填报单位：青山县乡村振兴局', '', '', '单位：人'], []],
      blankEvery: 7,
      below: [['合计', '', '', rows.length], [], ['制表人：某某', '', '审核人：某某']],
    });
    const preview = previewImport(ledger, file(buf));
    expect(preview.problems).toEqual([]);
    expect(preview.layout.headerRow).toBe(4);
    expect(preview).toMatchObject({ ok: true, households: 40, members: rows.length, skipped: { total: 2 } });
    expect(preview.skipped.blank).toBeGreaterThan(0);

    const result = runImport(ledger, clerk, file(buf), quietIo);
    expect(result).toMatchObject({ households: 40, members: rows.length });
    expect(written(ledger)).toEqual({ households: 40, members: rows.length });
    const ids = ledger.sqlite.prepare('SELECT id_number FROM members ORDER BY id').pluck().all();
    expect(ids).toEqual(rows.map((r) => r.idNumber));

    const first = listHouseholds(ledger, { q: 'IMP-000004' }).rows[0]!;
    expect(first).toMatchObject({ size: 4, status: 'new_identified', attribute: '1', mainCause: 'illness' });
    const { members, household: h } = getHousehold(ledger, first.id);
    expect(members[0]).toMatchObject({ relation: 'head', insBasicMedical: true });
    expect(h.headName).toBe(members[0]!.name);

    const audit = ledger.sqlite.prepare(`SELECT * FROM audit_log WHERE action = 'import_registry'`).all() as { after: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ fileName: 'roster.xlsx', sha256: result.sha256, households: 40, members: rows.length });
    expect(count(ledger, 'audit_log')).toBe(2); // the user, and the one import row
    expect(verifyAuditChain(ledger).ok).toBe(true);
  });

  it('writes nothing while any row is bad, and reports every bad row and field', async () => {
    const { ledger, clerk } = setup();
    const rows = rosterRows(12);
    const id = (r: RosterRow) => String(r.idNumber);
    // Sheet rows: header on row 1, data from row 2.
    const plant = (index: number, change: RosterRow) => Object.assign(rows[index]!, change);
    plant(0, { idNumber: `${id(rows[0]!).slice(0, 17)}${id(rows[0]!).endsWith('1') ? '2' : '1'}` }); // check digit
    plant(2, { relation: '表哥' }); // not a relation
    plant(3, { memberPhone: '12345' }); // too short
    plant(5, { name: undefined }); // required
    plant(7, { idNumber: rows[6]!.idNumber }); // duplicate in file
    plant(9, { dibaoClass: '一类（A类）' }); // class without the dibao flag
    plant(11, { village: '不存在村' }); // unknown village, on both rows of that household
    plant(12, { village: '不存在村' });
    const buf = await rosterXlsx(rows);
    const preview = previewImport(ledger, file(buf));
    expect(preview.ok).toBe(false);
    const found = preview.problems.map((p) => [p.row, p.field.split(' ')[0]]);
    expect(found).toEqual([
      [2, '身份证号*'],
      [4, '与户主关系*'],
      [5, '成员电话'],
      [7, '姓名*'],
      [9, '身份证号*'],
      [11, '低保类别'],
      [13, '行政村'],
    ]);
    expect(preview.problems[4]).toMatchObject({ column: 'Z', zh: '与第 8 行身份证号重复' });
    expect(preview.problems.every((p) => p.en && p.zh)).toBe(true);

    const err = refusal(() => runImport(ledger, clerk, file(buf), quietIo));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.detail.problems).toHaveLength(7);
    expect(err.detail.problems![0]).toMatchObject({ row: 2, field: expect.stringContaining('身份证号') });
    expect(written(ledger)).toEqual({ households: 0, members: 0 });
    expect(count(ledger, 'audit_log')).toBe(1);
  });

  it('reports a household without a head and one with two heads', async () => {
    const { ledger } = setup();
    const rows = rosterRows(4);
    rows[2]!.relation = '户主'; // household 2 (rows 3–4) gets a second head
    rows.find((r) => r.archiveNo === 'IMP-000003' && r.relation === '户主')!.relation = '之子';
    const preview = previewImport(ledger, file(await rosterXlsx(rows)));
    expect(preview.problems.map((p) => p.en)).toEqual([
      expect.stringContaining('IMP-000002 has 2 heads'),
      expect.stringContaining('IMP-000003 has no head'),
    ]);
  });

  it('recognises ID numbers that Excel turned into numbers and refuses them with the explanation', async () => {
    const { ledger } = setup();
    const rows = rosterRows(3);
    rows[0]!.idNumber = Number(String(rows[0]!.idNumber).slice(0, 15)) * 1000; // what Excel keeps of an 18-digit number
    rows[2]!.idNumber = '1.10105E+17'; // as a CSV round trip leaves it
    const preview = previewImport(ledger, file(await rosterXlsx(rows)));
    expect(preview.problems.map((p) => p.row)).toEqual([2, 4]);
    for (const p of preview.problems) {
      expect(p.zh).toContain('Excel');
      expect(p.zh).toContain('文本');
      expect(p.en).toContain('15 significant digits');
    }
    const parsed = readXlsx(await rosterXlsx(rows));
    expect(typeof parsed[0]!.rows[1]!.cells[25]).toBe('number');
  });

  it('refuses an ID number already registered in the ledger and says where', async () => {
    const { ledger, villageId, clerk } = setup();
    const rows = rosterRows(2);
    const existing = household(villageId, 'OLD-1');
    existing.members[1] = { ...existing.members[1]!, idNumber: String(rows[1]!.idNumber) };
    createHousehold(ledger, clerk, existing);
    const preview = previewImport(ledger, file(await rosterXlsx(rows)));
    expect(preview.problems).toEqual([expect.objectContaining({ row: 3, zh: expect.stringContaining('OLD-1') })]);
  });

  it('maps another export\'s layout: national-system headers, extra columns, and a column mapped by hand', async () => {
    const { ledger, clerk } = setup();
    const rows = rosterRows(5);
    const keys = ['archiveNo', 'township', 'village', 'name', 'idNumber', 'relation', 'attribute', 'mainCause', 'identifiedYear', 'insBasicMedical'];
    const headers = {
      archiveNo: '家庭识别码', township: '乡(镇)', village: '行政村', name: '姓名', idNumber: '证件号码', relation: '与户主的关系',
      attribute: '贫困户属性', mainCause: '主要致贫原因', identifiedYear: '识别年度', insBasicMedical: '是否参加城乡居民基本医疗保险',
    };
    const buf = await rosterXlsx(rows, { keys, headers, above: [['某县扶贫开发信息系统导出'], ['序号', '基本情况']] });
    const detected = previewImport(ledger, file(buf));
    expect(detected.layout.headerRow).toBe(3);
    expect(detected.layout.missing).toEqual(['archiveNo']);
    expect(detected.ok).toBe(false);
    const columns = detected.layout.columns.filter((c) => c.field).map((c) => ({ column: c.column, field: c.field! }));
    columns.push({ column: 0, field: 'archiveNo' });
    const mapped = previewImport(ledger, file(buf, { headerRow: 3, columns }));
    expect(mapped.problems).toEqual([]);
    expect(runImport(ledger, clerk, file(buf, { headerRow: 3, columns }), quietIo)).toMatchObject({ households: 5, members: rows.length });
  });

  it('rolls everything back when cancelled part-way', async () => {
    const { ledger, clerk } = setup();
    const buf = await rosterXlsx(rosterRows(600));
    let calls = 0;
    const io = {
      progress() {},
      checkCancelled() {
        if (++calls > 5) throw new LedgerError('CANCELLED', { en: 'Cancelled', zh: '已取消' });
      },
    };
    expect(refusal(() => runImport(ledger, clerk, file(buf), io)).code).toBe('CANCELLED');
    expect(written(ledger)).toEqual({ households: 0, members: 0 });
    expect(count(ledger, 'audit_log')).toBe(1);
  });

  it('stops while the sheet is still being read when cancelled, and writes nothing', async () => {
    const { ledger, clerk } = setup();
    // A few members, then thousands of one-cell lines: the sheet is cancelled before they are checked.
    const buf = await rosterXlsx(rosterRows(2), { below: Array.from({ length: 6_000 }, (_, i) => [`x${i}`]) });
    let calls = 0;
    let progressed = false;
    const io = {
      progress() {
        progressed = true;
      },
      checkCancelled() {
        // The first call follows the layout step; the second comes from reading the rows.
        if (++calls > 1) throw new LedgerError('CANCELLED', { en: 'Cancelled', zh: '已取消' });
      },
    };
    expect(refusal(() => runImport(ledger, clerk, file(buf), io)).code).toBe('CANCELLED');
    expect(progressed).toBe(false);
    expect(written(ledger)).toEqual({ households: 0, members: 0 });
  });

  it('refuses a workbook whose sheet is damaged, in both languages', async () => {
    const { ledger } = setup();
    const buf = Buffer.from(await rosterXlsx(rosterRows(50)));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    let at = buf.indexOf(LOCAL);
    // The sheet's local entry: its name, then (after any extra field) its deflated data.
    while (at >= 0 && buf.indexOf(name, at) !== at + 30) at = buf.indexOf(LOCAL, at + 4);
    expect(at).toBeGreaterThanOrEqual(0);
    const data = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    buf[data] = 0xff; // the first block header: BTYPE 11, which deflate reserves
    const err = refusal(() => previewImport(ledger, file(buf)));
    expect(err.detail.field).toBe('fileName');
    expect(err.message).toMatch(/damaged/);
    expect(err.zh).toContain('已损坏');
  });

  it('refuses an old .xls file and a file that is not a workbook', () => {
    const { ledger } = setup();
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64)]);
    expect(refusal(() => previewImport(ledger, file(xls))).zh).toContain('.xlsx');
    expect(refusal(() => previewImport(ledger, file(Buffer.from('hello')))).detail.field).toBe('fileName');
  });

  it('offers a template whose header row the importer recognises in full', async () => {
    const { ledger } = setup();
    const buf = await importTemplate();
    const preview = previewImport(ledger, file(buf));
    expect(preview.layout.headerRow).toBe(3);
    expect(preview.layout.missing).toEqual([]);
    expect(preview.layout.columns.every((c) => c.field)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('填表说明 Instructions');
  });

  it('reads dates, booleans and codes written in either language', async () => {
    const { ledger, clerk } = setup();
    const rows = rosterRows(1);
    Object.assign(rows[0]!, { birthDate: new Date(`${String(rows[0]!.idNumber).slice(6, 10)}-${String(rows[0]!.idNumber).slice(10, 12)}-${String(rows[0]!.idNumber).slice(12, 14)}T00:00:00Z`), relation: 'Head of household', insBasicMedical: 'Yes', attribute: '2', ethnicity: '汉' });
    rows.push({ ...rows[0]!, idNumber: makeIdNumber('532999', '1999-02-03', 11, 'F'), relation: '之女', birthDate: '1999/2/3', deceased: '否', insBasicMedical: '否' });
    const preview = previewImport(ledger, file(await rosterXlsx(rows)));
    expect(preview.problems).toEqual([]);
    runImport(ledger, clerk, file(await rosterXlsx(rows)), quietIo);
    const m = ledger.sqlite.prepare('SELECT relation, birth_date, ins_basic_medical, ethnicity FROM members ORDER BY id').all();
    expect(m).toEqual([
      { relation: 'head', birth_date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), ins_basic_medical: 1, ethnicity: '01' },
      { relation: 'daughter', birth_date: '1999-02-03', ins_basic_medical: 0, ethnicity: '01' },
    ]);
  });
});

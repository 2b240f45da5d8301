import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { generateCounty } from '../../db/demo/generate';
import { readPlanted, type PlantedKey } from '../../db/demo/planted';
import { listHouseholds } from '../../db/registry/queries';
import { incidence } from '../../db/registry/incidence';
import { ageOn, SCHOOL_AGE } from '../../db/rules/exit';
import { accountByCode } from '../../db/funds/accounts';
import { allocate, createSource } from '../../db/funds/sources';
import { createProject } from '../../db/funds/projects';
import { createVoucher, postVoucher, reverseVoucher, reviewVoucher } from '../../db/funds/vouchers';
import { sourceExecution } from '../../db/funds/execution';
import type { VoucherFields } from '../../db/funds/schemas';
import { createAsset } from '../../db/assets/register';
import { recordIncome } from '../../db/assets/income';
import { approvePlan, preparePlan } from '../../db/assets/plans';
import { payPlan } from '../../db/assets/pay';
import { listAssets } from '../../db/assets/queries';
import { dashboard } from '../../db/dashboard/dashboard';
import type { Drill } from '../../db/dashboard/households';
import { allAlertRows, alertRows, alertSummaries, exportAlert } from '../../db/dashboard/alertQueries';
import { ALERTS } from '../../db/dashboard/alerts';
import type { AlertKey } from '../../db/dashboard/schemas';
import { buildReport } from '../../db/reports/build';
import { reportXlsx, xlsxValue } from '../../db/reports/xlsx';
import type { Cell, Report } from '../../db/reports/model';
import { reportPdf } from '../../electron/reports/pdf';
import { cellText } from '../../db/reports/format';
import { pdfFonts, pdfText, squash } from '../support/pdf';
import { tempDir, tempLedger } from '../support/tmp';

function localIso(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const TODAY = localIso();
const YEAR = Number(TODAY.slice(0, 4));
const actor = (userId: number, role: Actor['role']): Actor => ({ userId, userName: role, role, method: 'test' });
const admin = actor(1, 'admin');
const accountant = actor(3, 'accountant');
const reviewer = actor(4, 'reviewer');

let l: Ledger;
const one = (sql: string, ...args: unknown[]) => l.sqlite.prepare(sql).pluck().get(...args);

/** Every household the list shows for a drill-down, and the people in them. */
function listed(drill: Drill) {
  let offset = 0;
  let households = 0;
  let people = 0;
  for (;;) {
    const page = listHouseholds(l, { ...drill, offset, limit: 500 });
    households = page.total;
    people += page.rows.reduce((n, r) => n + r.size, 0);
    offset += 500;
    if (offset >= page.total) break;
  }
  return { households, people };
}

function post(fields: VoucherFields): number {
  const { id } = createVoucher(l, accountant, fields);
  reviewVoucher(l, reviewer, { voucherId: id });
  postVoucher(l, reviewer, { voucherId: id });
  return id;
}

interface Money {
  deceasedHouseholdId: number;
  deceasedArchiveNo: string;
  paidLineVoucher: number;
  sourceDocNo: string;
  assetCodes: { old: string; recent: string };
  villageId: number;
  spentFen: number;
}

/** Funds and assets on top of the demo county: payments (one to a household whose head has died), two assets with income. */
function addMoney(): Money {
  const planted = readPlanted(l);
  const deadHead = planted.find((p) => p.key === 'deceased_head')!;
  const household = l.sqlite.prepare(`SELECT h.id, h.village_id AS villageId, m.deceased_on AS diedOn FROM households h
      JOIN members m ON m.household_id = h.id AND m.relation = 'head' WHERE h.archive_no = ?`).get(deadHead.archiveNo) as { id: number; villageId: number; diedOn: string };
  const other = l.sqlite.prepare(`SELECT id FROM households WHERE status = 'exited' AND id <> ? ORDER BY id LIMIT 1`).pluck().get(household.id) as number;
  const acct = (code: string) => accountByCode(l, code).id;
  const docNo = `财农〔${YEAR}〕88号`;
  const { id: sourceId } = createSource(l, accountant, { level: 'central', type: 'special', year: YEAR, docNo, title: `${YEAR}年中央财政衔接资金`, amountFen: 50_000_000 });
  const { id: projectId } = createProject(l, accountant, {
    code: `XM-${YEAR}-009`, name: '产业路硬化', type: 'infrastructure', year: YEAR, budgetFen: 20_000_000, site: '1组', content: '硬化道路',
    implementer: '镇人民政府', responsible: '李四', villageIds: [household.villageId],
  });
  allocate(l, accountant, { sourceId, projectId, amountFen: 20_000_000, docNo: '县财农1号', allocatedOn: `${YEAR}-01-05` });
  const date = TODAY < `${YEAR}-01-10` ? TODAY : `${YEAR}-01-10`;
  post({ date, memo: '收到资金', lines: [{ accountId: acct('1001'), debitFen: 50_000_000 }, { accountId: acct('4001.01'), creditFen: 50_000_000, sourceId }] });
  post({ date: TODAY, memo: '工程款', lines: [
    { accountId: acct('5001.02'), debitFen: 12_345_678, sourceId, projectId, villageId: household.villageId }, { accountId: acct('1001'), creditFen: 12_345_678 }] });
  let spentFen = 12_345_678;
  const toHousehold = (householdId: number, fen: number, on: string) => (spentFen += fen, post({ date: on, memo: '教育资助', lines: [
    { accountId: acct('5002.02'), debitFen: fen, sourceId, householdId }, { accountId: acct('1001'), creditFen: fen }] }));
  // Paid after the head died: the one the alert must find.
  const paid = toHousehold(household.id, 150_000, TODAY);
  // Paid after death but reversed (红字冲销): not an alert.
  const reversed = toHousehold(household.id, 70_000, TODAY);
  const { id: rid } = reverseVoucher(l, accountant, { voucherId: reversed, date: TODAY });
  reviewVoucher(l, reviewer, { voucherId: rid });
  postVoucher(l, reviewer, { voucherId: rid });
  spentFen -= 70_000;
  // Paid before the head died, and paid to a household whose members live: not alerts.
  if (household.diedOn > `${YEAR}-01-01`) toHousehold(household.id, 20_000, addDays(household.diedOn, -1) < `${YEAR}-01-01` ? `${YEAR}-01-01` : addDays(household.diedOn, -1));
  toHousehold(other, 90_000, TODAY);

  const asset = (code: string) => createAsset(l, accountant, {
    code, name: `${code} 光伏电站`, assetClass: 'business', category: 'photovoltaic', ownership: 'village_collective', operator: 'enterprise',
    villageId: household.villageId, builtOn: '2020-06-30',
  }).id;
  const oldAsset = asset('PV-OLD');
  const recentAsset = asset('PV-NEW');
  const old = addDays(TODAY, -120);
  recordIncome(l, accountant, { assetId: oldAsset, receivedOn: old, grossFen: 1_000_000, landRentFen: 100_000, maintenanceFen: 50_000 });
  recordIncome(l, accountant, { assetId: recentAsset, receivedOn: addDays(TODAY, -10), grossFen: 400_000 });
  // A second income of the recent asset, distributed in full to village works.
  recordIncome(l, accountant, { assetId: recentAsset, receivedOn: addDays(TODAY, -100), grossFen: 300_000 });
  const first = (l.sqlite.prepare('SELECT id FROM asset_incomes WHERE asset_id = ? AND gross_fen = 300000').pluck().get(recentAsset) as number);
  const { id: planId } = preparePlan(l, accountant, { assetId: recentAsset, title: '村级公益事业', asOf: addDays(TODAY, -5), incomeIds: [first], worksBp: 10_000 });
  approvePlan(l, reviewer, { planId });
  payPlan(l, reviewer, { planId, date: TODAY });
  return { deceasedHouseholdId: household.id, deceasedArchiveNo: deadHead.archiveNo, paidLineVoucher: paid, sourceDocNo: docNo, assetCodes: { old: 'PV-OLD', recent: 'PV-NEW' }, villageId: household.villageId, spentFen };
}

let money: Money;

beforeAll(() => {
  l = tempLedger();
  generateCounty(l, { scale: 'demo', seed: 1 });
  money = addMoney();
});

describe('dashboard figures equal the lists they drill into', () => {
  const areas = () => {
    const townshipId = one('SELECT id FROM townships ORDER BY code LIMIT 1 OFFSET 1') as number;
    const villageId = one('SELECT id FROM villages WHERE township_id = ? ORDER BY code LIMIT 1 OFFSET 2', townshipId) as number;
    return [{}, { townshipId }, { townshipId, villageId }, { villageId: money.villageId }];
  };

  it('households and people by status, attribute and main cause', () => {
    for (const area of areas()) {
      const d = dashboard(l, area);
      for (const breakdown of [d.households.status, d.households.attribute, d.households.mainCause]) {
        expect(breakdown.buckets.length).toBeGreaterThan(2);
        for (const b of breakdown.buckets) {
          expect(listed(b.drill), `${breakdown.list} ${b.code} ${JSON.stringify(area)}`).toEqual({ households: b.households, people: b.people });
        }
      }
      // Every household is under exactly one status; registered households under one attribute and one cause.
      expect(d.households.status.households).toBe(listed(area).households);
      expect(d.households.attribute.households).toBe(d.households.mainCause.households);
      expect(d.households.attribute.people).toBe(d.households.mainCause.people);
    }
    const county = dashboard(l, {});
    expect(county.households.status.households).toBe(2000);
    expect(county.households.mainCause.buckets.find((b) => b.code === 'illness')!.drill).toMatchObject({ mainCause: 'illness' });
  });

  it('poverty incidence by township and village, as the registry computes it', () => {
    const registry = incidence(l, {});
    for (const area of areas()) {
      const d = dashboard(l, area).incidence;
      expect(d.thresholdPct).toBe(2);
      for (const u of d.units) {
        expect(listed(u.drill), `${u.level} ${u.name}`).toEqual({ households: u.poorHouseholds, people: u.poorPeople });
        const same = (u.level === 'township' ? registry.townships : registry.villages).find((r) => r.id === u.id)!;
        expect({ poor: u.poorPeople, rural: u.ruralPopulation, bp: u.incidenceBp, below: u.belowThreshold })
          .toEqual({ poor: same.poorPeople, rural: same.ruralPopulation, bp: same.incidenceBp, below: same.belowThreshold });
      }
      expect(listed(d.total.drill)).toEqual({ households: d.total.poorHouseholds, people: d.total.poorPeople });
    }
    const county = dashboard(l, {}).incidence;
    expect(county.level).toBe('township');
    expect(county.units).toHaveLength(8);
    expect(county.total.poorPeople).toBe(registry.county.poorPeople);
    expect(county.units.some((u) => u.belowThreshold) || county.units.some((u) => u.belowThreshold === false)).toBe(true);
    const villages = dashboard(l, { townshipId: county.units[0]!.id }).incidence;
    expect(villages.level).toBe('village');
    expect(villages.units.every((u) => u.drill.villageId === u.id && u.drill.statuses?.join() === 'new_identified,poor,returned')).toBe(true);
  });

  it('a western county measures against 3 %', () => {
    l.sqlite.prepare('UPDATE county SET western = 1').run();
    try {
      const d = dashboard(l, {}).incidence;
      expect(d.thresholdPct).toBe(3);
      expect(d.units.map((u) => u.belowThreshold)).toEqual(incidence(l, {}).townships.map((t) => t.belowThreshold));
    } finally {
      l.sqlite.prepare('UPDATE county SET western = 0').run();
    }
  });

  it('fund progress by source is the funds module\'s source execution', () => {
    const d = dashboard(l, { year: YEAR });
    const source = sourceExecution(l, { year: YEAR });
    expect(d.funds.sources.map((s) => [s.docNo, s.amountFen, s.spentFen, s.progressBp]))
      .toEqual(source.rows.map((s) => [s.docNo, s.amountFen, s.spentFen, s.progressBp]));
    expect(d.funds.sources[0]).toMatchObject({ docNo: money.sourceDocNo, amountFen: 50_000_000, receivedFen: 50_000_000, spentFen: money.spentFen });
    expect(d.funds.totals.spentFen).toBe(source.totals.spentFen);
  });

  it('asset income received, distributed and waiting; waiting equals the asset list', () => {
    const d = dashboard(l, { year: YEAR });
    const a = d.assetIncome;
    const grossThisYear = [addDays(TODAY, -120), addDays(TODAY, -10), addDays(TODAY, -100)]
      .map((on, i) => (on.startsWith(String(YEAR)) ? [1_000_000, 400_000, 300_000][i]! : 0)).reduce((x, y) => x + y, 0);
    expect(a.receivedFen).toBe(grossThisYear);
    expect(a.distributedFen).toBe(300_000);
    expect(a.waitingFen).toBe(850_000 + 400_000);
    const assets = listAssets(l, { limit: 500 });
    expect(a.waitingFen).toBe(assets.rows.reduce((n, r) => n + r.undistributedFen, 0));
    expect(dashboard(l, { villageId: money.villageId, year: YEAR }).assetIncome.waitingFen).toBe(a.waitingFen);
    const elsewhere = one('SELECT id FROM villages WHERE id <> ? LIMIT 1', money.villageId) as number;
    expect(dashboard(l, { villageId: elsewhere }).assetIncome.rows).toEqual([]);
  });
});

describe('alerts find what was planted for them and nothing else', () => {
  const PLANTED_ALERTS: AlertKey[] = ['school_dropout', 'no_basic_medical', 'unsafe_housing', 'no_safe_water', 'grace_period_ending', 'monitoring_overdue', 'no_cadre'];

  it('each planted condition is found, alone', () => {
    const planted = readPlanted(l);
    for (const key of PLANTED_ALERTS) {
      const p = planted.find((x) => x.key === (key as PlantedKey))!;
      const rows = allAlertRows(l, key, { asOf: TODAY });
      const found = rows.map((r) => (r.idNumber ? `${r.archiveNo}/${r.idNumber}` : r.archiveNo));
      expect(found, key).toEqual([p.memberIdNumber ? `${p.archiveNo}/${p.memberIdNumber}` : p.archiveNo]);
      expect(rows[0]!.householdId).toBe(one('SELECT id FROM households WHERE archive_no = ?', p.archiveNo));
      if (p.memberIdNumber) expect(rows[0]!.memberId).toBe(one('SELECT id FROM members WHERE id_number = ?', p.memberIdNumber));
      expect(rows[0]!.detail.zh.length).toBeGreaterThan(1);
      expect(rows[0]!.detail.en.length).toBeGreaterThan(1);
    }
  });

  it('school age is counted exactly as rules/exit.ts ageOn counts it, birthdays and 29 February included', () => {
    const householdId = one(`SELECT id FROM households WHERE status = 'exited' ORDER BY id LIMIT 1`) as number;
    const births = ['2020-02-28', '2020-02-29', '2020-03-01', '2010-02-28', '2010-03-01', '2009-02-28', '2014-06-30', '2021-01-01', '2008-12-31'];
    const insert = l.sqlite.prepare(`INSERT INTO members (household_id, id_number, name, sex, birth_date, relation, school_status, ins_basic_medical)
      VALUES (?, ?, '测试', 'M', ?, 'other', 'not_in_school', 1) RETURNING id`).pluck();
    const ids = births.map((b, i) => insert.get(householdId, `TEST${i}`, b) as number);
    try {
      for (const asOf of ['2026-02-28', '2026-03-01', '2025-02-28', '2024-02-29']) {
        const found = allAlertRows(l, 'school_dropout', { asOf }).map((r) => r.memberId).filter((id) => ids.includes(id!));
        const expected = ids.filter((_, i) => { const age = ageOn(births[i]!, asOf); return age >= SCHOOL_AGE.from && age <= SCHOOL_AGE.to; });
        expect(found, asOf).toEqual(expected);
      }
    } finally {
      l.sqlite.prepare(`DELETE FROM members WHERE id IN (${ids.join(', ')})`).run();
    }
  });

  it('payments to the deceased: the unreversed payment after the head died, nothing else', () => {
    const rows = allAlertRows(l, 'paid_after_death', { asOf: TODAY });
    expect(rows.map((r) => [r.archiveNo, r.voucherId, r.amountFen])).toEqual([[money.deceasedArchiveNo, money.paidLineVoucher, 150_000]]);
    expect(rows[0]!.memberName).toBeTruthy();
    expect(rows[0]!.detail.zh).toContain('户主已于');
  });

  it('asset income waiting over 90 days: the old income only', () => {
    const rows = allAlertRows(l, 'asset_income_undistributed', { asOf: TODAY });
    expect(rows.map((r) => [r.amountFen, r.date])).toEqual([[850_000, addDays(TODAY, -120)]]);
    expect(rows[0]!.detail.zh).toContain(money.assetCodes.old);
  });

  it('the same ID number in two active households', () => {
    expect(allAlertRows(l, 'duplicate_id_number', { asOf: TODAY })).toEqual([]);
    const [a, b] = l.sqlite.prepare(`SELECT id FROM households WHERE status <> 'cancelled' ORDER BY id LIMIT 2`).pluck().all() as number[];
    const c = one(`SELECT id FROM households WHERE status = 'cancelled' LIMIT 1`) as number;
    const member = l.sqlite.prepare(`SELECT * FROM members WHERE household_id = ? AND relation = 'head'`).get(a) as Record<string, unknown>;
    const copy = l.sqlite.prepare(`INSERT INTO members (household_id, id_number, name, sex, birth_date, relation, ins_basic_medical) VALUES (?, ?, ?, ?, ?, 'other', 1) RETURNING id`).pluck();
    const inB = copy.get(b, member.id_number, member.name, member.sex, member.birth_date) as number;
    const inCancelled = copy.get(c, member.id_number, member.name, member.sex, member.birth_date) as number;
    try {
      const rows = allAlertRows(l, 'duplicate_id_number', { asOf: TODAY });
      expect(rows.map((r) => r.memberId).sort((x, y) => x! - y!)).toEqual([member.id, inB].sort((x, y) => (x as number) - (y as number)));
      expect(rows.every((r) => r.idNumber === member.id_number)).toBe(true);
    } finally {
      l.sqlite.prepare('DELETE FROM members WHERE id IN (?, ?)').run(inB, inCancelled);
    }
  });

  it('counts, pages, areas and exports agree', async () => {
    const { alerts } = alertSummaries(l, { asOf: TODAY });
    expect(alerts.map((a) => a.key)).toEqual(ALERTS.map((a) => a.key));
    for (const a of alerts) expect(a.count, a.key).toBe(allAlertRows(l, a.key, { asOf: TODAY }).length);
    const page = alertRows(l, { key: 'no_cadre', asOf: TODAY, limit: 10 });
    expect(page.total).toBe(1);
    const planted = readPlanted(l).find((p) => p.key === 'no_cadre')!;
    const villageId = one('SELECT village_id FROM households WHERE archive_no = ?', planted.archiveNo) as number;
    const other = one('SELECT id FROM villages WHERE id <> ? LIMIT 1', villageId) as number;
    expect(alertRows(l, { key: 'no_cadre', asOf: TODAY, villageId }).total).toBe(1);
    expect(alertRows(l, { key: 'no_cadre', asOf: TODAY, villageId: other }).total).toBe(0);

    const child = readPlanted(l).find((p) => p.key === 'school_dropout')!;
    const exportedRow = async (who: Actor) => {
      const file = await exportAlert(l, who, { key: 'school_dropout', asOf: TODAY, lang: 'zh' });
      expect(file.fileName).toMatch(/\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
      const ws = book.worksheets[0]!;
      expect(String(ws.getRow(2).getCell(1).value)).toContain('含个人信息 Contains personal information');
      return ws.getRow(4).values as unknown[];
    };
    const auditsBefore = one(`SELECT count(*) FROM audit_log WHERE entity = 'alert' AND action = 'export_xlsx'`) as number;
    const full = await exportedRow(actor(2, 'registrar'));
    expect(full).toContain(child.archiveNo);
    expect(full).toContain(child.memberIdNumber);
    // A reviewer's work list names the child but never the whole ID number.
    const masked = await exportedRow(actor(4, 'reviewer'));
    expect(masked).toContain(child.archiveNo);
    expect(masked).not.toContain(child.memberIdNumber);
    expect(masked).toContain(`${child.memberIdNumber!.slice(0, 6)}************`);
    expect(one(`SELECT count(*) FROM audit_log WHERE entity = 'alert' AND action = 'export_xlsx'`)).toBe(auditsBefore + 2);
  });
});

/** Reads a report back from its .xlsx: section i's data rows and footer, as the report model holds them. */
async function xlsxRows(report: Report) {
  const file = await reportXlsx(report);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  return report.sections.map((s, i) => {
    const ws = book.worksheets[i]!;
    const first = s.note ? 5 : 4;
    const rows: unknown[][] = [];
    for (let r = first; r <= ws.rowCount; r++) {
      const values = ws.getRow(r).values as unknown[];
      rows.push(Array.from({ length: s.columns.length }, (_, k) => values[k + 1] ?? null));
    }
    return rows;
  });
}

const expected = (report: Report, i: number) => {
  const s = report.sections[i]!;
  return [...s.rows, ...(s.footer ? [s.footer] : [])].map((r) => s.columns.map((c, k) => {
    return xlsxValue(c.kind, r[k] ?? null);
  }));
};

async function pdfOf(report: Report): Promise<string> {
  const file = path.join(tempDir('cl-report-'), `${report.fileBase}.pdf`);
  fs.writeFileSync(file, await reportPdf(report));
  expect(pdfFonts(file).every((f) => f.emb === 'yes' && f.sub === 'yes')).toBe(true);
  return squash(pdfText(file));
}

const inPdf = (text: string, report: Report, i: number, cells: Cell[], columns: number[]) => {
  const s = report.sections[i]!;
  for (const k of columns) expect(text, `${s.title} column ${s.columns[k]!.header}`).toContain(squash(cellText(s.columns[k]!.kind, cells[k] ?? null)));
};

describe('standard reports print and export the same figures', () => {
  it('registry statistics, in Chinese and English', async () => {
    const zh = buildReport(l, { report: 'registry', year: YEAR, lang: 'zh' });
    const d = dashboard(l, {});
    const footer = zh.sections[0]!.footer!;
    expect(footer[1]).toBe(d.households.attribute.households);
    expect(footer[2]).toBe(d.households.attribute.people);
    expect(footer[3]).toBe(d.households.attribute.buckets[0]!.households);
    expect(footer[11]).toBe(d.incidence.total.poorPeople);
    expect(footer[12]).toBe(d.incidence.total.incidenceBp);
    expect(zh.sections[1]!.footer!.slice(2)).toEqual(footer.slice(1));
    expect(zh.sections[2]!.rows.map((r) => r[1])).toEqual(d.households.mainCause.buckets.map((b) => b.households));
    expect(zh.sections[3]!.rows.map((r) => r[1])).toEqual(d.households.status.buckets.map((b) => b.households));
    const exits = one(`SELECT count(DISTINCT household_id) FROM status_events WHERE state = 'approved' AND type = 'exit' AND event_date LIKE ?`, `${YEAR - 1}-%`);
    expect(zh.sections[4]!.rows.find((r) => r[0] === String(YEAR - 1))![2]).toBe(exits);

    const text = await pdfOf(zh);
    expect(text).toContain('建档立卡统计表');
    expect(text).toContain('分乡镇统计');
    for (const row of zh.sections[0]!.rows) inPdf(text, zh, 0, row, [0, 1, 2, 11, 12]);
    inPdf(text, zh, 0, footer, [1, 2, 11, 12]);
    const xlsx = await xlsxRows(zh);
    zh.sections.forEach((_, i) => expect(xlsx[i], zh.sections[i]!.title).toEqual(expected(zh, i)));

    const en = buildReport(l, { report: 'registry', year: YEAR, lang: 'en' });
    expect(en.sections[0]!.footer!.slice(1)).toEqual(footer.slice(1));
    const enText = await pdfOf(en);
    expect(enText).toContain(squash('Registry statistics'));
    expect(enText).toContain(squash('By main poverty cause'));
    inPdf(enText, en, 0, en.sections[0]!.footer!, [1, 2, 11, 12]);
  });

  it('for one township: its villages only, adding up to the township', async () => {
    const townshipId = one('SELECT id FROM townships ORDER BY code LIMIT 1') as number;
    const r = buildReport(l, { report: 'registry', year: YEAR, townshipId, lang: 'zh' });
    expect(r.sections[0]!.rows).toHaveLength(1);
    expect(r.sections[1]!.rows).toHaveLength(one('SELECT count(*) FROM villages WHERE township_id = ?', townshipId) as number);
    expect(r.sections[0]!.footer![1]).toBe(listed({ townshipId, statuses: ['new_identified', 'poor', 'exited', 'exited_no_policy', 'returned'] }).households);
    expect(r.subtitle).toContain(one('SELECT name FROM townships WHERE id = ?', townshipId) as string);
  });

  it('fund execution', async () => {
    const r = buildReport(l, { report: 'funds', year: YEAR, lang: 'zh' });
    const source = r.sections[0]!.rows[0]!;
    expect(source[2]).toBe(money.sourceDocNo);
    expect(source[4]).toBe(50_000_000);
    expect(r.sections[0]!.footer![7]).toBe(sourceExecution(l, { year: YEAR }).totals.spentFen);
    expect(r.sections[2]!.rows).toHaveLength(1);
    const text = await pdfOf(r);
    expect(text).toContain('资金执行情况表');
    inPdf(text, r, 0, source, [2, 4, 5, 7, 9]);
    inPdf(text, r, 2, r.sections[2]!.rows[0]!, [0, 5, 6, 7, 8]);
    const xlsx = await xlsxRows(r);
    r.sections.forEach((_, i) => expect(xlsx[i]).toEqual(expected(r, i)));
    // Another township than the project's village: its own villages only, and no project.
    const elsewhere = one('SELECT township_id FROM villages WHERE township_id <> (SELECT township_id FROM villages WHERE id = ?) LIMIT 1', money.villageId) as number;
    const there = buildReport(l, { report: 'funds', year: YEAR, townshipId: elsewhere, lang: 'en' });
    const name = one('SELECT name FROM townships WHERE id = ?', elsewhere);
    expect(there.sections[1]!.rows.every((row) => row[0] === name)).toBe(true);
    expect(there.sections[2]!.rows).toEqual([]);
    expect(there.sections[0]!.rows).toHaveLength(1);
  });

  it('asset and income summary', async () => {
    const r = buildReport(l, { report: 'assets', year: YEAR, lang: 'zh' });
    const d = dashboard(l, { year: YEAR }).assetIncome;
    expect(r.sections[2]!.rows.map((x) => x[0])).toEqual([money.assetCodes.recent, money.assetCodes.old]);
    expect(r.sections[0]!.footer!.slice(1)).toEqual([2, 0, d.receivedFen, d.costsFen, d.distributedFen, d.waitingFen]);
    const text = await pdfOf(r);
    expect(text).toContain('资产收益情况表');
    for (const row of r.sections[2]!.rows) inPdf(text, r, 2, row, [0, 5, 7, 8]);
    const xlsx = await xlsxRows(r);
    r.sections.forEach((_, i) => expect(xlsx[i]).toEqual(expected(r, i)));
    const en = await pdfOf(buildReport(l, { report: 'assets', year: YEAR, lang: 'en' }));
    expect(en).toContain(squash('Asset and income summary'));
  });
});

/**
 * The village notice of an asset-income distribution (收益分配公示), end to end on the tiny demo
 * county: an asset with household and collective shares, an income, a plan prepared by the
 * accountant and approved by the reviewer → one notice per village through issuePrints → a real PDF
 * read back with poppler and qpdf → the print register and verification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerHost } from '../../electron/api/host';
import { issuePrints } from '../../electron/certificates/issue';
import { printsDirOf } from '../../electron/certificates/files';
import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { generateCounty, DEMO_USERS } from '../../db/demo/generate';
import { createAsset } from '../../db/assets/register';
import { addShare } from '../../db/assets/shares';
import { recordIncome } from '../../db/assets/income';
import { approvePlan, preparePlan } from '../../db/assets/plans';
import { planAllocations } from '../../db/assets/planQueries';
import { verifyPrint } from '../../db/certificates/verify';
import { formatFen } from '../../db/rules/money';
import { CARD_STATUSES } from '../../db/certificates/scope';
import type { PrintRequestInput } from '../../db/certificates/schemas';
import { tempDir } from '../support/tmp';
import { pdfFonts, pdfText, qpdfCheck, squash, wordsOffPage } from '../support/pdf';

const YEAR = new Date().getFullYear();
const actorOf = (username: string): Actor => {
  const u = DEMO_USERS.find((x) => x.username === username)!;
  return { userId: u.id, userName: u.username, role: u.role, method: 'test' };
};

let host: LedgerHost;
let ledger: Ledger;
let printsDir: string;
let villages: { id: number; name: string; townshipId: number }[];
let planId: number;
let draftPlanId: number;

interface Holder { id: number; archiveNo: string; headName: string; phone: string; bankAccount: string }

function holders(villageId: number): Holder[] {
  return ledger.sqlite
    .prepare(`SELECT id, archive_no AS archiveNo, head_name AS headName, phone, bank_account AS bankAccount FROM households
               WHERE village_id = ? AND status IN (${CARD_STATUSES.map(() => '?').join(', ')}) ORDER BY archive_no LIMIT 6`)
    .all(villageId, ...CARD_STATUSES) as Holder[];
}

const print = (request: PrintRequestInput) => issuePrints(ledger, actorOf('registrar'), request, { printsDir });

beforeAll(() => {
  host = new LedgerHost({ dataDir: tempDir('cl-dist-'), autoBackup: false, log: () => {} });
  ledger = host.createEmpty();
  generateCounty(ledger, { scale: 'tiny' });
  printsDir = printsDirOf(host.dataDir);
  villages = ledger.sqlite.prepare('SELECT id, name, township_id AS townshipId FROM villages ORDER BY code').all() as typeof villages;
  const accountant = actorOf('accountant');
  const [v1, v2] = villages as [typeof villages[0], typeof villages[0]];
  // Every household of the test gets a phone and a bank account, so that the notice can be checked not to show them.
  ledger.sqlite.prepare(`UPDATE households SET phone = '139' || substr('00000000' || id, -8), bank_name = '农村信用社', bank_account = '62170000' || substr('00000000000' || id, -11)`).run();
  const { id: assetId } = createAsset(ledger, accountant, {
    code: 'PV-77', name: '县级光伏扶贫电站', assetClass: 'business', category: 'photovoltaic',
    ownership: 'village_collective', operator: 'collective', villageId: v1.id,
  });
  const from = `${YEAR - 1}-01-01`;
  holders(v1.id).forEach((h, i) => addShare(ledger, accountant, { assetId, holderType: 'household', householdId: h.id, units: 10 + i, weight: i === 0 ? 2 : 1, fromDate: from }));
  holders(v2.id).slice(0, 3).forEach((h) => addShare(ledger, accountant, { assetId, holderType: 'household', householdId: h.id, units: 7, fromDate: from }));
  addShare(ledger, accountant, { assetId, holderType: 'village', villageId: v1.id, units: 5, fromDate: from });
  recordIncome(ledger, accountant, { assetId, receivedOn: `${YEAR - 1}-12-31`, period: `${YEAR - 1}年度发电收益`, grossFen: 1_234_567, maintenanceFen: 34_561 });
  planId = preparePlan(ledger, accountant, {
    assetId, title: `${YEAR - 1}年度光伏收益分配`, asOf: `${YEAR - 1}-12-31`, postBp: 2000, worksBp: 1000, exitedRule: 'include',
    postHolders: [{ householdId: holders(v2.id)[4]!.id, weight: 6 }],
  }).id;
  approvePlan(ledger, actorOf('reviewer'), { planId });
  recordIncome(ledger, accountant, { assetId, receivedOn: `${YEAR - 1}-12-31`, period: 'later', grossFen: 50_000 });
  draftPlanId = preparePlan(ledger, accountant, { assetId, title: 'draft', asOf: `${YEAR - 1}-12-31`, exitedRule: 'include' }).id;
});

afterAll(() => host.close());

describe('distribution notice (收益分配公示)', () => {
  it('lists every allocation of the village with names, shares and amounts; the total adds up; no ID number, phone or bank account', async () => {
    const village = villages[0]!;
    const r = await print({ docType: 'notice', noticeKind: 'distribution', planId, lang: 'zh', year: YEAR, scope: { kind: 'village', villageId: village.id } });
    expect(r.serials).toHaveLength(1);
    expect(r.serials[0]).toMatch(/^NT-\d{4}-\d{6}$/);
    const file = path.join(printsDir, r.fileName);
    if (process.env.CL_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.CL_KEEP_PDF, 'distribution-notice.pdf'));
    const raw = pdfText(file);
    const text = squash(raw);
    const rows = planAllocations(ledger, { planId, limit: 500 }).rows.filter((a) => a.villageId === village.id && a.amountFen > 0);
    expect(rows.length).toBeGreaterThan(3);
    for (const a of rows) {
      expect(text).toContain(a.name);
      expect(text).toContain(formatFen(a.amountFen));
      if (a.archiveNo) expect(text).toContain(a.archiveNo);
    }
    const total = rows.reduce((s, a) => s + a.amountFen, 0);
    expect(text).toContain(`合计`);
    expect(text).toContain(formatFen(total));
    for (const s of ['县级光伏扶贫电站收益分配公示', `${YEAR - 1}年度发电收益`, '股份分红', '村集体分红', '公示期', '联系电话']) expect(text).toContain(s);
    // The household with weight 2 and 10 units: 20 shares.
    expect(raw).toMatch(/\b20\b/);
    // Private data of every listed household (and of all their members) is absent.
    for (const h of holders(village.id)) {
      expect(text).not.toContain(h.phone);
      expect(text).not.toContain(h.bankAccount);
      const ids = ledger.sqlite.prepare('SELECT id_number FROM members WHERE household_id = ?').pluck().all(h.id) as string[];
      for (const idNumber of ids) expect(text).not.toContain(idNumber);
    }
    expect(raw).not.toMatch(/\d{17}[\dXx]/);
    expect(raw.replace(/0\d{2,3}-\d{7,8}/g, '')).not.toMatch(/1\d{10}/);
    for (const word of ['健康', '慢性病', '残疾', '银行', '身份证']) expect(text).not.toContain(word);
    // Embedded font subsets, sound PDF, nothing off the page.
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ emb: 'yes', sub: 'yes' });
    expect(wordsOffPage(file)).toEqual([]);
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors found/);
    // Registered, and verifiable by serial and by QR text.
    expect(r.records[0]).toMatchObject({ villageId: village.id, noticeKind: 'distribution', reprintCount: 0 });
    expect(verifyPrint(ledger, r.serials[0]!)).toMatchObject({ status: 'valid' });
    expect(verifyPrint(ledger, `CL|notice|distribution|${r.serials[0]}`)).toMatchObject({ status: 'valid', refMatches: true });
  });

  it('a township prints one notice per village the plan pays, in English too; a reprint supersedes the first print', async () => {
    const township = villages[0]!.townshipId;
    const inTownship = villages.filter((v) => v.townshipId === township).map((v) => v.id);
    const paid = new Set(planAllocations(ledger, { planId, limit: 500 }).rows.filter((a) => a.amountFen > 0).map((a) => a.villageId));
    const expected = inTownship.filter((id) => paid.has(id)).length;
    const r = await print({ docType: 'notice', noticeKind: 'distribution', planId, lang: 'en', year: YEAR, scope: { kind: 'township', townshipId: township } });
    expect(r.serials).toHaveLength(expected);
    if (process.env.CL_KEEP_PDF) fs.copyFileSync(path.join(printsDir, r.fileName), path.join(process.env.CL_KEEP_PDF, 'distribution-notice-en.pdf'));
    const text = squash(pdfText(path.join(printsDir, r.fileName)));
    for (const s of ['Total', 'Dividend', 'Villagepublic', 'Postingperiod']) expect(text).toContain(s);
    const first = villages[0]!;
    const again = await print({ docType: 'notice', noticeKind: 'distribution', planId, lang: 'zh', year: YEAR, scope: { kind: 'village', villageId: first.id } });
    expect(again.records[0]!.reprintCount).toBeGreaterThan(0);
  });

  it('refuses a draft plan, a missing plan id, and a village the plan does not pay', async () => {
    await expect(print({ docType: 'notice', noticeKind: 'distribution', planId: draftPlanId, scope: { kind: 'village', villageId: villages[0]!.id } }))
      .rejects.toMatchObject({ code: 'RULE', detail: { field: 'planId' } });
    await expect(print({ docType: 'notice', noticeKind: 'distribution', scope: { kind: 'village', villageId: villages[0]!.id } })).rejects.toThrow();
    const unpaid = villages.find((v, i) => i > 1 && !planAllocations(ledger, { planId, limit: 500 }).rows.some((a) => a.villageId === v.id && a.amountFen > 0))!;
    await expect(print({ docType: 'notice', noticeKind: 'distribution', planId, scope: { kind: 'village', villageId: unpaid.id } })).rejects.toMatchObject({ code: 'RULE' });
  });
});

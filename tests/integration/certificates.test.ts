/**
 * Certificates, cards and notices from the ledger, end to end on the tiny synthetic demo county:
 * view models → renderDocuments → real PDF files (read back with pdftotext, pdffonts, qpdf and, when
 * installed, zbarimg) → the print register → verification; batches through the job task and
 * through a real worker thread; cancel and missing-glyph refusals that leave nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerHost } from '../../electron/api/host';
import { dispatch } from '../../electron/api/dispatch';
import { SessionStore } from '../../electron/api/sessions';
import { tasks, cancelledError, type TaskIo } from '../../electron/jobs/tasks';
import { issuePrints } from '../../electron/certificates/issue';
import { printFilePath, printsDirOf, readPrintFile, sha256Hex } from '../../electron/certificates/files';
import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { LedgerError } from '../../db/errors';
import { generateCounty, DEMO_USERS } from '../../db/demo/generate';
import { createSource, allocate } from '../../db/funds/sources';
import { createProject } from '../../db/funds/projects';
import { createVoucher, postVoucher, reviewVoucher } from '../../db/funds/vouchers';
import { accountByCode } from '../../db/funds/accounts';
import { createAsset } from '../../db/assets/register';
import { addShare } from '../../db/assets/shares';
import { registerPrints, nextSeq } from '../../db/certificates/register';
import { verifyPrint } from '../../db/certificates/verify';
import { listPrints } from '../../db/certificates/registerQueries';
import { formatSerial, parseSerial } from '../../db/certificates/serials';
import { CARD_STATUSES } from '../../db/certificates/scope';
import type { PrintRequestInput } from '../../db/certificates/schemas';
import { tempDir, count } from '../support/tmp';
import { decodeQrCodes, hasZbar, pdfFonts, pdfPages, pdfText, qpdfCheck, squash, wordsOffPage } from '../support/pdf';

const YEAR = new Date().getFullYear();
const ID_NUMBER = /\d{17}[\dXx]/;
const MOBILE = /1\d{10}/;

let host: LedgerHost;
let ledger: Ledger;
let printsDir: string;
let registrar: Actor;
const actorOf = (username: string): Actor => {
  const u = DEMO_USERS.find((x) => x.username === username)!;
  return { userId: u.id, userName: u.username, role: u.role, method: 'test' };
};

interface VillageRow {
  id: number;
  name: string;
  townshipId: number;
}
let villages: VillageRow[];
/** Households a village batch of cards covers. */
function cardHouseholds(villageId: number): { id: number; archiveNo: string; headName: string }[] {
  return ledger.sqlite
    .prepare(`SELECT id, archive_no AS archiveNo, head_name AS headName FROM households
               WHERE village_id = ? AND status IN (${CARD_STATUSES.map(() => '?').join(', ')}) ORDER BY archive_no`)
    .all(villageId, ...CARD_STATUSES) as { id: number; archiveNo: string; headName: string }[];
}

/** One project in the first village and two payments to one of its households (this year). */
function addFunds(villageId: number, householdId: number): void {
  const accountant = actorOf('accountant');
  const reviewer = actorOf('reviewer');
  const { id: sourceId } = createSource(ledger, accountant, {
    level: 'central', type: 'special', year: YEAR, docNo: `财农〔${YEAR}〕9号`, title: '中央财政衔接推进乡村振兴补助资金', amountFen: 50_000_000,
  });
  const { id: projectId } = createProject(ledger, accountant, {
    code: `XM-${YEAR}-901`, name: '村组道路硬化', type: 'infrastructure', year: YEAR, budgetFen: 20_000_000,
    site: '2组至4组', content: '硬化道路1.5公里', implementer: '老湖镇人民政府', responsible: '王工', villageIds: [villageId],
  });
  allocate(ledger, accountant, { sourceId, projectId, amountFen: 20_000_000, docNo: `县财农〔${YEAR}〕3号`, allocatedOn: `${YEAR}-01-15` });
  const acct = (code: string) => accountByCode(ledger, code).id;
  for (const [code, fen] of [['5002.02', 150_000], ['5002.01', 230_050]] as const) {
    const { id } = createVoucher(ledger, accountant, {
      date: `${YEAR}-01-20`, memo: '到户补助',
      lines: [{ accountId: acct(code), debitFen: fen, sourceId, householdId }, { accountId: acct('1001'), creditFen: fen }],
    });
    reviewVoucher(ledger, reviewer, { voucherId: id });
    postVoucher(ledger, reviewer, { voucherId: id });
  }
}

beforeAll(() => {
  host = new LedgerHost({ dataDir: tempDir('cl-cert-'), autoBackup: false, log: () => {} });
  ledger = host.createEmpty();
  generateCounty(ledger, { scale: 'tiny' });
  printsDir = printsDirOf(host.dataDir);
  registrar = actorOf('registrar');
  villages = ledger.sqlite.prepare('SELECT id, name, township_id AS townshipId FROM villages ORDER BY code').all() as VillageRow[];
  const first = cardHouseholds(villages[0]!.id)[0]!;
  addFunds(villages[0]!.id, first.id);
});

afterAll(() => host.close());

const fileOf = (fileName: string) => path.join(printsDir, fileName);
const print = (request: PrintRequestInput, actor = registrar) => issuePrints(ledger, actor, request, { printsDir });

function expectSubsetFonts(file: string): void {
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
    expect(f.emb).toBe('yes');
    expect(f.sub).toBe('yes');
  }
}

function expectSoundPdf(file: string): void {
  expectSubsetFonts(file);
  expect(wordsOffPage(file)).toEqual([]);
  expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors found/);
}

// ---------------------------------------------------------------------------------------------

describe('documents from the ledger', () => {
  it('assistance cards for a village: every head, the cadres, money received from the fund ledger, sound PDF', async () => {
    const village = villages[0]!;
    const households = cardHouseholds(village.id);
    expect(households.length).toBeGreaterThan(3);
    const r = await print({ docType: 'assistance_card', lang: 'zh', layout: 'cards', year: YEAR, scope: { kind: 'village', villageId: village.id } });
    expect(r.serials).toHaveLength(households.length);
    const file = fileOf(r.fileName);
    expect(r.fileName).toBe(`${r.serials[0]}_${r.serials.at(-1)}.pdf`);
    const text = squash(pdfText(file));
    for (const h of households) {
      expect(text).toContain(h.archiveNo);
      expect(text).toContain(h.headName);
    }
    for (const s of r.serials) expect(text).toContain(s);
    // The first household's money lines come from posted vouchers: 1,500.00 + 2,300.50.
    for (const s of ['教育资助', '1,500.00', '产业奖补', '2,300.50', '3,800.50', '扶贫明白卡', '两不愁三保障']) expect(text).toContain(s);
    const cadre = ledger.sqlite
      .prepare(`SELECT c.name FROM household_cadres hc JOIN cadres c ON c.id = hc.cadre_id WHERE hc.household_id = ? AND hc.to_date IS NULL`)
      .pluck()
      .get(households[0]!.id) as string | undefined;
    if (cadre) expect(text).toContain(cadre);
    expect(r.pages).toBe(pdfPages(file));
    expect(r.pages).toBeGreaterThanOrEqual(Math.ceil(households.length / 4));
    expectSoundPdf(file);
    // The register holds the file's hash.
    const rows = listPrints(ledger, { docType: 'assistance_card', limit: 500 }).rows.filter((p) => r.serials.includes(p.serial));
    expect(rows).toHaveLength(households.length);
    expect(new Set(rows.map((p) => p.fileSha256))).toEqual(new Set([sha256Hex(fs.readFileSync(file))]));
  });

  it('health cards in English on A4: every living member, family doctor, hospitals, eligibility', async () => {
    const village = villages[1]!;
    const r = await print({ docType: 'health_card', lang: 'en', layout: 'a4', year: YEAR, scope: { kind: 'village', villageId: village.id } });
    const file = fileOf(r.fileName);
    expect(pdfPages(file)).toBe(r.pages);
    expect(r.pages).toBeGreaterThanOrEqual(r.serials.length);
    const text = squash(pdfText(file));
    const members = ledger.sqlite
      .prepare(`SELECT m.name FROM members m JOIN households h ON h.id = m.household_id
                 WHERE h.village_id = ? AND m.deceased = 0 AND m.removed = 0 AND h.status NOT IN ('cancelled', 'exited_no_policy')`)
      .pluck()
      .all(village.id) as string[];
    expect(members.length).toBeGreaterThan(r.serials.length);
    for (const name of members) expect(text).toContain(name);
    const doctor = ledger.sqlite.prepare(`SELECT family_doctor FROM households WHERE village_id = ? AND family_doctor <> '' LIMIT 1`).pluck().get(village.id) as string;
    expect(text).toContain(doctor);
    for (const s of ['HealthCard', 'Treatmentfirst,paylater', 'Basicmedical', '示范县人民医院', '省第一人民医院']) expect(text).toContain(s);
    expectSoundPdf(file);
  });

  it('identification, exit and monitoring notices: the households, never an ID number, phone or health status', async () => {
    const kinds = [['identification', 'identify'], ['exit', 'exit'], ['monitoring', 'monitor_start']] as const;
    for (const [kind, eventType] of kinds) {
      const found = ledger.sqlite
        .prepare(`SELECT h.village_id AS villageId, CAST(substr(e.event_date, 1, 4) AS INTEGER) AS year, count(*) AS n
                    FROM status_events e JOIN households h ON h.id = e.household_id
                   WHERE e.state = 'approved' AND e.type = ? GROUP BY 1, 2 ORDER BY n DESC, year DESC LIMIT 1`)
        .get(eventType) as { villageId: number; year: number; n: number } | undefined;
      expect(found, `the demo county has ${eventType} events`).toBeDefined();
      const { villageId, year } = found!;
      const r = await print({ docType: 'notice', noticeKind: kind, lang: 'zh', year, scope: { kind: 'village', villageId } });
      const file = fileOf(r.fileName);
      const raw = pdfText(file);
      const text = squash(raw);
      const listed = ledger.sqlite
        .prepare(`SELECT DISTINCT h.id, h.archive_no AS archiveNo, h.head_name AS headName, h.phone, h.bank_account AS bankAccount
                    FROM status_events e JOIN households h ON h.id = e.household_id
                   WHERE e.state = 'approved' AND e.type = ? AND h.village_id = ? AND substr(e.event_date, 1, 4) = ?`)
        .all(eventType, villageId, String(year)) as { id: number; archiveNo: string; headName: string; phone: string; bankAccount: string }[];
      expect(listed.length).toBe(found!.n);
      for (const h of listed) {
        expect(text).toContain(h.archiveNo);
        expect(text).toContain(h.headName);
        if (h.phone) expect(text).not.toContain(h.phone);
        if (h.bankAccount) expect(text).not.toContain(h.bankAccount);
        const ids = ledger.sqlite.prepare('SELECT id_number FROM members WHERE household_id = ?').pluck().all(h.id) as string[];
        for (const idNumber of ids) expect(text).not.toContain(idNumber);
      }
      expect(raw).not.toMatch(ID_NUMBER);
      expect(raw.replace(/0\d{2,3}-\d{7,8}/g, '')).not.toMatch(MOBILE);
      for (const word of ['健康', '慢性病', '残疾', '大病']) expect(text).not.toContain(word);
      expect(text).toContain('公示期');
      expectSoundPdf(file);
    }
  });

  it('fund use notice for a village from the fund ledger: the project and the household paid, no private data', async () => {
    const village = villages[0]!;
    const paid = cardHouseholds(village.id)[0]!;
    const r = await print({ docType: 'notice', noticeKind: 'fund_use', lang: 'zh', year: YEAR, scope: { kind: 'village', villageId: village.id } });
    const file = fileOf(r.fileName);
    const raw = pdfText(file);
    const text = squash(raw);
    for (const s of ['村组道路硬化', '老湖镇人民政府', '200,000.00', '受益户数', paid.headName, paid.archiveNo, '3,800.50', '公示期']) {
      expect(text).toContain(s);
    }
    expect(raw).not.toMatch(ID_NUMBER);
    expectSoundPdf(file);
  });

  it('share certificates for a village: one per share in force, household and collective holders, reprints link across years', async () => {
    const village = villages[3]!;
    const [h1, h2] = cardHouseholds(village.id);
    const accountant = actorOf('accountant');
    const { id: assetId } = createAsset(ledger, accountant, {
      code: 'PV-01', name: '村级光伏电站（100千瓦）', assetClass: 'business', category: 'photovoltaic',
      ownership: 'village_collective', operator: 'collective', villageId: village.id,
    });
    const shares = [
      addShare(ledger, accountant, { assetId, holderType: 'household', householdId: h1!.id, units: 12, weight: 2, fromDate: `${YEAR}-01-01` }),
      addShare(ledger, accountant, { assetId, holderType: 'household', householdId: h2!.id, units: 10, fromDate: `${YEAR}-01-01`, toDate: `${YEAR + 2}-12-31` }),
      addShare(ledger, accountant, { assetId, holderType: 'village', villageId: village.id, units: 30, fromDate: `${YEAR}-01-01` }),
      // Not yet in force: no certificate today.
      addShare(ledger, accountant, { assetId, holderType: 'village', villageId: villages[4]!.id, units: 5, fromDate: `${YEAR + 5}-01-01` }),
    ];
    const r = await print({ docType: 'share_certificate', layout: 'cards', scope: { kind: 'village', villageId: village.id } });
    expect(r.serials).toHaveLength(3);
    expect(r.serials[0]).toMatch(new RegExp(`^SC-${YEAR}-\\d{6}$`));
    const file = fileOf(r.fileName);
    const text = squash(pdfText(file));
    for (const s of [...shares.slice(0, 3).map((x) => x.certificateNo), h1!.headName, h2!.headName, h1!.archiveNo, `${village.name}集体经济组织`, '村级光伏电站', '股权证', '光伏电站']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain(shares[3]!.certificateNo);
    expectSoundPdf(file);

    // A reprint of one holder's certificate next year still supersedes this year's print.
    const next = new Date(YEAR + 1, 1, 1);
    const again = await issuePrints(ledger, registrar, { docType: 'share_certificate', scope: { kind: 'household', householdId: h1!.id } }, { printsDir, now: next });
    expect(again.serials[0]).toMatch(new RegExp(`^SC-${YEAR + 1}-000001$`));
    expect(again.records[0]).toMatchObject({ reprintCount: 1, ref: shares[0]!.certificateNo, reprintOf: r.records.find((x) => x.ref === shares[0]!.certificateNo)!.id });
    const firstPrint = r.records.find((x) => x.ref === shares[0]!.certificateNo)!;
    expect(verifyPrint(ledger, `CL|share_certificate|${shares[0]!.certificateNo}|${firstPrint.serial}`)).toMatchObject({ status: 'superseded' });
    expect(verifyPrint(ledger, `CL|share_certificate|${shares[0]!.certificateNo}|${again.serials[0]}`)).toMatchObject({ status: 'valid', refMatches: true });
    expect(verifyPrint(ledger, `CL|share_certificate|${shares[1]!.certificateNo}|${again.serials[0]}`)).toMatchObject({ status: 'mismatch' });
  });

  it('refuses a notice kind with nothing to post, and a cancelled household', async () => {
    const empty = await print({ docType: 'notice', noticeKind: 'fund_use', year: 2001, scope: { kind: 'village', villageId: villages[2]!.id } }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ code: 'RULE' });
    const cancelled = ledger.sqlite.prepare(`SELECT id FROM households WHERE status = 'cancelled' LIMIT 1`).pluck().get() as number | undefined;
    if (cancelled) {
      await expect(print({ docType: 'assistance_card', scope: { kind: 'household', householdId: cancelled } })).rejects.toMatchObject({ code: 'RULE' });
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('the print register', () => {
  it('serials are unique and continuous per document type and year', () => {
    const rows = ledger.sqlite.prepare('SELECT serial, doc_type AS docType, year, seq FROM print_register ORDER BY doc_type, year, seq').all() as {
      serial: string; docType: 'assistance_card'; year: number; seq: number;
    }[];
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.serial)).size).toBe(rows.length);
    const groups = new Map<string, typeof rows>();
    for (const r of rows) groups.set(`${r.docType}/${r.year}`, [...(groups.get(`${r.docType}/${r.year}`) ?? []), r]);
    for (const group of groups.values()) {
      group.forEach((r, i) => {
        expect(r.seq).toBe(i + 1);
        expect(r.serial).toBe(formatSerial(r.docType, r.year, r.seq));
        expect(parseSerial(r.serial)).toEqual({ docType: r.docType, year: r.year, seq: r.seq });
      });
    }
    // Every print is audited.
    expect(ledger.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'print'`).pluck().get()).toBe(rows.length);
  });

  it('a reprint gets a new serial, counts up and links to the first print', async () => {
    const h = cardHouseholds(villages[0]!.id)[1]!;
    const scope = { kind: 'household', householdId: h.id } as const;
    const before = listPrints(ledger, { householdId: h.id, docType: 'assistance_card' }).rows;
    const first = before.at(-1)!; // printed in the village batch above
    const again = await print({ docType: 'assistance_card', layout: 'a4', year: YEAR, scope });
    const third = await print({ docType: 'assistance_card', lang: 'en', year: YEAR, scope });
    const rows = listPrints(ledger, { householdId: h.id, docType: 'assistance_card' }).rows;
    expect(rows.map((r) => r.serial)).toEqual([third.serials[0], again.serials[0], first.serial]);
    expect(rows.map((r) => r.reprintCount)).toEqual([2, 1, 0]);
    expect(rows.map((r) => r.reprintOf)).toEqual([first.id, first.id, null]);
    expect(rows.map((r) => r.reprintOfSerial)).toEqual([first.serial, first.serial, null]);
    expect(rows.map((r) => r.latest)).toEqual([true, false, false]);
    expect(new Set([first.serial, ...again.serials, ...third.serials]).size).toBe(3);
    expect(listPrints(ledger, { householdId: h.id, docType: 'assistance_card', latestOnly: true }).rows.map((r) => r.serial)).toEqual(third.serials);
    const audit = ledger.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'print' AND entity_id = ?`).pluck().get(third.serials[0]);
    expect(audit).toBe('reprint');
  });

  it('serials taken by another print while drawing: the print is drawn again with fresh serials, no gap, no duplicate', async () => {
    const village = villages[3]!;
    const before = nextSeq(ledger, 'health_card', YEAR);
    let interfered = false;
    const r = await issuePrints(ledger, registrar, { docType: 'health_card', year: YEAR, scope: { kind: 'village', villageId: village.id } }, {
      printsDir,
      io: {
        progress: () => {
          if (interfered) return;
          interfered = true;
          // Someone else registers a health card of the same year meanwhile.
          registerPrints(ledger, registrar, {
            docType: 'health_card', year: YEAR, lang: 'zh', layout: 'a4', firstSeq: before, printedAt: '2026-01-01T00:00:00+08:00',
            fileName: 'HC-0000-000000.pdf', fileSha256: '0'.repeat(64),
            subjects: [{ key: 'household:999999', ref: 'X', householdId: null, villageId: null, certificateNo: null, noticeKind: null, label: 'X' }],
          });
        },
        checkCancelled: () => {},
      },
    });
    expect(r.serials[0]).toBe(formatSerial('health_card', YEAR, before + 1));
    expect(squash(pdfText(fileOf(r.fileName)))).toContain(r.serials[0]);
    expect(fs.readdirSync(printsDir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('verification', () => {
  const latestAssistance = () => listPrints(ledger, { docType: 'assistance_card', latestOnly: true, limit: 1 }).rows[0]!;

  it('by serial and by QR text: valid, with the household summary and no ID number', () => {
    const p = latestAssistance();
    const bySerial = verifyPrint(ledger, p.serial.toLowerCase());
    expect(bySerial).toMatchObject({ status: 'valid', serial: p.serial, typeMatches: null, refMatches: null });
    expect(bySerial.household).toEqual({ archiveNo: p.archiveNo, headName: p.headName, village: p.village, township: p.township });
    expect(JSON.stringify(bySerial)).not.toMatch(ID_NUMBER);
    const byQr = verifyPrint(ledger, `CL|assistance_card|${p.archiveNo}|${p.serial}`);
    expect(byQr).toMatchObject({ status: 'valid', typeMatches: true, refMatches: true });
  });

  it('superseded by a reprint, mismatch for an altered QR, unknown serial or text', () => {
    const reprinted = listPrints(ledger, { docType: 'assistance_card', limit: 500 }).rows.find((r) => !r.latest)!;
    const v = verifyPrint(ledger, `CL|assistance_card|${reprinted.ref}|${reprinted.serial}`);
    expect(v.status).toBe('superseded');
    expect(v.record?.latestSerial).not.toBe(reprinted.serial);
    expect(v.reason.en).toContain(v.record!.latestSerial);

    const p = latestAssistance();
    expect(verifyPrint(ledger, `CL|assistance_card|5529990999999|${p.serial}`)).toMatchObject({ status: 'mismatch', refMatches: false });
    expect(verifyPrint(ledger, `CL|health_card|${p.archiveNo}|${p.serial}`)).toMatchObject({ status: 'mismatch', typeMatches: false });
    expect(verifyPrint(ledger, 'AC-1999-000001')).toMatchObject({ status: 'unknown', record: null });
    expect(verifyPrint(ledger, 'hello')).toMatchObject({ status: 'unknown', serial: null });
  });

  it.skipIf(!hasZbar)('the QR code printed on a card verifies', async () => {
    const h = cardHouseholds(villages[4]!.id)[0]!;
    const r = await print({ docType: 'health_card', layout: 'cards', year: YEAR, scope: { kind: 'household', householdId: h.id } });
    const [qr] = decodeQrCodes(fileOf(r.fileName), 1, path.join(host.dataDir, 'qr'));
    expect(qr).toBe(`CL|health_card|${h.archiveNo}|${r.serials[0]}`);
    expect(verifyPrint(ledger, qr!)).toMatchObject({ status: 'valid', household: { archiveNo: h.archiveNo, headName: h.headName } });
  });
});

// ---------------------------------------------------------------------------------------------

describe('batches', () => {
  const files = () => fs.readdirSync(printsDir).sort();

  function fakeIo(opts: { cancelAfter?: number } = {}) {
    const progress: [number, number][] = [];
    const io: TaskIo = {
      progress: (done, total) => progress.push([done, total]),
      checkCancelled: () => {
        if (opts.cancelAfter !== undefined && progress.length >= opts.cancelAfter) throw cancelledError();
      },
    };
    return { io, progress };
  }

  const batchArgs = (request: PrintRequestInput) => ({ file: ledger.path, printsDir, actor: registrar, request });

  it('a village batch through the job task registers N prints and writes one PDF of N cards', async () => {
    const village = villages[2]!;
    const households = cardHouseholds(village.id);
    const registered = count(ledger, 'print_register');
    const { io, progress } = fakeIo();
    const result = await tasks.printBatch(batchArgs({ docType: 'assistance_card', layout: 'cards', year: YEAR, scope: { kind: 'village', villageId: village.id } }), io);
    expect(result.count).toBe(households.length);
    expect(count(ledger, 'print_register')).toBe(registered + households.length);
    expect(progress.at(-1)).toEqual([households.length, households.length]);
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
    const file = fileOf(result.fileName);
    expect(result.pages).toBe(pdfPages(file));
    const text = squash(pdfText(file));
    for (const s of result.serials) expect(text).toContain(s);
    for (const h of households) expect(text).toContain(h.headName);
    expectSoundPdf(file);
  });

  it('a cancelled batch registers nothing and leaves no file', async () => {
    const registered = count(ledger, 'print_register');
    const audited = count(ledger, 'audit_log');
    const before = files();
    const { io } = fakeIo({ cancelAfter: 1 });
    const error = await tasks
      .printBatch(batchArgs({ docType: 'health_card', layout: 'cards', year: YEAR, scope: { kind: 'township', townshipId: villages[0]!.townshipId } }), io)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('CANCELLED');
    expect(count(ledger, 'print_register')).toBe(registered);
    expect(count(ledger, 'audit_log')).toBe(audited);
    expect(files()).toEqual(before);
  });

  it('a head name the font cannot draw stops the batch before anything is registered, naming the character and household', async () => {
    const village = villages[5]!;
    const target = cardHouseholds(village.id)[1]!;
    const rare = '林\u{20000}';
    ledger.sqlite.prepare('UPDATE households SET head_name = ? WHERE id = ?').run(rare, target.id);
    ledger.sqlite.prepare(`UPDATE members SET name = ? WHERE household_id = ? AND relation = 'head'`).run(rare, target.id);
    const registered = count(ledger, 'print_register');
    const before = files();
    const error = await tasks
      .printBatch(batchArgs({ docType: 'assistance_card', layout: 'cards', year: YEAR, scope: { kind: 'village', villageId: village.id } }), fakeIo().io)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    const e = error as LedgerError;
    expect(e.code).toBe('RULE');
    expect(e.detail.field).toBe('characters');
    expect(e.message).toContain('U+20000');
    expect(e.message).toContain(target.archiveNo);
    expect(e.zh).toContain('\u{20000}');
    expect(e.detail.problems).toEqual([expect.objectContaining({ field: 'characters', en: expect.stringContaining(`U+20000) in ${target.archiveNo}`) })]);
    expect(count(ledger, 'print_register')).toBe(registered);
    expect(files()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe('through the API', () => {
  function callAs(username: string, method: string, input: unknown) {
    const session = host.sessions.get(SessionStore.newId());
    session.userId = actorOf(username).userId;
    return dispatch(host, session, method, input);
  }

  it('prints one card as base64, serves the file by name only, verifies for any role, lists the register', async () => {
    const h = cardHouseholds(villages[1]!.id)[0]!;
    const printed = await callAs('registrar', 'certificates.print', { docType: 'assistance_card', scope: { kind: 'household', householdId: h.id } });
    expect(printed.ok).toBe(true);
    const value = (printed as { value: { fileName: string; base64: string; serials: string[]; pages: number } }).value;
    const pdf = Buffer.from(value.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(value.pages).toBe(1);
    expect(readPrintFile(printsDir, value.fileName).sha256).toBe(sha256Hex(pdf));

    const fetched = await callAs('auditor', 'certificates.file', { fileName: value.fileName });
    expect(fetched).toMatchObject({ ok: true, value: { fileName: value.fileName, base64: value.base64 } });
    for (const bad of ['../ledger.sqlite', '..%2Fledger.sqlite', 'AC-2026-000001.pdf/../../x.pdf', '/etc/passwd', 'AC-2026-000001.PDF', '.AC-2026-000001.pdf']) {
      const refused = await callAs('registrar', 'certificates.file', { fileName: bad });
      expect(refused, bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(() => printFilePath(printsDir, '../x.pdf')).toThrow(LedgerError);

    const verified = await callAs('auditor', 'certificates.verify', { text: value.serials[0] });
    expect(verified).toMatchObject({ ok: true, value: { status: 'valid' } });
    expect(await callAs('auditor', 'certificates.print', { docType: 'assistance_card', scope: { kind: 'household', householdId: h.id } }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const listed = await callAs('accountant', 'certificates.register', { q: value.serials[0] });
    expect(listed).toMatchObject({ ok: true, value: { total: 1, rows: [{ serial: value.serials[0], archiveNo: h.archiveNo }] } });
    // A village of cards is a batch, not a direct print.
    expect(await callAs('registrar', 'certificates.print', { docType: 'assistance_card', scope: { kind: 'township', townshipId: villages[0]!.townshipId } }))
      .toMatchObject({ ok: false, error: { code: 'RULE', field: 'scope' } });
  });
});

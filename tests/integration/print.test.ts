/**
 * Printed documents, end to end: synthetic view models → renderDocuments → real PDF files read back
 * with poppler (pdftotext, pdffonts, pdfinfo) and checked with qpdf.
 *
 * All names, places and numbers are invented. The rare characters 堃 喆 玥 昇 are in the names on
 * purpose: they must be drawn by the embedded font, not replaced by empty boxes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CardOverflowError,
  MissingGlyphsError,
  renderDocuments,
} from '../../electron/print/render';
import { NoticePrivacyError, assertNoticeIsPublic, buildNotice } from '../../electron/print/documents/notice';
import { findMissingGlyphs } from '../../electron/print/fonts';
import type {
  AssistanceCardData,
  HealthCardData,
  Lang,
  Layout,
  NoticeData,
  PrintableDoc,
  ShareCertificateData,
} from '../../electron/print/types';

const PRINTED_AT = '2024-05-06T08:30:00+08:00';
const ID_PATTERN = /\d{17}[\dXx]/;
const MOBILE_PATTERN = /1\d{10}/;

// ---------------------------------------------------------------------------------------------
// Synthetic data

function assistanceCard(lang: Lang, n = 1): AssistanceCardData {
  const zh = lang === 'zh';
  return {
    serial: `MB-2024-${String(n).padStart(6, '0')}`,
    archiveNo: `52302701010${String(n).padStart(4, '0')}`,
    county: '青岚县',
    township: '清水镇',
    village: '柳湾村',
    group: '三组',
    headName: '林堃',
    address: '柳湾村三组18号',
    size: 4,
    attributeLabel: zh ? '一般贫困户' : 'General',
    mainCauseLabel: zh ? '因病' : 'Illness',
    otherCauseLabels: zh ? ['缺技术', '缺资金'] : ['Lack of skills', 'Lack of capital'],
    statusLabel: zh ? '已脱贫（享受政策）' : 'Exited (still enjoying policies)',
    guarantees: [
      { label: zh ? '不愁吃、不愁穿' : 'Food and clothing', ok: true },
      { label: zh ? '义务教育' : 'Compulsory education', ok: true, note: zh ? '1人在读初中' : '1 child in junior middle school' },
      { label: zh ? '基本医疗' : 'Basic medical care', ok: true, note: zh ? '全员参加城乡居民医保' : 'All members insured' },
      { label: zh ? '住房安全' : 'Housing safety', ok: false, note: zh ? 'C级危房，2024年改造' : 'Level C, renovation in 2024' },
      { label: zh ? '饮水安全' : 'Safe drinking water', ok: true },
    ],
    cadres: [
      {
        name: '周喆',
        unit: zh ? '青岚县农业农村局' : 'Qinglan County Agriculture Bureau',
        post: zh ? '科员' : 'Officer',
        phone: '0851-5550101',
      },
    ],
    measures: [
      { year: 2024, label: zh ? '产业扶持' : 'Industry', detail: zh ? '发放种牛1头，技术培训2次' : 'One breeding cow; two training sessions' },
      { year: 2024, label: zh ? '公益岗位' : 'Public post', detail: zh ? '安排护林员岗位1个' : 'One forest ranger post' },
    ],
    incomes: [
      { label: zh ? '资产收益分红' : 'Asset-income dividend', fen: 123456 },
      { label: zh ? '护林员工资' : 'Forest ranger wages', fen: 960000 },
      { label: zh ? '低保金' : 'Dibao', fen: 345000 },
    ],
    year: 2024,
    printedAt: PRINTED_AT,
    printedBy: '韩玥',
  };
}
// 1,234.56 + 9,600.00 + 3,450.00
const ASSISTANCE_TOTAL = '14,284.56';

function healthCard(lang: Lang, n = 1): HealthCardData {
  const zh = lang === 'zh';
  const resident = zh ? '城乡居民医保' : 'Resident medical insurance';
  const serious = zh ? '大病保险' : 'Serious illness insurance';
  return {
    serial: `JK-2024-${String(n).padStart(6, '0')}`,
    archiveNo: `52302701010${String(n).padStart(4, '0')}`,
    county: '青岚县',
    township: '清水镇',
    village: '柳湾村',
    headName: '林堃',
    members: [
      { name: '林堃', relationLabel: zh ? '户主' : 'Head', age: 52, healthLabel: zh ? '长期慢性病' : 'Chronic illness', chronicCertificate: 'MB-5230-0042', insuranceLabels: [resident, serious] },
      { name: '周玥', relationLabel: zh ? '配偶' : 'Spouse', age: 49, healthLabel: zh ? '健康' : 'Healthy', insuranceLabels: [resident] },
      { name: '林喆', relationLabel: zh ? '之子' : 'Son', age: 14, healthLabel: zh ? '健康' : 'Healthy', insuranceLabels: [resident] },
      { name: '林昇', relationLabel: zh ? '之父' : 'Father', age: 78, healthLabel: zh ? '残疾' : 'Disability', disabilityLabel: zh ? '肢体三级' : 'Physical, grade 3', insuranceLabels: [resident, serious] },
    ],
    familyDoctor: { name: '吴晓昇', phone: '0851-5550120', contractNo: 'QS-2024-0318' },
    treatmentFirstPayLater: true,
    oneStopSettlement: true,
    designatedHospital: zh ? '青岚县人民医院' : 'Qinglan County People’s Hospital',
    pairedHospital: zh ? '省第一人民医院' : 'First Provincial People’s Hospital',
    year: 2024,
    printedAt: PRINTED_AT,
    printedBy: '韩玥',
  };
}

function shareCertificate(lang: Lang, n = 1): ShareCertificateData {
  const zh = lang === 'zh';
  return {
    serial: `GQ-2024-${String(n).padStart(6, '0')}`,
    certificateNo: `QL-PV-2024-${String(n).padStart(4, '0')}`,
    holderName: '林昇',
    archiveNo: `52302701010${String(n).padStart(4, '0')}`,
    village: '柳湾村',
    assetName: zh ? '柳湾村光伏电站（300千瓦）' : 'Liuwan Village photovoltaic station (300 kW)',
    assetCategoryLabel: zh ? '经营性资产' : 'Business asset',
    units: 12,
    weight: 1.5,
    effectiveFrom: '2024-01-01',
    effectiveTo: '2026-12-31',
    issuer: zh ? '清水镇柳湾村股份经济合作社' : 'Liuwan Village Joint-Stock Economic Cooperative',
    printedAt: PRINTED_AT,
  };
}

function notice(lang: Lang, rows = 6): NoticeData {
  const zh = lang === 'zh';
  const names = ['林堃', '周玥', '韩喆', '吴昇', '欧阳晓', '柳青禾'];
  return {
    serial: 'GS-2024-000007',
    kind: 'distribution',
    title: zh ? '柳湾村2024年度光伏电站收益分配公示' : 'Liuwan Village: 2024 photovoltaic income distribution',
    village: '柳湾村',
    township: '清水镇',
    county: '青岚县',
    periodFrom: '2024-05-06',
    periodTo: '2024-05-15',
    intro: zh
      ? '经村民代表大会讨论通过，现将本村2024年度光伏电站收益分配情况公示如下。'
      : 'As adopted by the villagers’ representative assembly, the 2024 distribution of the village photovoltaic income is posted below.',
    columns: [
      { key: 'name', label: zh ? '户主姓名' : 'Head of household' },
      { key: 'group', label: zh ? '村民小组' : 'Group' },
      { key: 'units', label: zh ? '股份（份）' : 'Shares' },
      { key: 'amount', label: zh ? '分配金额（元）' : 'Amount (CNY)' },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({
      name: names[i % names.length] ?? '林堃',
      group: zh ? `${(i % 5) + 1}组` : `Group ${(i % 5) + 1}`,
      units: String(10 + (i % 3)),
      amount: i === 0 ? '1,234.56' : `${(800 + i * 17).toLocaleString('en-US')}.00`,
    })),
    contact: { unit: zh ? '清水镇乡村振兴办公室' : 'Qingshui Township Rural Revitalisation Office', phone: '0851-5550100' },
    printedAt: PRINTED_AT,
  };
}

function doc(type: PrintableDoc['type'], lang: Lang, n = 1): PrintableDoc {
  switch (type) {
    case 'assistance_card':
      return { type, data: assistanceCard(lang, n) };
    case 'health_card':
      return { type, data: healthCard(lang, n) };
    case 'share_certificate':
      return { type, data: shareCertificate(lang, n) };
    case 'notice':
      return { type, data: notice(lang) };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading PDFs back

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-print-'));
  if (process.env.CL_PRINT_KEEP) console.info(`print test output kept in ${dir}`);
});
afterAll(() => {
  // CL_PRINT_KEEP=1 keeps the PDFs for a look (pdftoppm -png -r 60 file.pdf page).
  if (!process.env.CL_PRINT_KEEP) fs.rmSync(dir, { recursive: true, force: true });
});

async function renderToFile(name: string, docs: PrintableDoc[], lang: Lang, layout: Layout): Promise<string> {
  const buffer = await renderDocuments(docs, { lang, layout });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, buffer);
  return file;
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** pdftotext may put spaces between CJK characters; compare without whitespace. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function info(file: string): string {
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

interface FontRow {
  name: string;
  emb: string;
  sub: string;
}

function pdfFonts(file: string): FontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name type encoding emb sub uni object ID — read the fixed columns from the right.
      const parts = line.trim().split(/\s+/);
      const n = parts.length;
      return { name: parts[0] ?? '', emb: parts[n - 5] ?? '', sub: parts[n - 4] ?? '' };
    });
}

function expectEmbeddedSubsetFonts(file: string): void {
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
    expect(font.emb).toBe('yes');
    expect(font.sub).toBe('yes');
  }
}

function expectQpdfClean(file: string): void {
  // execFileSync throws on a non-zero exit status.
  const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(out).toMatch(/No syntax or stream encoding errors found/);
}

// ---------------------------------------------------------------------------------------------

const LANGS: Lang[] = ['zh', 'en'];
const LAYOUTS: Layout[] = ['a4', 'cards'];

describe.each(LANGS)('printed documents (%s)', (lang) => {
  describe.each(LAYOUTS)('layout %s', (layout) => {
    it('assistance card: names, serial, amounts, embedded subset font, valid PDF', async () => {
      const file = await renderToFile(`assistance-${lang}-${layout}`, [doc('assistance_card', lang)], lang, layout);
      const text = squash(pdfText(file));
      for (const s of ['林堃', '周喆', '韩玥', 'MB-2024-000001', '523027010100001', '1,234.56', '9,600.00', '3,450.00', ASSISTANCE_TOTAL]) {
        expect(text).toContain(s);
      }
      expect(text).toContain(lang === 'zh' ? '扶贫明白卡' : 'AssistanceCard');
      expect(text).toContain(lang === 'zh' ? '户主签字' : 'Headofhousehold');
      expect(text).toContain(lang === 'zh' ? '帮扶责任人签字' : 'Responsiblecadre');
      expectEmbeddedSubsetFonts(file);
      expectQpdfClean(file);
      expect(fs.statSync(file).size).toBeLessThan(60 * 1024);
      expect(pageCount(file)).toBe(1);
      const meta = info(file);
      expect(meta).toMatch(/^Creator:\s+County Ledger$/m);
      expect(meta).toMatch(/^Title:\s+.*MB-2024-000001/m);
    });

    it('health card: every member, the doctor and the serial', async () => {
      const file = await renderToFile(`health-${lang}-${layout}`, [doc('health_card', lang)], lang, layout);
      const text = squash(pdfText(file));
      for (const s of ['林堃', '周玥', '林喆', '林昇', '吴晓昇', '0851-5550120', 'QS-2024-0318', 'JK-2024-000001', 'MB-5230-0042']) {
        expect(text).toContain(s);
      }
      expect(text).toContain(lang === 'zh' ? '先诊疗后付费' : 'Treatmentfirst');
      expectEmbeddedSubsetFonts(file);
      expectQpdfClean(file);
      expect(pageCount(file)).toBe(1);
    });

    it('share certificate: holder, certificate number, serial', async () => {
      const file = await renderToFile(`share-${lang}-${layout}`, [doc('share_certificate', lang)], lang, layout);
      const text = squash(pdfText(file));
      for (const s of ['林昇', 'QL-PV-2024-0001', 'GQ-2024-000001', '12', '1.5']) {
        expect(text).toContain(s);
      }
      expect(text).toContain(lang === 'zh' ? '股权证' : 'ShareCertificate');
      expectEmbeddedSubsetFonts(file);
      expectQpdfClean(file);
      expect(pageCount(file)).toBe(1);
    });

    it('notice: rows and contact, but no ID number or mobile number', async () => {
      const file = await renderToFile(`notice-${lang}-${layout}`, [doc('notice', lang)], lang, layout);
      const raw = pdfText(file);
      const text = squash(raw);
      for (const s of ['林堃', '周玥', '韩喆', '吴昇', '1,234.56', 'GS-2024-000007', '0851-5550100']) {
        expect(text).toContain(s);
      }
      expect(raw).not.toMatch(ID_PATTERN);
      expect(raw).not.toMatch(MOBILE_PATTERN);
      expectEmbeddedSubsetFonts(file);
      expectQpdfClean(file);
    });
  });
});

describe('batches', () => {
  it('lays out cards 4 to an A4 sheet and notices on their own pages, reporting progress', async () => {
    const docs: PrintableDoc[] = [
      ...Array.from({ length: 6 }, (_, i) => doc('assistance_card', 'zh', i + 1)),
      doc('health_card', 'zh', 1),
      doc('share_certificate', 'zh', 1),
      doc('notice', 'zh'),
      doc('share_certificate', 'zh', 2),
    ];
    const progress: number[] = [];
    const buffer = await renderDocuments(docs, {
      lang: 'zh',
      layout: 'cards',
      onProgress: (done, total) => {
        expect(total).toBe(docs.length);
        progress.push(done);
      },
    });
    const file = path.join(dir, 'batch-zh-cards.pdf');
    fs.writeFileSync(file, buffer);
    // 8 cards → 2 sheets, the notice → 1 page, the last certificate → a third sheet
    expect(pageCount(file)).toBe(4);
    expect(progress.at(-1)).toBe(docs.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const text = squash(pdfText(file));
    for (let i = 1; i <= 6; i++) expect(text).toContain(`MB-2024-00000${i}`);
    expect(text).toContain('GQ-2024-000002');
    expectQpdfClean(file);
  });

  it('draws a batch a chunk at a time into one file (same pages, one font subset), also in a child process', async () => {
    const docs: PrintableDoc[] = Array.from({ length: 10 }, (_, i) => doc('assistance_card', 'zh', i + 1));
    const files: string[] = [];
    for (const chunk of [4, 100]) {
      const progress: number[] = [];
      const buffer = await renderDocuments(docs, { lang: 'zh', layout: 'cards', chunk, onProgress: (done) => progress.push(done) });
      const file = path.join(dir, `chunks-${chunk}.pdf`);
      fs.writeFileSync(file, buffer);
      files.push(file);
      expect(progress.at(-1)).toBe(docs.length);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    }
    const { renderInChild } = await import('../../electron/print/renderChild');
    let stats: { maxRssMb: number; cpuMs: number } | undefined;
    const childFile = path.join(dir, 'chunks-child.pdf');
    fs.writeFileSync(childFile, await renderInChild(docs, { lang: 'zh', layout: 'cards', onStats: (s) => { stats = s; } }));
    files.push(childFile);
    expect(stats!.maxRssMb).toBeGreaterThan(0);
    for (const file of files) {
      expect(pageCount(file)).toBe(3); // 10 cards, 4 to a sheet
      const text = squash(pdfText(file));
      for (let i = 1; i <= 10; i++) expect(text).toContain(`MB-2024-${String(i).padStart(6, '0')}`);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
      // One subset per face for the whole file, whatever the number of passes.
      expect(new Set(fonts.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))).size).toBe(fonts.length);
      expectQpdfClean(file);
    }
    // The child's refusals come back as the renderer's own errors, and an abort stops it.
    const bad = doc('assistance_card', 'zh', 11);
    (bad.data as AssistanceCardData).headName = '王\u{30000}';
    await expect(renderInChild([bad], { lang: 'zh', layout: 'cards' })).rejects.toBeInstanceOf(MissingGlyphsError);
    const controller = new AbortController();
    const running = renderInChild(docs, { lang: 'zh', layout: 'a4', signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(running).rejects.toThrow('stop');
  });

  it('one document per page with the a4 layout', async () => {
    const docs = Array.from({ length: 3 }, (_, i) => doc('assistance_card', 'en', i + 1));
    const file = await renderToFile('batch-en-a4', docs, 'en', 'a4');
    expect(pageCount(file)).toBe(3);
  });

  it('a long notice continues on further pages', async () => {
    const file = await renderToFile('notice-long-zh', [{ type: 'notice', data: notice('zh', 120) }], 'zh', 'a4');
    expect(pageCount(file)).toBeGreaterThan(1);
    const text = squash(pdfText(file));
    expect(text).toContain('120');
    expectQpdfClean(file);
  });

  it('refuses a card that does not fit, or prints it on A4 when asked to', async () => {
    const long = assistanceCard('en', 9);
    long.address = 'No. 18, Group 3, Liuwan Village (next to the old village committee; relocation site building 2, unit 3, room 401)';
    long.cadres.push({ name: '欧阳昇', unit: 'Employment Service Centre, Qinglan County Human Resources and Social Security Bureau', post: 'Deputy director', phone: '0851-5550102' });
    long.measures.push({ year: 2024, label: 'Education aid', detail: 'Rain and Dew programme grant 3,000 yuan; school meals programme; living allowance 625 yuan per term for the younger child' });
    long.incomes.push({ label: 'Ecological compensation', fen: 88000 });
    for (const g of long.guarantees) g.note = 'Verified by the village work team during the household visit in March; evidence filed in the archive';
    const docs: PrintableDoc[] = [{ type: 'assistance_card', data: long }, doc('assistance_card', 'en', 2)];

    const error = await renderDocuments(docs, { lang: 'en', layout: 'cards' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardOverflowError);
    expect((error as CardOverflowError).overflows.map((o) => o.serial)).toEqual(['MB-2024-000009']);

    const buffer = await renderDocuments(docs, { lang: 'en', layout: 'cards', cardOverflow: 'a4' });
    const file = path.join(dir, 'overflow-en-cards.pdf');
    fs.writeFileSync(file, buffer);
    // page 1: the sheet with the card that fits; then the long one on A4 (two pages, it is long)
    expect(pageCount(file)).toBe(3);
    const sheet = squash(execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }));
    expect(sheet).toContain('MB-2024-000002');
    expect(sheet).not.toContain('MB-2024-000009');
    const text = squash(pdfText(file));
    expect(text).toContain('15,164.56');
    expect(text).toContain('MB-2024-000009(continued)page2');
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await expect(
      renderDocuments([doc('assistance_card', 'zh')], { lang: 'zh', layout: 'a4', signal: controller.signal }),
    ).rejects.toThrow('user cancelled');
  });
});

/** zbarimg (zbar-tools) is optional: when it is installed, the QR codes are decoded too. */
const hasZbar = (() => {
  try {
    execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('QR codes', () => {
  it.skipIf(!hasZbar)('decode to CL|<docType>|<archiveNo or certificateNo>|<serial>, also at card size', async () => {
    const docs: PrintableDoc[] = [doc('assistance_card', 'zh', 1), doc('health_card', 'zh', 2), doc('share_certificate', 'zh', 3)];
    const file = await renderToFile('qr-zh-cards', docs, 'zh', 'cards');
    const png = path.join(dir, 'qr-zh-cards');
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, png]);
    const decoded = execFileSync('zbarimg', ['-q', '--raw', `${png}-1.png`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean)
      .sort();
    expect(decoded).toEqual([
      'CL|assistance_card|523027010100001|MB-2024-000001',
      'CL|health_card|523027010100002|JK-2024-000002',
      'CL|share_certificate|QL-PV-2024-0003|GQ-2024-000003',
    ]);
  });
});

describe('missing glyphs', () => {
  it('findMissingGlyphs reports what the font cannot draw and ignores whitespace', () => {
    expect(findMissingGlyphs(['林堃 喆\n玥\t昇', 'Abc 1,234.56 “”（）'])).toEqual([]);
    expect(findMissingGlyphs(['林\u{20000}堃', '\uE000', '\u{20000}'])).toEqual(['\u{20000}', '\uE000']);
  });

  it.each([
    ['CJK Extension B', '林\u{20000}', 'U+20000'],
    ['private use', '周\uE000', 'U+E000'],
  ])('refuses to print a name with a %s character', async (_kind, name, codePoint) => {
    const data = assistanceCard('zh', 3);
    data.headName = name;
    const char = [...name][1] as string;
    const error = await renderDocuments([doc('health_card', 'zh'), { type: 'assistance_card', data }], {
      lang: 'zh',
      layout: 'cards',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingGlyphsError);
    const missing = error as MissingGlyphsError;
    expect(missing.characters).toEqual([char]);
    expect(missing.occurrences).toEqual([{ char, codePoint, docType: 'assistance_card', serial: 'MB-2024-000003' }]);
    expect(missing.message).toContain(codePoint);
    expect(missing.message).toContain('MB-2024-000003');
  });
});

describe('notice privacy guard', () => {
  it('refuses an ID number column', () => {
    const data = notice('zh');
    data.columns.push({ key: 'idNumber', label: '证件' });
    expect(() => assertNoticeIsPublic(data)).toThrow(NoticePrivacyError);
    expect(() => buildNotice(data, 'zh')).toThrow(/idNumber/);
  });

  it.each(['phone', 'bankAccount', 'health', 'disability', 'headPhone', 'id_number', 'memberHealthStatus'])(
    'refuses a %s column',
    (key) => {
      const data = notice('en');
      data.columns.push({ key, label: 'Extra' });
      expect(() => assertNoticeIsPublic(data)).toThrow(NoticePrivacyError);
    },
  );

  it('refuses a column whose label says ID number or phone, whatever its key', () => {
    const data = notice('zh');
    data.columns.push({ key: 'c5', label: '身份证号码' });
    expect(() => assertNoticeIsPublic(data)).toThrow(NoticePrivacyError);
  });

  it.each([
    ['an ID number', '52302719720314001X'],
    ['an ID number with spaces', '523027 19720314 0018'],
    ['a mobile number', '13912345678'],
    ['a mobile number with dashes', '139-1234-5678'],
  ])('refuses a cell holding %s', async (_what, value) => {
    const data = notice('zh');
    const row = data.rows[2];
    if (!row) throw new Error('fixture has rows');
    row.name = `韩喆 ${value}`;
    expect(() => assertNoticeIsPublic(data)).toThrow(/row 3, column "name"/);
    await expect(renderDocuments([{ type: 'notice', data }], { lang: 'zh', layout: 'a4' })).rejects.toBeInstanceOf(
      NoticePrivacyError,
    );
  });

  it('allows the office contact phone, even a mobile one', () => {
    const data = notice('zh');
    data.contact.phone = '13912345678';
    expect(() => assertNoticeIsPublic(data)).not.toThrow();
  });
});

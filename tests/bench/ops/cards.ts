/**
 * A batch of 1,000 assistance cards to one PDF (A4 layout, the print dialog's default): the view
 * models built from the ledger by db/certificates (assistanceCardData, one print context) and
 * rendered by electron/print's renderDocuments. If the builders are not there yet, realistic
 * synthetic AssistanceCardData from the ledger's households is rendered instead (said in the note).
 * ANCHOR: pdfmake rendering 1,000 minimal cards — one text line and a QR code each, one per page —
 * with the same font (Noto Sans SC, registered through electron/print/fonts).
 *
 * Also reports memory: first the batch path the app uses (view models built in this process, the
 * PDF drawn in a child process by electron/print/renderChild.ts): this process's peak is what the
 * main process holds during a batch, and the child's peak is reported beside it; then the peak of
 * rendering in this process (renderDocuments, laid out and drawn 100 documents at a time).
 */
import pdfmake from 'pdfmake';
import { openLedger, type Ledger } from '../../../db/ledger';
import type { Actor } from '../../../db/actor';
import { labelOf } from '../../../db/codes';
import { Harness, notAvailable } from '../lib/harness';
import { optionalFunction } from '../lib/optional';
import { cpuSpeedRatio, judgeBoth, judgeMax, judgeMin, speedRatio } from '../lib/report';
import { median } from '../lib/measure';
import type { OpResult, Series, Target } from '../lib/types';

const BATCH = 1000;
const ADMIN: Actor = { userId: 1, userName: 'admin', role: 'admin', method: 'certificates.print' };
const CARD_STATUSES = ['new_identified', 'poor', 'exited', 'returned', 'non_poor'];

type Doc = { type: 'assistance_card'; data: Record<string, unknown> & { serial: string; archiveNo: string; headName: string } };
type Render = (docs: Doc[], opts: { lang: 'zh'; layout: 'a4' }) => Promise<Buffer>;
type PrintContextFn = (l: Ledger, a: Actor, opts: { lang: 'zh'; layout: 'a4'; year: number }) => Record<string, unknown>;
type CardData = (l: Ledger, householdId: number, ctx: Record<string, unknown>, serial: string) => Doc['data'];

function pages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

const serialOf = (year: number, i: number) => `AC-${year}-${String(i + 1).padStart(6, '0')}`;

/** Cards from household rows only, when db/certificates cannot build them yet. */
function syntheticCards(ledger: Ledger, ids: number[], year: number): Doc['data'][] {
  const get = ledger.sqlite.prepare(`SELECT h.*, v.name AS village, t.name AS township FROM households h JOIN villages v ON v.id = h.village_id
                                       JOIN townships t ON t.id = v.township_id WHERE h.id = ?`);
  return ids.map((id, i) => {
    const h = get.get(id) as Record<string, string | number | null>;
    return {
      serial: serialOf(year, i), archiveNo: String(h.archive_no), county: '示范县', township: String(h.township), village: String(h.village),
      group: String(h.group_name), headName: String(h.head_name), address: String(h.address), size: Number(h.size),
      attributeLabel: labelOf('householdAttribute', String(h.attribute), 'zh'), mainCauseLabel: labelOf('povertyCause', String(h.main_cause), 'zh'),
      otherCauseLabels: [], statusLabel: labelOf('householdStatus', String(h.status), 'zh'),
      guarantees: ['不愁吃', '不愁穿', '义务教育有保障', '基本医疗有保障', '住房安全有保障', '饮水安全有保障'].map((label) => ({ label, ok: true })),
      cadres: [{ name: '李建国', unit: '示范县农业农村局', post: '帮扶责任人', phone: '13900000000' }],
      measures: [{ year, label: '产业帮扶', detail: '发放产业奖补 2,000 元' }],
      incomes: [{ label: '产业奖补', fen: 200_000 }, { label: '教育资助', fen: 150_000 }],
      year, printedAt: `${year}-11-01T09:00:00+08:00`, printedBy: '管理员',
    };
  });
}

export async function run(h: Harness): Promise<OpResult[]> {
  const { ctx } = h;
  const batchBase = { id: 'cards.batch', group: ctx.group, label: `${BATCH.toLocaleString('en')} assistance cards → PDF` };
  const memoryBase = { id: 'cards.memory', group: ctx.group, label: `process memory, ${BATCH.toLocaleString('en')}-card batch` };
  if (!h.wants(batchBase.id) && !h.wants(memoryBase.id)) return [];
  const ledger = openLedger(ctx.ledgerFile, { mustExist: true });
  try {
    const render = await optionalFunction<Render>('electron/print/render.ts', 'renderDocuments');
    const registerFonts = await optionalFunction<() => void>('electron/print/fonts.ts', 'registerFonts');
    const FONT = 'NotoSansSC';
    const year = ctx.facts.years[ctx.facts.years.length - 1]!;
    const all = ledger.sqlite.prepare(`SELECT id FROM households WHERE status IN (${CARD_STATUSES.map(() => '?').join(', ')}) ORDER BY archive_no`).pluck().all(...CARD_STATUSES) as number[];
    const step = Math.max(1, Math.floor(all.length / BATCH));
    const ids = all.filter((_, i) => i % step === 0).slice(0, BATCH);

    let build: () => Doc['data'][];
    let how: string;
    try {
      const printContext = await optionalFunction<PrintContextFn>('db/certificates/context.ts', 'printContext');
      const cardData = await optionalFunction<CardData>('db/certificates/assistanceCard.ts', 'assistanceCardData');
      build = () => {
        const pc = printContext(ledger, ADMIN, { lang: 'zh', layout: 'a4', year });
        return ids.map((id, i) => cardData(ledger, id, pc, serialOf(year, i)));
      };
      how = 'db/certificates assistanceCardData + renderDocuments';
    } catch (err) {
      build = () => syntheticCards(ledger, ids, year);
      how = `synthetic AssistanceCardData + renderDocuments (builders: ${(err as Error).message})`;
    }

    // The batch path the app uses (electron/certificates/batch.ts): view models built here, the PDF
    // drawn in a child process (renderInChild). Measured first, before any in-process render, so
    // this process's peak is what the main process holds during a batch.
    let batchPath: { mainPeakMb: number; ms: number; child: { maxRssMb: number; cpuMs: number } | null } | null = null;
    let batchPathNote = '';
    try {
      type InChild = (docs: Doc[], opts: { lang: 'zh'; layout: 'a4'; onStats?: (s: { maxRssMb: number; cpuMs: number }) => void }) => Promise<Buffer>;
      const renderInChild = await optionalFunction<InChild>('electron/print/renderChild.ts', 'renderInChild');
      h.sampler.reset();
      const t0 = performance.now();
      let child: { maxRssMb: number; cpuMs: number } | null = null;
      const data = build();
      await renderInChild(data.map((d) => ({ type: 'assistance_card', data: d })), { lang: 'zh', layout: 'a4', onStats: (st) => { child = st; } });
      batchPath = { mainPeakMb: Math.round(h.sampler.peakMb()), ms: performance.now() - t0, child };
      const c = batchPath.child as { maxRssMb: number; cpuMs: number } | null;
      batchPathNote = `batch path (PDF drawn in a child process): this process peaked at ${batchPath.mainPeakMb} MB; the child at ${c?.maxRssMb ?? '?'} MB ` +
        `(CPU ${c?.cpuMs ?? '?'} ms), ${(batchPath.ms / 1000).toFixed(1)} s in all`;
    } catch (err) {
      batchPathNote = `batch path not measured: ${(err as Error).message}`;
    }

    let pageCount = 0;
    const buildMs: number[] = [];
    const firstPeak: number[] = [];
    const minimal = async () => {
      registerFonts();
      const content = ids.map((_, i) => [
        { text: `示范县 帮扶明白卡 ${serialOf(year, i)} 户主 林海 档案号 552999101${String(i).padStart(6, '0')}`, pageBreak: i ? ('before' as const) : undefined },
        { qr: `CL|assistance_card|552999101${String(i).padStart(6, '0')}|${serialOf(year, i)}`, fit: 72, eccLevel: 'M' as const },
      ]);
      const pdf = await pdfmake.createPdf({ pageSize: 'A4', defaultStyle: { font: FONT, fontSize: 10 }, content }).getBuffer();
      return { units: pages(pdf) };
    };
    const pair = await h.pair(
      async () => {
        const t0 = performance.now();
        const data = build();
        buildMs.push(performance.now() - t0);
        const pdf = await render(data.map((d) => ({ type: 'assistance_card', data: d })), { lang: 'zh', layout: 'a4' });
        pageCount = pages(pdf);
        if (!firstPeak.length) firstPeak.push(h.sampler.peakMb());
        return { units: pageCount };
      },
      minimal,
      { runs: ctx.heavyRuns ?? ctx.runs, unit: 'pages' },
    );
    const op: Series = pair.op;
    const result: OpResult = {
      ...batchBase, status: 'ok', op, anchor: pair.anchor, anchorLabel: 'pdfmake minimal card (text + QR), same font',
      anchorStatus: pair.anchorError ? 'error' : 'ok', anchorNote: pair.anchorError, judge: 'rate',
      note: `${how}; ${pageCount} pages; building the ${ids.length} view models took ${median(buildMs).toFixed(0)} ms of it`,
      extra: { buildMs, pages: pageCount },
    };
    const judge = (ms: number, ratio: number | null): Target => {
      const byRate = judgeMin(op.units ? op.units / (ms / 1000) : 0, 50, '≥ 50 pages/s and ≥ 60% of minimal', ' pages/s');
      const byRatio = ratio === null ? null : ratio >= 0.6;
      const met = byRate.met && byRatio !== false;
      return {
        text: byRate.text, met,
        ...(met ? {} : { miss: [byRate.miss, byRatio === false ? `${((ratio ?? 0) * 100).toFixed(0)}% of the minimal-card rate` : ''].filter(Boolean).join('; ') }),
      };
    };
    result.target = judgeBoth(judge(median(op.ms), speedRatio(result)), op.cpuMs?.length ? judge(median(op.cpuMs), cpuSpeedRatio(result)) : null);
    const out: OpResult[] = [];
    if (h.wants(batchBase.id)) out.push(result);
    if (h.wants(memoryBase.id)) {
      const inProcess = Math.round(firstPeak[0] ?? op.peakRssMb ?? 0);
      // The main process during a batch: the batch path when it could be measured.
      const peak = batchPath?.mainPeakMb ?? inProcess;
      out.push({
        ...memoryBase, status: 'ok', op: { ms: [], peakRssMb: peak }, anchorLabel: '—', judge: 'peak',
        target: (() => {
          const t = judgeMax(peak, 400, '≤ 400 MB');
          // Memory does not depend on the machine's load: the same verdict both ways.
          return { ...t, cpuMet: t.met, ...(t.met ? {} : { miss: `${peak} MB, ${(peak / 400).toFixed(2)}× the limit` }) };
        })(),
        note: `${batchPathNote}; rendering in this process instead (renderDocuments, chunks of 100 documents) peaked at ${inProcess} MB; the Electron main process adds its own baseline`,
      });
    }
    return out;
  } catch (err) {
    return [notAvailable(batchBase, err)];
  } finally {
    ledger.close();
  }
}

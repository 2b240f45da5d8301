/**
 * renderDocuments: typed view models → one PDF (Buffer).
 *
 * Plain Node module (no Electron): runs in Node, in worker threads, in the print child process
 * (renderChild.ts) and in the Electron main process. Layout and drawing are synchronous pdfmake
 * passes of RENDER_CHUNK documents each, so a large batch belongs off the main thread; the
 * AbortSignal is honoured between chunks and while pages are drawn.
 */
import type { CanvasElement, Content, ContentSection, Node } from 'pdfmake/interfaces';
import { openChunkedPdf } from './engine';
import type { DocType, Lang, Layout, PrintableDoc } from './types';
import { FONT_FAMILY, codePointName, findMissingGlyphs, registerFonts } from './fonts';
import { labelsFor } from './labels';
import { A4, A4_MARGINS, CARD, COLORS, MM } from './documents/common';
import { clearQrCache } from './documents/qrCode';
import { buildAssistanceCard } from './documents/assistanceCard';
import { buildHealthCard } from './documents/healthCard';
import { buildShareCertificate } from './documents/shareCertificate';
import { buildNotice } from './documents/notice';

export type { DocType, Lang, Layout, PrintableDoc } from './types';

export interface RenderOptions {
  lang: Lang;
  layout: Layout;
  /** `done` documents of `total` drawn (called from the rendering thread, monotonically). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Cards layout only: what to do with a card whose content is taller than the card.
   * `error` (default) throws CardOverflowError; `a4` prints it on its own A4 page after the sheets.
   */
  cardOverflow?: 'error' | 'a4';
  /** Documents per pdfmake pass (default RENDER_CHUNK); tests and the benchmark compare sizes. */
  chunk?: number;
}

export interface MissingGlyph {
  /** the character that cannot be drawn */
  char: string;
  /** e.g. "U+20000" */
  codePoint: string;
  docType: DocType;
  serial: string;
}

/** Thrown instead of printing empty boxes when the font cannot draw some characters. */
export class MissingGlyphsError extends Error {
  /** distinct characters, in order of first appearance */
  readonly characters: string[];
  readonly occurrences: MissingGlyph[];

  constructor(occurrences: MissingGlyph[]) {
    const characters = [...new Set(occurrences.map((o) => o.char))];
    const perChar = characters.map((ch) => {
      const docs = occurrences.filter((o) => o.char === ch).map((o) => `${o.docType} ${o.serial}`);
      const shown = docs.slice(0, 5).join(', ') + (docs.length > 5 ? ` and ${docs.length - 5} more` : '');
      return `"${ch}" (${codePointName(ch)}) in ${shown}`;
    });
    super(`The print font (Noto Sans SC) cannot draw ${characters.length} character(s): ${perChar.join('; ')}`);
    this.name = 'MissingGlyphsError';
    this.characters = characters;
    this.occurrences = occurrences;
  }
}

/** Thrown when a card's content is taller than the card (print those documents with the A4 layout). */
export class CardOverflowError extends Error {
  readonly overflows: { docType: DocType; serial: string; excessMm: number }[];

  constructor(overflows: { docType: DocType; serial: string; excessMm: number }[]) {
    super(
      `${overflows.length} card(s) do not fit on a card and would overlap the next one: ` +
        overflows.map((o) => `${o.docType} ${o.serial} (${o.excessMm.toFixed(1)} mm too tall)`).join(', ') +
        ". Print them with the A4 layout, or pass cardOverflow: 'a4'.",
    );
    this.name = 'CardOverflowError';
    this.overflows = overflows;
  }
}

/** Content of one document (no page placement). Cards are sized for the layout. */
export function buildDocument(doc: PrintableDoc, lang: Lang, layout: Layout): Content {
  switch (doc.type) {
    case 'assistance_card':
      return buildAssistanceCard(doc.data, lang, layout);
    case 'health_card':
      return buildHealthCard(doc.data, lang, layout);
    case 'share_certificate':
      return buildShareCertificate(doc.data, lang, layout);
    case 'notice':
      return buildNotice(doc.data, lang, layout);
  }
}

/** Cards are cut out of the sheet; notices are posted as A4 pages. */
export function isCard(doc: PrintableDoc): boolean {
  return doc.type !== 'notice';
}

function docTitle(doc: PrintableDoc, lang: Lang): string {
  const l = labelsFor(lang);
  switch (doc.type) {
    case 'assistance_card':
      return `${l.assistance.title} ${doc.data.headName}`;
    case 'health_card':
      return `${l.health.title} ${doc.data.headName}`;
    case 'share_certificate':
      return `${l.share.title} ${doc.data.holderName}`;
    case 'notice':
      return doc.data.title;
  }
}

/** Every string pdfmake will draw with the font (QR payloads are drawn as modules, not glyphs). */
export function collectTexts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    out.push(node);
  } else if (typeof node === 'number') {
    out.push(String(node));
  } else if (Array.isArray(node)) {
    for (const item of node) collectTexts(item, out);
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    for (const key of TEXT_KEYS) {
      if (key in obj) collectTexts(obj[key], out);
    }
  }
  return out;
}

const TEXT_KEYS = ['text', 'stack', 'columns', 'ul', 'ol', 'section', 'table', 'body'];

/** Replaces, in place, every string pdfmake will draw (same walk as collectTexts). */
function rewriteTexts(node: unknown, fn: (text: string) => string): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (typeof item === 'string') node[i] = fn(item);
      else rewriteTexts(item, fn);
    });
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    for (const key of TEXT_KEYS) {
      const value = obj[key];
      if (typeof value === 'string') obj[key] = fn(value);
      else if (value !== undefined) rewriteTexts(value, fn);
    }
  }
}

/**
 * Noto Sans SC has only CJK-style (wide) curly quotes; in English documents they would leave gaps
 * ("People’ s"), so they are printed as straight quotes.
 */
function straightQuotes(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

// ---------------------------------------------------------------------------------------------
// Page placement

const CUT_MARK = { offset: 0.8 * MM, length: 2.2 * MM, width: 0.35 };

function slotOrigin(index: number): { x: number; y: number } {
  const col = index % 2;
  const row = Math.floor(index / 2) % 2;
  return {
    x: CARD.margin + col * (CARD.width + CARD.gutter),
    y: CARD.margin + row * (CARD.height + CARD.gutter),
  };
}

function line(x1: number, y1: number, x2: number, y2: number, lineWidth: number, lineColor: string): CanvasElement {
  return { type: 'line', x1, y1, x2, y2, lineWidth, lineColor };
}

function rect(x: number, y: number, w: number, h: number, lineWidth: number, lineColor: string): CanvasElement {
  return { type: 'rect', x, y, w, h, lineWidth, lineColor };
}

/** Double frame of a card plus crop marks pointing outwards from its four corners. */
function cardDecoration(index: number): CanvasElement[] {
  const { x, y } = slotOrigin(index);
  const w = CARD.width;
  const h = CARD.height;
  const out: CanvasElement[] = [];
  const f1 = 2 * MM;
  const f2 = 2.7 * MM;
  out.push(rect(x + f1, y + f1, w - 2 * f1, h - 2 * f1, 0.9, COLORS.title));
  out.push(rect(x + f2, y + f2, w - 2 * f2, h - 2 * f2, 0.3, COLORS.title));
  const { offset: o, length: len, width: lw } = CUT_MARK;
  for (const [cx, cy, dx, dy] of [
    [x, y, -1, -1],
    [x + w, y, 1, -1],
    [x, y + h, -1, 1],
    [x + w, y + h, 1, 1],
  ] as const) {
    out.push(line(cx + dx * o, cy, cx + dx * (o + len), cy, lw, '#000000')); // horizontal, along the cut of the edge
    out.push(line(cx, cy + dy * o, cx, cy + dy * (o + len), lw, '#000000')); // vertical
  }
  return out;
}

const START_ID = 'cl-card-start-';
const END_ID = 'cl-card-end-';

function marker(id: string): Content {
  return { text: ' ', fontSize: 1, lineHeight: 1, id };
}

interface PlacedCard {
  docIndex: number;
  content: Content;
}

function cardSheet(cards: PlacedCard[]): ContentSection {
  const items: Content[] = [
    { canvas: cards.flatMap((_, i) => cardDecoration(i)), absolutePosition: { x: 0, y: 0 } },
  ];
  cards.forEach(({ docIndex, content }, i) => {
    const { x, y } = slotOrigin(i);
    items.push({
      absolutePosition: { x: x + CARD.padding, y: y + CARD.padding },
      columns: [
        {
          width: CARD.width - 2 * CARD.padding,
          // Markers (1 pt spaces) tell where the card's content starts and ends; see checkCardFit.
          stack: [marker(`${START_ID}${docIndex}`), content, marker(`${END_ID}${docIndex}`)],
        },
      ],
    });
  });
  return { section: items, pageSize: 'A4', pageOrientation: 'portrait', pageMargins: [0, 0, 0, 0] };
}

function a4Frame(): Content {
  const f1 = 10 * MM;
  const f2 = 11 * MM;
  return {
    canvas: [
      rect(f1, f1, A4.width - 2 * f1, A4.height - 2 * f1, 1.2, COLORS.title),
      rect(f2, f2, A4.width - 2 * f2, A4.height - 2 * f2, 0.4, COLORS.title),
    ],
  };
}

/**
 * One document on A4 pages. From its second page on, every page says whose continuation it is
 * (serial and page number within the document), so loose pages of a long notice can be matched.
 */
function a4Page(content: Content, framed: boolean, serial: string, lang: Lang): ContentSection {
  let firstPage: number | undefined;
  return {
    section: content,
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: A4_MARGINS,
    background: framed ? a4Frame() : null,
    // pdfmake adds footers page by page in order, after layout: the first call is this section's
    // first page.
    footer: (currentPage: number): Content => {
      firstPage ??= currentPage;
      const n = currentPage - firstPage + 1;
      if (n < 2) return { text: '' };
      return {
        text: lang === 'zh' ? `${serial}（续）第 ${n} 页` : `${serial} (continued) page ${n}`,
        fontSize: 7.5,
        color: COLORS.muted,
        alignment: 'right',
        margin: [A4_MARGINS[0], 14, A4_MARGINS[2], 0],
      };
    },
  };
}

/** Sections of the whole print: cards 4 to a sheet (layout `cards`), everything else one per page. */
function placeDocuments(
  docs: PrintableDoc[],
  contents: Content[],
  layout: Layout,
  lang: Lang,
  asA4: Set<number>,
): ContentSection[] {
  const sections: ContentSection[] = [];
  const late: ContentSection[] = [];
  let sheet: PlacedCard[] = [];
  const flush = (): void => {
    if (sheet.length) sections.push(cardSheet(sheet));
    sheet = [];
  };
  docs.forEach((doc, i) => {
    const content = contents[i] as Content;
    if (asA4.has(i)) {
      late.push(a4Page(content, true, doc.data.serial, lang));
    } else if (layout === 'cards' && isCard(doc)) {
      sheet.push({ docIndex: i, content });
      if (sheet.length === 4) flush();
    } else {
      flush();
      sections.push(a4Page(content, isCard(doc), doc.data.serial, lang));
    }
  });
  flush();
  return [...sections, ...late];
}

/**
 * pdfmake hands every laid-out node to `pageBreakBefore`; we never ask for a break, we only read
 * where each card starts and ends and record the cards whose content runs past the card.
 */
function checkCardFit(docs: PrintableDoc[], overflows: Overflow[]): (node: Node) => boolean {
  const starts = new Map<number, { page: number; top: number }>();
  const limit = CARD.height - 2 * CARD.padding + 0.5;
  return (node: Node): boolean => {
    const id = node.id;
    if (!id || !id.startsWith('cl-card-')) return false;
    if (id.startsWith(START_ID)) {
      starts.set(Number(id.slice(START_ID.length)), { page: node.startPosition.pageNumber, top: node.startPosition.top });
    } else if (id.startsWith(END_ID)) {
      const index = Number(id.slice(END_ID.length));
      const start = starts.get(index);
      const doc = docs[index];
      if (!start || !doc) return false;
      // A card that ran off the sheet continues on the next page: count the part on each page.
      const height =
        node.startPosition.pageNumber === start.page
          ? node.startPosition.top - start.top
          : A4.height - start.top + node.startPosition.top;
      if (height > limit) {
        const excess = (height - limit) / MM;
        overflows.push({ docIndex: index, docType: doc.type, serial: doc.data.serial, excessMm: excess });
      }
    }
    return false;
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface Overflow {
  docIndex: number;
  docType: DocType;
  serial: string;
  excessMm: number;
}

function checkMissingGlyphs(docs: PrintableDoc[], contentOf: (i: number) => Content, indices: Iterable<number>): void {
  const missing: MissingGlyph[] = [];
  for (const i of indices) {
    const doc = docs[i] as PrintableDoc;
    for (const char of findMissingGlyphs(collectTexts(contentOf(i)))) {
      missing.push({ char, codePoint: codePointName(char), docType: doc.type, serial: doc.data.serial });
    }
  }
  if (missing.length) throw new MissingGlyphsError(missing);
}

function documentTitle(docs: PrintableDoc[], lang: Lang): string {
  const first = docs[0] as PrintableDoc;
  if (docs.length === 1) return `${docTitle(first, lang)} ${first.data.serial}`;
  return lang === 'zh' ? `${docTitle(first, lang)} 等 ${docs.length} 份` : `${docTitle(first, lang)} and ${docs.length - 1} more`;
}

/** Documents laid out and drawn per pdfmake pass (a multiple of 4: card sheets are never split). */
export const RENDER_CHUNK = 100;

/**
 * Renders documents into one PDF. Throws MissingGlyphsError (nothing printed) when a text contains
 * a character the font cannot draw, NoticePrivacyError when a notice would show private data, and,
 * with the cards layout, CardOverflowError when a card's content does not fit on the card (unless
 * `cardOverflow: 'a4'`, which prints those documents on A4 pages after the card sheets instead).
 *
 * Every document is built and checked first (glyphs, privacy); then the documents are laid out and
 * drawn RENDER_CHUNK at a time into one pdfkit document (engine.ts), so memory stays that of one
 * chunk whatever the size of the batch.
 */
export async function renderDocuments(docs: PrintableDoc[], opts: RenderOptions): Promise<Buffer> {
  try {
    return await renderAll(docs, opts);
  } finally {
    // QR codes are generated once per document while it is built twice (documents/common.ts).
    clearQrCache();
  }
}

async function renderAll(docs: PrintableDoc[], opts: RenderOptions): Promise<Buffer> {
  const { lang, layout, onProgress, signal } = opts;
  if (docs.length === 0) throw new Error('Nothing to print: no documents were given');
  signal?.throwIfAborted();
  registerFonts();

  const build = (doc: PrintableDoc, docLayout: Layout): Content => {
    const content = buildDocument(doc, lang, docLayout);
    if (lang === 'en') rewriteTexts(content, straightQuotes);
    return content;
  };
  // Build and check everything before a page is drawn (the built content is not kept: pdfmake
  // annotates what it lays out, so each chunk is built afresh below).
  checkMissingGlyphs(docs, (i) => build(docs[i] as PrintableDoc, layout), docs.keys());

  const total = docs.length;
  let reported = 0;
  const report = (done: number): void => {
    if (done > reported) {
      reported = done;
      onProgress?.(done, total);
    }
  };
  const stop = (): void => {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('Print aborted');
  };

  const pdf = openChunkedPdf({
    info: {
      title: documentTitle(docs, lang),
      creator: 'County Ledger',
      producer: 'County Ledger (pdfmake)',
      subject: [...new Set(docs.map((d) => d.type))].join(', '),
    },
    language: lang === 'zh' ? 'zh-CN' : 'en-US',
    // Every page belongs to a section with its own margins; this is only pdfmake's default.
    pageMargins: A4_MARGINS,
    defaultStyle: {
      font: FONT_FAMILY,
      fontSize: 10,
      lineHeight: 1,
      color: COLORS.text,
      // Noto Sans SC draws quotes and apostrophes full-width (the CJK convention); English text
      // wants them proportional.
      ...(lang === 'en' ? { fontFeatures: ['palt'] as const } : {}),
    },
  });

  const tooTall: Overflow[] = [];
  const per = Math.max(4, Math.floor((opts.chunk ?? RENDER_CHUNK) / 4) * 4);
  for (let from = 0; from < total; from += per) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const chunk = docs.slice(from, from + per);
    let skip = new Set<number>();
    let pages;
    for (;;) {
      const overflows: Overflow[] = [];
      const kept = chunk.map((_, i) => i).filter((i) => !skip.has(i));
      const sections = placeDocuments(kept.map((i) => chunk[i] as PrintableDoc), kept.map((i) => build(chunk[i] as PrintableDoc, layout)), layout, lang, new Set());
      pages = pdf.layout(sections, layout === 'cards' ? checkCardFit(kept.map((i) => chunk[i] as PrintableDoc), overflows) : undefined);
      if (!overflows.length) break;
      // Indices of the overflows are within `kept`: back to the chunk, then to the batch.
      const found = overflows.map((o) => ({ ...o, docIndex: kept[o.docIndex] as number }));
      if ((opts.cardOverflow ?? 'error') === 'error' || skip.size > 0) {
        throw new CardOverflowError([...tooTall, ...found].map(({ docType, serial, excessMm }) => ({ docType, serial, excessMm })));
      }
      // Laid out again without them; they go on A4 pages after all the sheets.
      skip = new Set(found.map((o) => o.docIndex));
      tooTall.push(...found.map((o) => ({ ...o, docIndex: from + o.docIndex })));
    }
    const drawn = from;
    const size = chunk.length;
    pdf.draw(pages, (fraction) => {
      stop();
      report(Math.min(total, drawn + Math.floor(fraction * size)));
    });
  }

  if (tooTall.length) {
    const late = tooTall.map((o) => o.docIndex);
    const lateDocs = late.map((i) => docs[i] as PrintableDoc);
    const contents = lateDocs.map((doc) => build(doc, 'a4'));
    checkMissingGlyphs(lateDocs, (i) => contents[i] as Content, lateDocs.keys());
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const pages = pdf.layout(lateDocs.map((doc, i) => a4Page(contents[i] as Content, true, doc.data.serial, lang)));
    pdf.draw(pages, stop);
  }
  signal?.throwIfAborted();
  const buffer = await pdf.finish();
  report(total);
  return buffer;
}

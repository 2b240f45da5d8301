/**
 * pdfmake's own layout and drawing, one part of a document at a time, into ONE pdfkit document.
 *
 * `pdfmake.createPdf()` lays out the whole definition before it draws a page, so a batch of 1,000
 * cards keeps every laid-out node of every page alive at once (≈ 760 MB). Here the caller lays out
 * and draws a chunk of pages at a time (`layout` then `draw`); pdfkit writes each finished page to
 * its stream, so only one chunk's layout is ever in memory, and the fonts stay one subset per file.
 *
 * It uses the same classes createPdf() uses (pdfmake/js/{PDFDocument,LayoutBuilder,Renderer}),
 * configured as pdfmake's Printer configures them, with the fonts and access policy that
 * registerFonts() gave pdfmake. Plain Node (no Electron).
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, ContentSection, Node, Style, TDocumentDefinitions } from 'pdfmake/interfaces';

const nodeRequire = createRequire(import.meta.url);

interface LaidOutPage {
  items: unknown[];
  pageSize: { width: number; height: number };
}

interface PdfKitDoc {
  on(event: 'data', fn: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', fn: (err?: Error) => void): void;
  end(): void;
}

type Ctor<T> = new (...args: never[]) => T;

interface Engine {
  PDFDocument: Ctor<PdfKitDoc>;
  LayoutBuilder: Ctor<{
    registerTableLayouts(layouts: unknown): void;
    layoutDocument(...args: unknown[]): LaidOutPage[];
  }>;
  SVGMeasure: Ctor<object>;
  Renderer: Ctor<{ renderPages(pages: LaidOutPage[]): void }>;
  tableLayouts: unknown;
  normalizePageSize(size: unknown, orientation: unknown): { width: number; height: number };
  normalizePageMargin(margin: unknown): unknown;
}

let engine: Engine | undefined;

function loadEngine(): Engine {
  if (engine) return engine;
  const load = (name: string) => nodeRequire(`pdfmake/js/${name}`) as Record<string, unknown>;
  const pageSize = load('PageSize');
  engine = {
    PDFDocument: load('PDFDocument').default as Engine['PDFDocument'],
    LayoutBuilder: load('LayoutBuilder').default as Engine['LayoutBuilder'],
    SVGMeasure: load('SVGMeasure').default as Engine['SVGMeasure'],
    Renderer: load('Renderer').default as Engine['Renderer'],
    tableLayouts: load('tableLayouts').tableLayouts,
    normalizePageSize: pageSize.normalizePageSize as Engine['normalizePageSize'],
    normalizePageMargin: pageSize.normalizePageMargin as Engine['normalizePageMargin'],
  };
  return engine;
}

/** What pdfmake keeps on its singleton after addFonts / setLocalAccessPolicy (registerFonts). */
interface PdfmakeState {
  fonts: Record<string, unknown>;
  virtualfs: unknown;
  localAccessPolicy?: (path: string) => boolean;
  tableLayouts?: unknown;
}

export interface PdfShell {
  info: NonNullable<TDocumentDefinitions['info']>;
  language: string;
  pageMargins: [number, number, number, number];
  defaultStyle: Style;
}

export interface ChunkedPdf {
  /** Lays out one part (its own page numbering from 1); nothing is drawn yet. */
  layout(content: ContentSection[] | Content, pageBreakBefore?: (node: Node) => boolean): LaidOutPage[];
  /** Draws laid-out pages; `onItem(fraction)` after every drawn item (it may throw to stop). */
  draw(pages: LaidOutPage[], onItem?: (fraction: number) => void): void;
  /** Ends the document and returns the whole file. */
  finish(): Promise<Buffer>;
}

/** PDF metadata keys as pdfmake's Printer writes them (Title, Creator, …). */
function metadata(info: PdfShell['info']): Record<string, unknown> {
  const out: Record<string, unknown> = { Producer: 'pdfmake', Creator: 'pdfmake' };
  for (const [key, value] of Object.entries(info)) {
    if (value) out[key.charAt(0).toUpperCase() + key.slice(1)] = value;
  }
  return out;
}

export function openChunkedPdf(shell: PdfShell): ChunkedPdf {
  const e = loadEngine();
  const state = pdfmake as unknown as PdfmakeState;
  const pageSize = e.normalizePageSize('A4', 'portrait');
  const options = {
    size: [pageSize.width, pageSize.height],
    pdfVersion: '1.3',
    subset: undefined,
    tagged: false,
    displayTitle: false,
    compress: true,
    lang: shell.language,
    fontLayoutCache: true,
    bufferPages: false,
    autoFirstPage: false,
    info: metadata(shell.info),
    font: null,
  };
  const Doc = e.PDFDocument as unknown as new (...a: unknown[]) => PdfKitDoc;
  const doc = new Doc(state.fonts, {}, {}, {}, options, state.virtualfs, state.localAccessPolicy);
  // Read the stream as pdfkit writes it (page by page), so finished pages do not pile up unread.
  const chunks: Buffer[] = [];
  let failed: Error | undefined;
  doc.on('data', (chunk) => chunks.push(chunk));
  doc.on('error', (err) => {
    failed = err ?? new Error('PDF stream failed');
  });
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const margins = e.normalizePageMargin(shell.pageMargins);

  return {
    layout(content, pageBreakBefore) {
      const Builder = e.LayoutBuilder as unknown as new (...a: unknown[]) => InstanceType<Engine['LayoutBuilder']>;
      const builder = new Builder(pageSize, margins, new (e.SVGMeasure as unknown as new () => object)());
      builder.registerTableLayouts(e.tableLayouts);
      if (state.tableLayouts) builder.registerTableLayouts(state.tableLayouts);
      return builder.layoutDocument(content, doc, {}, shell.defaultStyle, undefined, undefined, undefined, undefined, pageBreakBefore);
    },
    draw(pages, onItem) {
      const R = e.Renderer as unknown as new (...a: unknown[]) => InstanceType<Engine['Renderer']>;
      new R(doc, onItem).renderPages(pages);
    },
    async finish() {
      doc.end();
      await ended;
      if (failed) throw failed;
      return Buffer.concat(chunks);
    },
  };
}

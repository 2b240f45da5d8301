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

interface PdfKitDrawing {
  page: object;
  lineWidth(w: number): void;
  undash(): void;
  lineJoin(j: string): void;
  lineCap(c: string): void;
  rect(x: number, y: number, w: number, h: number): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fillColor(color: unknown, opacity: number): void;
  strokeColor(color: unknown, opacity: number): void;
  resolveColor(color: unknown, fallback: string): unknown;
  fill(): void;
  stroke(): void;
  fillAndStroke(): void;
}

interface Vector {
  type: string;
  lineWidth?: number;
  dash?: unknown;
  lineJoin?: string;
  lineCap?: string;
  linearGradient?: unknown;
  color?: unknown;
  lineColor?: unknown;
  fillOpacity?: unknown;
  strokeOpacity?: unknown;
  r?: number;
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  points?: { x: number; y: number }[];
  closePath?: boolean;
}

interface LineItem {
  inlines: { opacity?: unknown; decoration?: unknown; background?: unknown }[];
}

/** What the last vectors drawn on `page` left set (undefined: not known). */
interface DrawState {
  page: object;
  lineWidth?: number;
  undashed?: boolean;
  lineJoin?: string;
  lineCap?: string;
  fill?: string;
  stroke?: string;
}

type RendererBase = new (doc: unknown, onItem?: (fraction: number) => void) => {
  pdfDocument: unknown;
  renderPages(pages: LaidOutPage[]): void;
  renderVector(vector: unknown): void;
  renderLine(line: unknown, x: number, y: number): void;
};

/**
 * pdfmake's Renderer sets the line width, dash, join, cap and colour (and, with the colour, an
 * opacity state) for every vector it draws, although table rules and QR modules come in long runs
 * with the same settings: a card's ~450 vectors were ~450 × 6 operators, each colour parsed twice.
 * This renderer draws plain vectors (rectangles, lines, polylines in one colour, no dash, gradient
 * or opacity) exactly as pdfmake does but leaves out an operator that would set what is already set
 * on the page; anything else goes to pdfmake's own code and forgets what was set. The drawing is
 * the same; the page's content stream is shorter.
 */
function stateKeepingRenderer(Base: RendererBase): RendererBase {
  const plainColor = (c: unknown) => c === undefined || c === null || typeof c === 'string';
  class StateKeepingRenderer extends Base {
    private state: DrawState | null = null;

    override renderVector(raw: unknown): void {
      const vector = raw as Vector;
      const simple =
        !vector.dash &&
        !vector.linearGradient &&
        vector.fillOpacity === undefined &&
        vector.strokeOpacity === undefined &&
        plainColor(vector.color) &&
        plainColor(vector.lineColor) &&
        ((vector.type === 'rect' && !vector.r) || vector.type === 'line' || vector.type === 'polyline');
      if (!simple) {
        this.state = null;
        super.renderVector(raw);
        return;
      }
      const doc = this.pdfDocument as PdfKitDrawing;
      let s = this.state;
      if (!s || s.page !== doc.page) s = this.state = { page: doc.page };
      const lineWidth = vector.lineWidth || 1;
      if (s.lineWidth !== lineWidth) doc.lineWidth((s.lineWidth = lineWidth));
      if (!s.undashed) {
        doc.undash();
        s.undashed = true;
      }
      const join = vector.lineJoin || 'miter';
      if (s.lineJoin !== join) doc.lineJoin((s.lineJoin = join));
      const cap = vector.lineCap || 'butt';
      if (s.lineCap !== cap) doc.lineCap((s.lineCap = cap));
      if (vector.type === 'rect') {
        doc.rect(vector.x as number, vector.y as number, vector.w as number, vector.h as number);
      } else if (vector.type === 'line') {
        doc.moveTo(vector.x1 as number, vector.y1 as number);
        doc.lineTo(vector.x2 as number, vector.y2 as number);
      } else {
        const points = vector.points ?? [];
        if (points.length) {
          const first = points[0] as { x: number; y: number };
          doc.moveTo(first.x, first.y);
          for (let i = 1; i < points.length; i++) doc.lineTo((points[i] as { x: number }).x, (points[i] as { y: number }).y);
          const last = points[points.length - 1] as { x: number; y: number };
          if (points.length > 1 && (vector.closePath || (first.x === last.x && first.y === last.y))) doc.closePath();
        }
      }
      const fill = vector.color as string | undefined;
      const stroke = vector.lineColor as string | undefined;
      if (fill && s.fill !== fill) {
        doc.fillColor(doc.resolveColor(fill, 'black'), 1);
        s.fill = fill;
      }
      if ((stroke || !fill) && s.stroke !== (stroke ?? '')) {
        doc.strokeColor(doc.resolveColor(stroke, 'black'), 1);
        s.stroke = stroke ?? '';
      }
      if (fill && stroke) doc.fillAndStroke();
      else if (fill) doc.fill();
      else doc.stroke();
    }

    override renderLine(line: unknown, x: number, y: number): void {
      super.renderLine(line, x, y);
      // Text sets the fill colour and both opacities (1 unless an inline says otherwise);
      // decorations and backgrounds draw with their own settings.
      const s = this.state;
      if (!s) return;
      s.fill = undefined;
      for (const inline of (line as LineItem).inlines) {
        if (inline.decoration || inline.background || (typeof inline.opacity === 'number' && inline.opacity !== 1)) {
          this.state = null;
          return;
        }
      }
    }
  }
  // Images, SVG, clips, vertical alignment, attachments, watermarks: forget what was set.
  for (const name of ['renderImage', 'renderSVG', 'renderAttachment', 'beginClip', 'endClip', 'beginVerticalAlignment', 'endVerticalAlignment', 'renderWatermark']) {
    const proto = StateKeepingRenderer.prototype as unknown as Record<string, unknown>;
    const base = (Base.prototype as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[name];
    if (typeof base !== 'function') continue;
    proto[name] = function (this: { state: DrawState | null }, ...args: unknown[]) {
      this.state = null;
      const out = base.apply(this, args);
      this.state = null;
      return out;
    };
  }
  return StateKeepingRenderer;
}

let fastRenderer: RendererBase | undefined;

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
      fastRenderer ??= stateKeepingRenderer(e.Renderer as unknown as RendererBase);
      new fastRenderer(doc, onItem).renderPages(pages);
    },
    async finish() {
      doc.end();
      await ended;
      if (failed) throw failed;
      return Buffer.concat(chunks);
    },
  };
}

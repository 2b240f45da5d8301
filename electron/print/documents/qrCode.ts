/** The QR code of a printed document, drawn as merged rectangles of pdfmake's own encoder. */
import { createRequire } from 'node:module';
import type { CanvasElement, Content } from 'pdfmake/interfaces';

// Not named `require`: electron-vite's ESM shim declares its own `require` in bundled chunks.
const nodeRequire = createRequire(import.meta.url);

interface QrRect {
  x: number;
  y: number;
  w: number;
  h: number;
}
let qrEncoder: { measure(node: { qr: string; fit: number; eccLevel: string }): { _canvas: QrRect[] } } | undefined;

/**
 * Dark modules (1 in an n × n matrix) as rectangles in module units: x, y, w, h, …. Each rectangle
 * takes the longest run from its first uncovered module, then every next row with the same run
 * (`transposed`: columns for rows).
 */
function mergeModules(matrix: Uint8Array, n: number, transposed: boolean): number[] {
  const at = transposed ? (x: number, y: number) => x * n + y : (x: number, y: number) => y * n + x;
  const taken = new Uint8Array(n * n);
  const free = (x: number, y: number) => matrix[at(x, y)] === 1 && taken[at(x, y)] === 0;
  const out: number[] = [];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!free(x, y)) continue;
      let w = 1;
      while (x + w < n && free(x + w, y)) w++;
      let h = 1;
      while (y + h < n) {
        let full = true;
        for (let i = 0; i < w && full; i++) full = free(x + i, y + h);
        if (!full) break;
        h++;
      }
      for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) taken[at(x + i, y + j)] = 1;
      if (transposed) out.push(y, x, h, w);
      else out.push(x, y, w, h);
    }
  }
  return out;
}

/**
 * Merged QR codes by payload, while one print is rendered: renderDocuments builds every document
 * twice (checked, then laid out a chunk at a time) and clears this when it is done.
 */
const qrCache = new Map<string, { size: number; rects: number[] }>();

/** Forgets the QR codes of the print just rendered (renderDocuments calls it). */
export function clearQrCache(): void {
  qrCache.clear();
}

/**
 * pdfmake's own QR code (`{ qr }` node) draws every dark module as a filled rectangle of its own:
 * about 550 vector items to lay out and draw for one card's code. This is the same code (pdfmake's
 * encoder, the same module size, background and position) with the dark modules merged into
 * rectangles (x, y, w, h, … in pt), less than half as many.
 */
function qrRects(payload: string, fit: number, eccLevel: string): { size: number; rects: number[] } {
  const key = `${eccLevel}|${fit}|${payload}`;
  const hit = qrCache.get(key);
  if (hit) return hit;
  qrEncoder ??= (nodeRequire('pdfmake/js/qrEnc') as { default: NonNullable<typeof qrEncoder> }).default;
  const [background, ...modules] = qrEncoder.measure({ qr: payload, fit, eccLevel })._canvas as [QrRect, ...QrRect[]];
  const size = background.w;
  const mod = modules[0]?.w ?? size;
  const n = Math.round(size / mod);
  const dark = new Uint8Array(n * n);
  for (const r of modules) dark[Math.round(r.y / mod) * n + Math.round(r.x / mod)] = 1;
  // Greedy, both ways (runs across then down, runs down then across); the fewer rectangles win.
  const across = mergeModules(dark, n, false);
  const down = mergeModules(dark, n, true);
  const out = (down.length < across.length ? down : across).map((v) => v * mod);
  const entry = { size, rects: out };
  qrCache.set(key, entry);
  return entry;
}

/** A QR code `fit` pt wide at most (whole-point modules, as pdfmake draws it), as a canvas node. */
export function qrCode(payload: string, fit: number, extra: { alignment?: 'left' | 'right' | 'center'; margin?: [number, number, number, number] } = {}): Content {
  const { size, rects } = qrRects(payload, fit, 'M');
  const canvas: CanvasElement[] = [{ type: 'rect', x: 0, y: 0, w: size, h: size, lineWidth: 0, color: '#fff' }];
  for (let i = 0; i < rects.length; i += 4) {
    canvas.push({ type: 'rect', x: rects[i] as number, y: rects[i + 1] as number, w: rects[i + 2] as number, h: rects[i + 3] as number, lineWidth: 0, color: '#000' });
  }
  return { canvas, ...extra };
}

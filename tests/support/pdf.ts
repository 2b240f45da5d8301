/** Reading real PDFs back with poppler and qpdf (and QR codes with zbarimg when installed). */
import { execFileSync } from 'node:child_process';

export function pdfText(file: string, opts: { first?: number; last?: number } = {}): string {
  const range = [...(opts.first ? ['-f', String(opts.first)] : []), ...(opts.last ? ['-l', String(opts.last)] : [])];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** pdftotext may put spaces between CJK characters; compare without whitespace. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

export function pdfPages(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

export interface FontRow {
  name: string;
  emb: string;
  sub: string;
}

export function pdfFonts(file: string): FontRow[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name type encoding emb sub uni object ID — the fixed columns read from the right.
      const parts = line.trim().split(/\s+/);
      const n = parts.length;
      return { name: parts[0] ?? '', emb: parts[n - 5] ?? '', sub: parts[n - 4] ?? '' };
    });
}

/** qpdf --check output (execFileSync throws on a non-zero exit). */
export function qpdfCheck(file: string): string {
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

export const hasZbar = (() => {
  try {
    execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Every QR code on one page, decoded. */
export function decodeQrCodes(file: string, page: number, pngPrefix: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', String(page), '-l', String(page), '-singlefile', file, pngPrefix]);
  return execFileSync('zbarimg', ['-q', '--raw', `${pngPrefix}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n')
    .filter(Boolean);
}

/** Words drawn (partly) outside their page — e.g. table columns pushed off an A4 page. */
export function wordsOffPage(file: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const off: string[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
    for (const m of page.matchAll(/<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)"[^>]*>([^<]*)<\/word>/g)) {
      if (Number(m[1]) < 0 || Number(m[2]) > width) off.push(m[3]!);
    }
  }
  return off;
}

/**
 * Fonts for printed documents.
 *
 * Every printed document uses Noto Sans SC (SIL OFL), which covers Simplified Chinese, Latin and the
 * usual punctuation. pdfkit embeds only the glyphs a document uses (subset, `ABCDEF+` prefix), so a
 * card stays small although the TTF files are ~10 MB each.
 *
 * Plain Node module: no Electron imports (runs in Node, worker threads and the Electron main process).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import pdfmake from 'pdfmake';

// Not named `require`: electron-vite's ESM shim declares its own `require` in bundled chunks.
const nodeRequire = createRequire(import.meta.url);

/** The pdfmake font family name used by every document definition. */
export const FONT_FAMILY = 'NotoSansSC';

export interface FontFiles {
  regular: string;
  bold: string;
}

/** Absolute paths of the Noto Sans SC Regular (400) and Bold (700) TTFs of the npm package. */
export function resolveFontFiles(): FontFiles {
  return {
    regular: nodeRequire.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: nodeRequire.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
}

let fontFiles: FontFiles | undefined;
let registered = false;

/**
 * Use other font files (e.g. copies under `resources/` in a packaged app). Must be called before the
 * first render; later calls throw so that one process never mixes two fonts.
 */
export function useFontFiles(files: FontFiles): void {
  if (registered && (files.regular !== fontFiles?.regular || files.bold !== fontFiles?.bold)) {
    throw new Error('Print fonts are already registered; useFontFiles() must be called before the first render');
  }
  fontFiles = { ...files };
}

export function getFontFiles(): FontFiles {
  fontFiles ??= resolveFontFiles();
  return fontFiles;
}

/**
 * Registers Noto Sans SC with pdfmake (once per process/worker) and locks pdfmake's resource access:
 * no URL is ever fetched and the only local files it may read are the two font files.
 */
export function registerFonts(): void {
  if (registered) return;
  const files = getFontFiles();
  pdfmake.addFonts({
    [FONT_FAMILY]: {
      normal: files.regular,
      bold: files.bold,
      // No italic faces exist for CJK; map them to the upright faces so `italics: true` cannot fail.
      italics: files.regular,
      bolditalics: files.bold,
    },
  });
  const allowed = new Set([files.regular, files.bold]);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => allowed.has(p));
  registered = true;
}

// ---------------------------------------------------------------------------------------------
// Glyph coverage (fontkit is the font engine pdfkit itself uses)

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface FontkitModule {
  create(buffer: Buffer, postscriptName?: string): FontkitFont;
}

let coverageFonts: FontkitFont[] | undefined;
const coverageCache = new Map<number, boolean>();

function loadFontkit(): FontkitModule {
  // fontkit is a dependency of pdfkit (which pdfmake uses); resolve it from there so that the same
  // copy is found whether or not npm hoisted it.
  const fromPdfkit = createRequire(nodeRequire.resolve('pdfkit'));
  return fromPdfkit('fontkit') as FontkitModule;
}

function getCoverageFonts(): FontkitFont[] {
  if (!coverageFonts) {
    const fontkit = loadFontkit();
    const files = getFontFiles();
    coverageFonts = [files.regular, files.bold].map((file) => fontkit.create(readFileSync(file)));
  }
  return coverageFonts;
}

function canDraw(codePoint: number): boolean {
  let ok = coverageCache.get(codePoint);
  if (ok === undefined) {
    ok = getCoverageFonts().every((font) => font.hasGlyphForCodePoint(codePoint));
    coverageCache.set(codePoint, ok);
  }
  return ok;
}

const WHITESPACE = /^\s$/u;

/**
 * Every distinct character of `texts` that Noto Sans SC (regular and bold) cannot draw, in order of
 * first appearance. Whitespace and line breaks are ignored. A lone surrogate counts as missing.
 */
export function findMissingGlyphs(texts: string[]): string[] {
  const missing: string[] = [];
  const seen = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      if (cp === undefined || seen.has(cp)) continue;
      seen.add(cp);
      if (WHITESPACE.test(ch)) continue;
      if (!canDraw(cp)) missing.push(ch);
    }
  }
  return missing;
}

/** `U+20000` style name of a character, for error messages. */
export function codePointName(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

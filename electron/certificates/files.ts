/**
 * Print files under `<dataDir>/prints`. A file is written under a temporary name first and gets its
 * real name only after the print is registered, so a name in the register always has its file and
 * a cancelled or failed print leaves nothing behind. Names are only ever what printFileName makes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { invalid, notFound } from '../../db/errors';
import { PRINT_FILE_PATTERN } from '../../db/certificates/serials';

export function printsDirOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'prints');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Number of pages of a PDF written by pdfkit (page objects are plain dictionaries there). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** The file's full path, refusing anything that is not a print file name. */
export function printFilePath(printsDir: string, fileName: string): string {
  if (!PRINT_FILE_PATTERN.test(fileName)) {
    invalid('fileName', `Not a print file name: ${JSON.stringify(fileName.slice(0, 80))}`, `不是打印文件名：${JSON.stringify(fileName.slice(0, 80))}`);
  }
  const dir = path.resolve(printsDir);
  const full = path.resolve(dir, fileName);
  if (path.dirname(full) !== dir) invalid('fileName', 'Not a print file name', '不是打印文件名');
  return full;
}

/** Writes the PDF under a temporary name; `commit` gives it its name, `discard` removes it. */
export function stagePrintFile(printsDir: string, fileName: string, pdf: Buffer): { commit(): string; discard(): void } {
  const final = printFilePath(printsDir, fileName);
  fs.mkdirSync(path.dirname(final), { recursive: true });
  const temp = path.join(path.dirname(final), `.${randomUUID()}.pdf.part`);
  fs.writeFileSync(temp, pdf, { flag: 'wx' });
  return {
    commit: () => {
      fs.renameSync(temp, final);
      return final;
    },
    discard: () => fs.rmSync(temp, { force: true }),
  };
}

export interface PrintFile {
  fileName: string;
  base64: string;
  bytes: number;
  sha256: string;
}

export function readPrintFile(printsDir: string, fileName: string): PrintFile {
  const full = printFilePath(printsDir, fileName);
  let data: Buffer;
  try {
    data = fs.readFileSync(full);
  } catch {
    return notFound('Print file', '打印文件', fileName);
  }
  return { fileName, base64: data.toString('base64'), bytes: data.length, sha256: sha256Hex(data) };
}

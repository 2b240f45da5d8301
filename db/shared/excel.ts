/**
 * exceljs, loaded the first time a workbook is written rather than when the host starts: loading
 * it costs about 0.4 s of CPU, and most starts and most calls never write a workbook
 * (docs/PERFORMANCE.md, "Web host ready"). Synchronous on purpose: the functions that write
 * workbooks run from their first statement to their first write without yielding to the event
 * loop, as they did with a top-level import, so no other call can slip in between (for example
 * while a statement is being iterated).
 *
 * Modules that need exceljs's types import them with `import type`, which loads nothing.
 */
import { createRequire } from 'node:module';

type ExcelJS = typeof import('exceljs');

let excel: ExcelJS | null = null;

/** The exceljs module (loaded once, then cached). */
export function loadExcel(): ExcelJS {
  excel ??= createRequire(import.meta.url)('exceljs') as ExcelJS;
  return excel;
}

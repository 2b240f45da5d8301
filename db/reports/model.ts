/**
 * A standard report as data: titled sections of typed columns. The PDF (electron/reports/pdf.ts)
 * and the .xlsx (xlsx.ts) are drawn from the same object, so they can never disagree.
 * PURE module (types and tiny helpers only).
 */
import type { Lang } from '../codes';

/** int: a count; money: integer fen; percent: basis points (1/100 of a percent). */
export type CellKind = 'text' | 'int' | 'money' | 'percent';
export type Cell = string | number | null;

export interface ReportColumn {
  header: string;
  kind: CellKind;
  /** Relative width in the PDF (default 1; text columns usually wider). */
  weight?: number;
}

export interface ReportSection {
  title: string;
  /** A line under the section title (what the figures cover). */
  note?: string;
  columns: ReportColumn[];
  rows: Cell[][];
  footer?: Cell[];
}

export interface Report {
  key: string;
  lang: Lang;
  title: string;
  /** Area, year, when it was made. */
  subtitle: string;
  /** File name without extension. */
  fileBase: string;
  /** Wide reports print on landscape pages. */
  landscape: boolean;
  sections: ReportSection[];
}

export const words = (lang: Lang) => (zh: string, en: string) => (lang === 'zh' ? zh : en);

/** Sum of one numeric column of rows (nulls count as 0). */
export function columnTotal(rows: Cell[][], index: number): number {
  return rows.reduce<number>((n, r) => n + (typeof r[index] === 'number' ? (r[index] as number) : 0), 0);
}

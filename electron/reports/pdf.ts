/**
 * A standard report (db/reports/model.ts) as a PDF: the print module's Noto Sans SC (embedded as a
 * subset) and its table building blocks, A4 portrait or landscape, numbered pages, in the report's
 * language. Plain Node (no Electron): runs in tests, the web host and the desktop alike.
 */
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { fail } from '../../db/errors';
import type { Cell, Report, ReportSection } from '../../db/reports/model';
import { cellText } from '../../db/reports/format';
import { FONT_FAMILY, findMissingGlyphs, registerFonts } from '../print/fonts';
import { collectTexts } from '../print/render';
import { A4, A4_MARGINS, COLORS, dataTable, metrics, sectionTitle, type Column, type Metrics } from '../print/documents/common';

function pageMetrics(report: Report, columns: number): Metrics {
  const base = metrics('a4');
  const width = (report.landscape ? A4.height : A4.width) - A4_MARGINS[0] - A4_MARGINS[2];
  const size = columns > 12 ? 6.8 : columns > 8 ? 7.8 : 9;
  return { ...base, width, base: size, small: size - 1, padX: columns > 12 ? 2 : 3, padY: 1.6, lineWidth: 0.5 };
}

function sectionContent(report: Report, section: ReportSection): Content[] {
  const m = pageMetrics(report, section.columns.length);
  const weights = section.columns.map((c) => c.weight ?? 1);
  const usable = m.width - section.columns.length * 2 * m.padX - (section.columns.length + 1) * m.lineWidth;
  const sum = weights.reduce((a, b) => a + b, 0);
  const columns: Column[] = section.columns.map((c, i) => ({
    header: c.header,
    width: Math.floor((usable * weights[i]!) / sum * 100) / 100,
    align: c.kind === 'text' ? 'left' : 'right',
  }));
  const cells = (row: Cell[], bold = false): TableCell[] =>
    section.columns.map((c, i) => {
      const text = cellText(c.kind, row[i] ?? null);
      return bold ? { text: text || ' ', bold: true, fontSize: m.base, alignment: c.kind === 'text' ? 'left' : 'right' } : text;
    });
  const body = section.rows.map((r) => cells(r));
  if (section.footer) body.push(cells(section.footer, true));
  const out: Content[] = [sectionTitle({ ...m, heading: 11, sectionGap: 12 }, section.title)];
  if (section.note) out.push({ text: section.note, fontSize: 7.5, color: COLORS.muted, margin: [0, 0, 0, 4] });
  out.push(body.length ? dataTable(m, columns, body) : { text: report.lang === 'zh' ? '（无数据）' : '(no data)', fontSize: m.base, color: COLORS.muted });
  return out;
}

export async function reportPdf(report: Report): Promise<Buffer> {
  registerFonts();
  const zh = report.lang === 'zh';
  const content: Content[] = [
    { text: report.title, bold: true, fontSize: 18, color: COLORS.title, alignment: 'center', characterSpacing: zh ? 3 : 0 },
    { text: report.subtitle, fontSize: 9, alignment: 'center', margin: [0, 4, 0, 6] },
    ...report.sections.flatMap((s) => sectionContent(report, s)),
  ];
  const missing = findMissingGlyphs(collectTexts(content));
  if (missing.length) {
    fail('RULE', `The print font cannot draw: ${missing.join(' ')}`, `打印字体无法显示以下字符：${missing.join(' ')}`);
  }
  const definition: TDocumentDefinitions = {
    info: { title: report.title, creator: 'County Ledger', producer: 'County Ledger (pdfmake)', subject: report.subtitle },
    language: zh ? 'zh-CN' : 'en-US',
    pageSize: 'A4',
    pageOrientation: report.landscape ? 'landscape' : 'portrait',
    pageMargins: A4_MARGINS,
    defaultStyle: { font: FONT_FAMILY, fontSize: 9, lineHeight: 1, color: COLORS.text, ...(zh ? {} : { fontFeatures: ['palt'] as const }) },
    footer: (page: number, pages: number): Content => ({
      text: zh ? `${report.title}  第 ${page} 页 / 共 ${pages} 页` : `${report.title}  page ${page} of ${pages}`,
      fontSize: 7.5,
      color: COLORS.muted,
      alignment: 'center',
      margin: [0, 16, 0, 0],
    }),
    content,
  };
  return pdfmake.createPdf(definition).getBuffer();
}

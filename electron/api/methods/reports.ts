import { method } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import { reportFileInput, reportInput } from '../../../db/reports/schemas';
import { buildReport } from '../../../db/reports/build';
import { reportXlsx } from '../../../db/reports/xlsx';

export const reportsMethods = {
  'reports.data': method({
    doc: 'A standard report (registry statistics, fund execution, asset income) for a year and area, as titled sections of typed columns.',
    input: reportInput,
    access: ANY_ROLE,
    run: (input, ctx) => buildReport(ctx.ledger, input),
  }),
  'reports.file': method({
    doc: 'A standard report as a file { fileName, mime, base64 }: a PDF with the embedded CJK font, or an .xlsx workbook, in the chosen language.',
    input: reportFileInput,
    access: ANY_ROLE,
    run: async (input, ctx) => {
      const report = buildReport(ctx.ledger, input);
      if (input.format === 'xlsx') return reportXlsx(report);
      // pdfmake and the fonts load on the first PDF, not when the host starts.
      const { reportPdf } = await import('../../reports/pdf');
      const pdf = await reportPdf(report);
      return { fileName: `${report.fileBase}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
    },
  }),
};

import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE, type Role } from '../../../db/roles';
import { printRequest, registerQuery, verifyInput } from '../../../db/certificates/schemas';
import { listPrints } from '../../../db/certificates/registerQueries';
import { verifyPrint } from '../../../db/certificates/verify';
import { PRINT_FILE_PATTERN } from '../../../db/certificates/serials';
import { printsDirOf, readPrintFile } from '../../certificates/files';

const PRINTERS: readonly Role[] = ['admin', 'registrar'];

/** Direct prints are drawn on the API thread; more documents go to a batch job. */
export const DIRECT_PRINT_MAX = 20;

export const certificatesMethods = {
  'certificates.print': method({
    doc: `Print up to ${DIRECT_PRINT_MAX} documents now (one household's card, a village notice): registers each print and returns the PDF as base64 for preview, saving and printing.`,
    input: printRequest,
    access: PRINTERS,
    run: async (input, ctx) => {
      // pdfmake and the fonts load on the first print, not when the host starts.
      const { issuePrints } = await import('../../certificates/issue');
      const r = await issuePrints(ctx.ledger, ctx.actor, input, { printsDir: printsDirOf(ctx.host.dataDir), maxDocs: DIRECT_PRINT_MAX });
      return { fileName: r.fileName, pages: r.pages, serials: r.serials, base64: r.pdf.toString('base64') };
    },
  }),
  'certificates.startBatch': method({
    doc: 'Print a village, township or list of households in a background job (progress and cancel through jobs.get / jobs.cancel); all prints are registered or none. The result names the PDF file.',
    input: printRequest,
    access: PRINTERS,
    run: (input, ctx) =>
      ctx.host.jobs.start('printBatch', { file: ctx.host.ledgerPath, printsDir: printsDirOf(ctx.host.dataDir), actor: ctx.actor, request: input }, ctx.session.id),
  }),
  'certificates.file': method({
    doc: 'A registered print file (by the file name a print or batch returned) as base64.',
    input: z.object({ fileName: z.string().max(60).regex(PRINT_FILE_PATTERN, 'Not a print file name') }),
    access: ANY_ROLE,
    run: (input, ctx) => readPrintFile(printsDirOf(ctx.host.dataDir), input.fileName),
  }),
  'certificates.verify': method({
    doc: 'Check a serial or the text of a card\'s QR code against the print register: valid, superseded by a reprint, unknown, or mismatch (forged).',
    input: verifyInput,
    access: ANY_ROLE,
    run: (input, ctx) => verifyPrint(ctx.ledger, input.text),
  }),
  'certificates.register': method({
    doc: 'The print register, newest first, filtered by type, year, village, household, serial/archive number/head name and date.',
    input: registerQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listPrints(ctx.ledger, input),
  }),
};

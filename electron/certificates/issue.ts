/**
 * Printing documents from the ledger, end to end: plan (view models) → serials → render → file →
 * register, all-or-nothing.
 *
 * 1. The view models are built from the ledger (db/certificates/plan.ts).
 * 2. The next free serials of the type and year are written into them and the PDF is rendered
 *    (progress after every document, cancel checked between documents). A character the font
 *    lacks, or private data on a notice, stops here: nothing is written or registered.
 * 3. The PDF is written under a temporary name, then ONE transaction registers every document with
 *    the serials it shows (and audits each print). If another print took those serials meanwhile,
 *    the file is discarded and the documents are rendered again with fresh serials.
 * 4. Only after the commit does the file get its name `<first serial>_<last serial>.pdf`.
 * Plain Node (no Electron): runs in the API process and in job worker threads.
 */
import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { fail } from '../../db/errors';
import { planPrint, type PrintPlan } from '../../db/certificates/plan';
import { printRequest, type PrintRequestInput } from '../../db/certificates/schemas';
import { nextSeq, registerPrints, serialsFrom, SerialsTakenError, type PrintRecord } from '../../db/certificates/register';
import { printFileName } from '../../db/certificates/serials';
import { renderDocuments } from '../print/render';
import { pdfPageCount, sha256Hex, stagePrintFile } from './files';
import { translateRenderError } from './renderErrors';

export interface IssueIo {
  progress(done: number, total: number): void;
  /** Throws (CANCELLED) once the user asked to stop. */
  checkCancelled(): void;
}

export interface IssueOptions {
  printsDir: string;
  io?: IssueIo;
  /** Refuse plans with more documents (direct prints answer on the API thread; batches are jobs). */
  maxDocs?: number;
  now?: Date;
  /**
   * `child`: draw the PDF in a separate process (electron/print/renderChild.ts) — batches do, so
   * that the process answering the window never holds a batch's layout. Default: this thread.
   */
  renderIn?: 'thread' | 'child';
}

export interface IssueResult {
  fileName: string;
  pages: number;
  serials: string[];
  records: PrintRecord[];
  pdf: Buffer;
}

const ATTEMPTS = 3;

async function render(plan: PrintPlan, io: IssueIo | undefined, renderIn: IssueOptions['renderIn']): Promise<Buffer> {
  const controller = new AbortController();
  const checkCancelled = () => {
    try {
      io?.checkCancelled();
    } catch (err) {
      controller.abort(err);
    }
  };
  checkCancelled();
  // Loaded on demand (and so kept in its own chunk of the build: the child imports that chunk).
  const draw = renderIn === 'child' ? (await import('../print/renderChild')).renderInChild : renderDocuments;
  try {
    return await draw(plan.docs.map((d) => d.doc), {
      lang: plan.lang,
      layout: plan.layout,
      // A household card too full for a card is printed on its own A4 page after the sheets.
      cardOverflow: 'a4',
      signal: controller.signal,
      onProgress: (done, total) => {
        io?.progress(done, total);
        checkCancelled();
      },
    });
  } catch (err) {
    if (controller.signal.aborted) throw controller.signal.reason;
    throw translateRenderError(err, plan.docs);
  }
}

export async function issuePrints(ledger: Ledger, actor: Actor, raw: PrintRequestInput, opts: IssueOptions): Promise<IssueResult> {
  const request = printRequest.parse(raw);
  const plan = planPrint(ledger, actor, request, opts.now);
  if (opts.maxDocs !== undefined && plan.docs.length > opts.maxDocs) {
    fail('RULE', `${plan.docs.length} documents: print more than ${opts.maxDocs} as a batch`, `共 ${plan.docs.length} 份，超过 ${opts.maxDocs} 份请使用批量打印`, { field: 'scope' });
  }
  for (let attempt = 1; ; attempt++) {
    const firstSeq = nextSeq(ledger, plan.docType, plan.year);
    const serials = serialsFrom(plan.docType, plan.year, firstSeq, plan.docs.length);
    plan.docs.forEach((d, i) => {
      d.doc.data.serial = serials[i]!;
    });
    const pdf = await render(plan, opts.io, opts.renderIn);
    const fileName = printFileName(serials);
    const staged = stagePrintFile(opts.printsDir, fileName, pdf);
    let records: PrintRecord[];
    try {
      opts.io?.checkCancelled();
      records = registerPrints(ledger, actor, {
        docType: plan.docType, year: plan.year, lang: plan.lang, layout: plan.layout,
        subjects: plan.docs.map((d) => d.subject), firstSeq,
        printedAt: plan.ctx.printedAt, fileName, fileSha256: sha256Hex(pdf),
      });
    } catch (err) {
      staged.discard();
      if (err instanceof SerialsTakenError && attempt < ATTEMPTS) continue;
      throw err;
    }
    staged.commit();
    return { fileName, pages: pdfPageCount(pdf), serials, records, pdf };
  }
}

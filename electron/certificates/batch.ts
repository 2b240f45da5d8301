/**
 * The batch-print job (electron/jobs/tasks.ts `printBatch`): its own ledger connection in the
 * worker thread, one all-or-nothing issuePrints, and a small result — the PDF stays on disk under
 * `<dataDir>/prints` and is fetched with certificates.file.
 *
 * The PDF itself is drawn in a child process (electron/print/renderChild.ts), so that the process
 * answering the window never holds a batch's layout. The child never opens the ledger: this worker
 * reads the ledger, builds the view models and sends them; the child sends the PDF back.
 */
import { openTaskLedger } from '../jobs/ledger';
import type { Actor } from '../../db/actor';
import type { PrintRequestInput } from '../../db/certificates/schemas';
import { issuePrints, type IssueIo } from './issue';

export interface PrintBatchArgs {
  /** The ledger file. */
  file: string;
  printsDir: string;
  actor: Actor;
  request: PrintRequestInput;
}

export interface PrintBatchResult {
  fileName: string;
  pages: number;
  count: number;
  serials: string[];
}

export async function runPrintBatch(args: PrintBatchArgs, io: IssueIo): Promise<PrintBatchResult> {
  const ledger = openTaskLedger(args.file);
  try {
    const { fileName, pages, serials } = await issuePrints(ledger, args.actor, args.request, { printsDir: args.printsDir, io, renderIn: 'child' });
    return { fileName, pages, count: serials.length, serials };
  } finally {
    ledger.close();
  }
}

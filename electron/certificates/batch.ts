/**
 * The batch-print job (electron/jobs/tasks.ts `printBatch`): its own ledger connection in the
 * worker thread, one all-or-nothing issuePrints, and a small result — the PDF stays on disk under
 * `<dataDir>/prints` and is fetched with certificates.file.
 */
import { openLedger } from '../../db/ledger';
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
  const ledger = openLedger(args.file, { mustExist: true });
  try {
    const { fileName, pages, serials } = await issuePrints(ledger, args.actor, args.request, { printsDir: args.printsDir, io });
    return { fileName, pages, count: serials.length, serials };
  } finally {
    ledger.close();
  }
}

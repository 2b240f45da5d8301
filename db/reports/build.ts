/** Any standard report as data, and as a file: .xlsx here, PDF through the caller's renderer. */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { reportInput, type ReportInput } from './schemas';
import type { Report } from './model';
import { registryStats } from './registryStats';
import { fundExecution } from './fundExecution';
import { assetSummary } from './assetSummary';

export function buildReport(ledger: Ledger, raw: z.input<typeof reportInput> | ReportInput): Report {
  const input = reportInput.parse(raw);
  switch (input.report) {
    case 'registry': return registryStats(ledger, input);
    case 'funds': return fundExecution(ledger, input);
    case 'assets': return assetSummary(ledger, input);
  }
}

/**
 * The check other exports call before they write a file: the error-severity findings in the
 * scope of the export. It never blocks an export by itself; the caller shows the count.
 */
import type { Ledger } from '../ledger';
import { forEachFinding } from './runner';
import type { QualityScope } from './schemas';
import type { Finding } from './types';

export function preExportCheck(ledger: Ledger, scope: QualityScope = {}): Finding[] {
  const out: Finding[] = [];
  forEachFinding(ledger, { severities: ['error'], scope }, (f) => out.push(f));
  return out;
}

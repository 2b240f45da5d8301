/** Read operations of the data-quality screens. */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { notFound } from '../errors';
import { RULE_BY_ID } from './rules';
import { ruleFindingsPage } from './runner';
import { findingsInput } from './schemas';

/** One page of one rule's findings in the scope. */
export function listFindings(ledger: Ledger, raw: z.input<typeof findingsInput>) {
  const q = findingsInput.parse(raw);
  const rule = RULE_BY_ID.get(q.ruleId) ?? notFound('Rule', '规则', q.ruleId);
  return ruleFindingsPage(ledger, rule, { townshipId: q.townshipId, villageId: q.villageId }, q.asOf, q.offset, q.limit);
}

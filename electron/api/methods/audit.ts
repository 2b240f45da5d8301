import { z } from 'zod';
import { method } from '../define';
import { verifyAuditChain } from '../../../db/audit';
import { auditQuery, listAudit } from '../../../db/system/auditQueries';
import { maskAuditPage } from '../../../db/privacy';

export const auditMethods = {
  'audit.list': method({
    doc: 'Browse the audit trail, newest first, filtered by entity, user, method or time; ID numbers, phones and bank accounts in before/after masked for roles that may not see them, and then without the row hash (which would let the masked digits be guessed); the stored rows are untouched.',
    input: auditQuery,
    access: ['admin', 'auditor'],
    run: (input, ctx) => maskAuditPage(ctx.actor.role, listAudit(ctx.ledger, input)),
  }),
  'audit.verify': method({
    doc: 'Walk the hash chain of the audit trail and report the first broken link.',
    input: z.object({}),
    access: ['admin', 'auditor'],
    run: (_input, ctx) => verifyAuditChain(ctx.ledger),
  }),
};

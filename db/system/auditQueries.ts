import { z } from 'zod';
import type { Ledger } from '../ledger';
import { pageInput, type Page } from '../shared/zod';

export const auditQuery = pageInput.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  userName: z.string().max(64).optional(),
  method: z.string().max(80).optional(),
  from: z.string().max(30).optional(),
  to: z.string().max(30).optional(),
});

export interface AuditRowView {
  seq: number;
  at: string;
  userName: string;
  method: string;
  entity: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
  /** null in answers to roles that see masked values (db/privacy.ts maskAuditPage). */
  hash: string | null;
}

export function listAudit(ledger: Ledger, raw: z.input<typeof auditQuery>): Page<AuditRowView> {
  const q = auditQuery.parse(raw);
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [key, column] of [['entity', 'entity'], ['entityId', 'entity_id'], ['userName', 'user_name'], ['method', 'method']] as const) {
    if (q[key]) {
      clauses.push(`${column} = @${key}`);
      params[key] = q[key];
    }
  }
  if (q.from) { clauses.push('at >= @from'); params.from = q.from; }
  if (q.to) { clauses.push('at < @to'); params.to = q.to; }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM audit_log ${where}`).pluck().get(params) as number;
  const rows = ledger.sqlite
    .prepare(`SELECT seq, at, user_name AS userName, method, entity, entity_id AS entityId, action, before, after, hash
              FROM audit_log ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as AuditRowView[];
  return { rows, total, offset: q.offset, limit: q.limit };
}

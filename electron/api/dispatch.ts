import { LedgerError } from '../../db/errors';
import { getUser } from '../../db/system/users';
import type { Actor } from '../../db/actor';
import type { Ledger } from '../../db/ledger';
import { api } from './table';
import type { MethodDef } from './define';
import type { CallContext, Session } from './context';
import type { LedgerHost } from './host';
import { toApiError, type ApiResult } from './result';

const forbidden = (method: string) =>
  new LedgerError('FORBIDDEN', { en: `Your role may not use ${method}`, zh: `您的角色无权执行 ${method}` });

function context(host: LedgerHost, session: Session, method: string): CallContext {
  const ledgerOrThrow = (): Ledger => {
    const ledger = host.ledger ?? host.openExisting();
    if (!ledger) throw new LedgerError('NO_LEDGER', { en: 'No ledger is open yet', zh: '尚未打开台账' });
    return ledger;
  };
  let actor: Actor | null = null;
  return {
    host,
    session,
    get ledger() {
      return ledgerOrThrow();
    },
    get actor(): Actor {
      if (actor) return actor;
      const user = session.userId === null ? null : getUser(ledgerOrThrow(), session.userId);
      if (!user || !user.active) throw new LedgerError('UNAUTHENTICATED', { en: 'Please sign in', zh: '请先登录' });
      actor = { userId: user.id, userName: user.username, role: user.role, method };
      return actor;
    },
  };
}

/**
 * The one way in: finds the method in the table (unknown names are refused), checks the caller's
 * role (deny by default), validates the input with the method's schema, runs it, and turns any
 * failure into a structured error.
 */
export async function dispatch(host: LedgerHost, session: Session, method: string, input: unknown): Promise<ApiResult<unknown>> {
  try {
    if (!Object.hasOwn(api, method)) {
      throw new LedgerError('NOT_FOUND', { en: `There is no method ${method}`, zh: `没有方法 ${method}` });
    }
    const def = api[method as keyof typeof api] as unknown as MethodDef;
    const ctx = context(host, session, method);
    if (def.access !== 'public') {
      const actor = ctx.actor;
      if (!def.access.includes(actor.role)) throw forbidden(method);
    }
    const parsed = def.input.parse(input ?? {});
    return { ok: true, value: await def.run(parsed, ctx) };
  } catch (err) {
    return { ok: false, error: toApiError(err, (e) => host.log(`${method} failed`, e)) };
  }
}

import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import type { LedgerHost } from './host';

export interface Session {
  readonly id: string;
  userId: number | null;
  lastSeen: number;
}

export interface CallContext {
  readonly host: LedgerHost;
  readonly session: Session;
  /** The open ledger; throws NO_LEDGER before one is opened. */
  readonly ledger: Ledger;
  /** The signed-in user acting through this method; throws UNAUTHENTICATED for anonymous calls. */
  readonly actor: Actor;
}

/**
 * The one error type that crosses the API boundary. Every refusal says, in both languages, what
 * is wrong and — for bad input — which field (and row, for imports) is at fault.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RULE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'LOCKED'
  | 'NO_LEDGER'
  | 'NEWER_SCHEMA'
  | 'MIGRATION_FAILED'
  | 'CORRUPT'
  | 'CANCELLED'
  | 'INTERNAL';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface ErrorDetail {
  field?: string;
  row?: number;
  /** For multi-row refusals (imports): every row and field at fault. */
  problems?: { row?: number; field: string; en: string; zh: string }[];
}

export class LedgerError extends Error {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly detail: ErrorDetail;

  constructor(code: ErrorCode, text: Bilingual, detail: ErrorDetail = {}) {
    super(text.en);
    this.name = 'LedgerError';
    this.code = code;
    this.zh = text.zh;
    this.detail = detail;
  }
}

export function fail(code: ErrorCode, en: string, zh: string, detail?: ErrorDetail): never {
  throw new LedgerError(code, { en, zh }, detail);
}

export function invalid(field: string, en: string, zh: string, row?: number): never {
  throw new LedgerError('INVALID_INPUT', { en, zh }, row === undefined ? { field } : { field, row });
}

export function notFound(what: string, whatZh: string, id: unknown): never {
  throw new LedgerError('NOT_FOUND', { en: `${what} ${String(id)} does not exist`, zh: `${whatZh} ${String(id)} 不存在` });
}

/**
 * Types the renderer uses to call the API, derived from the table so they are never written
 * twice. Import with `import type` only: the table itself is Node code.
 */
import type { z } from 'zod';
import type { api } from './table';

export type Api = typeof api;
export type MethodName = keyof Api;
export type ApiInput<M extends MethodName> = z.input<Api[M]['input']>;
export type ApiOutput<M extends MethodName> = Awaited<ReturnType<Api[M]['run']>>;
export type { ApiResult, ApiErrorValue } from './result';

/** The one function the preload puts on window. */
export interface CountyLedgerBridge {
  call(method: string, input: unknown): Promise<import('./result').ApiResult<unknown>>;
  /** Desktop only (electron/main/print.ts): print a file of the print register to the office printer. */
  printFile?(fileName: string, options?: { silent?: boolean; deviceName?: string; copies?: number }): Promise<{ ok: true } | { ok: false; reason: string; zh: string }>;
}
export const BRIDGE_NAME = 'countyLedger';
export const IPC_CHANNEL = 'county-ledger:api';
/** The channel of `printFile` (electron/main/print.ts answers it). */
export const PRINT_FILE_CHANNEL = 'county-ledger:print-file';

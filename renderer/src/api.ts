import type { ApiErrorValue, ApiInput, ApiOutput, ApiResult, CountyLedgerBridge, MethodName } from '../../electron/api/contract';

declare global {
  interface Window {
    countyLedger?: CountyLedgerBridge;
  }
}

/** A refusal from the ledger, with the field at fault when the input was wrong. */
export class ApiError extends Error {
  readonly code: ApiErrorValue['code'];
  readonly zh: string;
  readonly field?: string;
  readonly problems?: ApiErrorValue['problems'];
  constructor(value: ApiErrorValue) {
    super(value.message);
    this.code = value.code;
    this.zh = value.zh;
    this.field = value.field;
    this.problems = value.problems;
  }
  text(lang: string): string {
    return lang.startsWith('zh') ? this.zh : this.message;
  }
}

async function overHttp(method: string, input: unknown): Promise<ApiResult<unknown>> {
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as ApiResult<unknown>;
}

/**
 * The renderer's one way to the ledger: the desktop's preload bridge when present, otherwise the
 * web host. Input and output types come from the API table itself.
 */
export async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = window.countyLedger ? await window.countyLedger.call(method, input) : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ApiOutput<M>;
}

export type { ApiInput, ApiOutput, MethodName };

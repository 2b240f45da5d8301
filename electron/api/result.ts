import { ZodError } from 'zod';
import { LedgerError, type ErrorCode } from '../../db/errors';

/** What crosses the boundary instead of an exception: never a stack trace. */
export interface ApiErrorValue {
  code: ErrorCode;
  message: string;
  zh: string;
  field?: string;
  row?: number;
  problems?: { row?: number; field: string; en: string; zh: string }[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorValue };

function zodToError(err: ZodError): ApiErrorValue {
  const problems = err.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(input)';
    const zh = (issue as { params?: { zh?: string } }).params?.zh ?? issue.message;
    return { field, en: issue.message, zh };
  });
  const first = problems[0]!;
  return {
    code: 'INVALID_INPUT',
    message: `${first.field}: ${first.en}`,
    zh: `${first.field}：${first.zh}`,
    field: first.field,
    problems,
  };
}

export function toApiError(err: unknown, onUnexpected: (err: unknown) => void): ApiErrorValue {
  if (err instanceof LedgerError) {
    return { code: err.code, message: err.message, zh: err.zh, ...err.detail };
  }
  if (err instanceof ZodError) return zodToError(err);
  if ((err as { code?: string }).code === 'SQLITE_BUSY') {
    // A background job (an import, a payment, a batch) holds the write lock longer than busy_timeout.
    return {
      code: 'CONFLICT',
      message: 'The ledger is busy with long work (an import, a payment or a batch); nothing was changed. Try again when it has finished.',
      zh: '台账正在进行耗时操作（导入、发放或批量处理），本次未作任何更改，请待其完成后重试。',
    };
  }
  onUnexpected(err);
  return { code: 'INTERNAL', message: 'Something went wrong inside County Ledger; nothing was changed. The details are in the log.', zh: '系统内部错误，未作任何更改，详情已写入日志。' };
}

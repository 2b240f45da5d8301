import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/**
 * Puts the ledger's refusal on the fields it names ("members.0.idNumber" → that input), so the
 * clerk sees exactly which box to fix. Returns false when no field matched.
 */
export function showFieldErrors(form: FormInstance, err: unknown, lang: string): boolean {
  if (!(err instanceof ApiError)) return false;
  const problems = err.problems?.length ? err.problems : err.field ? [{ field: err.field, en: err.message, zh: err.zh }] : [];
  const fields = problems.map((p) => ({
    name: p.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors: [lang.startsWith('zh') ? p.zh : p.en],
  }));
  if (!fields.length) return false;
  form.setFields(fields);
  form.scrollToField(fields[0]!.name, { block: 'center' });
  return true;
}

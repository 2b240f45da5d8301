import type { z } from 'zod';

/** One thing wrong in the sheet: the row as Excel numbers it, the column and field, and why. */
export interface ImportProblem {
  row: number;
  /** Column letter ("E"), or "" when the problem is not in one cell. */
  column: string;
  /** The column's header as the sheet has it, or the field's name when the sheet has no such column. */
  field: string;
  en: string;
  zh: string;
}

/** A zod issue in words a clerk understands, in both languages. */
export function issueText(issue: z.core.$ZodIssue, value: unknown): { en: string; zh: string } {
  const zh = (issue as { params?: { zh?: string } }).params?.zh;
  if (zh) return { en: issue.message, zh };
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? { en: 'Required', zh: '必填' } : { en: 'Not in the expected form', zh: '格式不正确' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { en: 'Required', zh: '必填' };
      return issue.origin === 'string'
        ? { en: `At least ${issue.minimum} characters`, zh: `至少 ${issue.minimum} 个字符` }
        : { en: `At least ${issue.minimum}`, zh: `不能小于 ${issue.minimum}` };
    case 'too_big':
      return issue.origin === 'string'
        ? { en: `At most ${issue.maximum} characters`, zh: `最多 ${issue.maximum} 个字符` }
        : { en: `At most ${issue.maximum}`, zh: `不能大于 ${issue.maximum}` };
    case 'invalid_value':
      return { en: 'Not one of the accepted values', zh: '不是可选值' };
    default:
      return { en: issue.message, zh: `格式不正确（${issue.message}）` };
  }
}

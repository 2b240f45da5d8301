/** Inputs of the standard reports (reused by the API table). */
import { z } from 'zod';
import { year } from '../shared/zod';
import { areaFilter } from '../dashboard/schemas';

export const REPORT_KEYS = ['registry', 'funds', 'assets'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

export const reportInput = areaFilter.extend({
  report: z.enum(REPORT_KEYS),
  /** The year of the flows (identified, exits, returns, spending, income); default this year. */
  year: year.optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type ReportInput = z.output<typeof reportInput>;

export const reportFileInput = reportInput.extend({ format: z.enum(['pdf', 'xlsx']) });

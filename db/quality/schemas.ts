/** Inputs of the data-quality operations, reused by the API table. */
import { z } from 'zod';
import { id, isoDate, pageInput } from '../shared/zod';
import { SEVERITIES, type Severity } from './types';

/** The whole county, one township or one village (a village wins over a township). */
export const qualityScope = z.object({
  townshipId: id.optional(),
  villageId: id.optional(),
});
export type QualityScope = z.output<typeof qualityScope>;

const ruleId = z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'Not a rule id').max(60);

export const runInput = qualityScope.extend({
  /** Only these rules (default: all). */
  ruleIds: z.array(ruleId).max(200).optional(),
  severities: z.array(z.enum(SEVERITIES as [Severity, ...Severity[]])).optional(),
  /** The day ages and current assignments are counted to (default: today). */
  asOf: isoDate.optional(),
  /** How many findings of each rule the summary carries (the rest: findings / export). */
  samplePerRule: z.number().int().min(0).max(1000).default(100),
});
export type RunInput = z.input<typeof runInput>;

export const findingsInput = pageInput.extend(qualityScope.shape).extend({
  ruleId,
  asOf: isoDate.optional(),
});

export const exportInput = qualityScope.extend({
  lang: z.enum(['zh', 'en']).default('zh'),
  asOf: isoDate.optional(),
});

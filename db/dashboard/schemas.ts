/** Inputs of the dashboard, its alerts and their exports (reused by the API table). */
import { z } from 'zod';
import { id, isoDate, pageInput, year } from '../shared/zod';

/** The part of the county a figure covers: all of it, one township, or one village. */
export const areaFilter = z.object({ townshipId: id.optional(), villageId: id.optional() });
export type AreaFilter = z.output<typeof areaFilter>;

export const dashboardQuery = areaFilter.extend({
  /** Year of the fund and asset-income figures (the registry figures are as of today). */
  year: year.optional(),
});

export const ALERT_KEYS = [
  'school_dropout',
  'no_basic_medical',
  'unsafe_housing',
  'no_safe_water',
  'grace_period_ending',
  'monitoring_overdue',
  'no_cadre',
  'duplicate_id_number',
  'paid_after_death',
  'asset_income_undistributed',
] as const;
export type AlertKey = (typeof ALERT_KEYS)[number];

export const alertScope = areaFilter.extend({
  /** The day the alerts are judged on (default today); tests and reprints pin it. */
  asOf: isoDate.optional(),
});
export type AlertScope = z.output<typeof alertScope>;

export const alertQuery = alertScope.extend(pageInput.shape).extend({ key: z.enum(ALERT_KEYS) });

export const alertExportInput = alertScope.extend({ key: z.enum(ALERT_KEYS), lang: z.enum(['zh', 'en']).default('zh') });

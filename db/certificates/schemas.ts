/** Inputs of printing, the register and verification; reused by the API table. */
import { z } from 'zod';
import { id, isoDate, pageInput, year } from '../shared/zod';
import { PRINT_DOC_TYPES } from './serials';

/** Notice kinds built from the ledger; `distribution` lists an asset-income distribution plan (`planId`). */
export const NOTICE_KINDS_NOW = ['identification', 'exit', 'monitoring', 'fund_use', 'distribution'] as const;
export type NoticeKindNow = (typeof NOTICE_KINDS_NOW)[number];

export const lang = z.enum(['zh', 'en']);
export const layout = z.enum(['a4', 'cards']);

export const printScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('household'), householdId: id }),
  z.object({ kind: z.literal('households'), householdIds: z.array(id).min(1).max(10_000) }),
  z.object({ kind: z.literal('village'), villageId: id }),
  z.object({ kind: z.literal('township'), townshipId: id }),
]);
export type PrintScope = z.output<typeof printScope>;

export const printRequest = z
  .object({
    docType: z.enum(PRINT_DOC_TYPES),
    /** Required for notices. */
    noticeKind: z.enum(NOTICE_KINDS_NOW).optional(),
    /** Distribution notices: the asset-income distribution plan (approved or paid) to post. */
    planId: id.optional(),
    lang: lang.default('zh'),
    layout: layout.default('a4'),
    /**
     * The year the document is for (measures, money received, events); default: this year. Share
     * certificates are not for a year: they always take the year they are printed in.
     */
    year: year.optional(),
    scope: printScope,
    /** Notices: first day of the posting period (default: today) and its length in days. */
    postingFrom: isoDate.optional(),
    postingDays: z.number().int().min(1).max(90).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.docType === 'notice' && !r.noticeKind) {
      ctx.addIssue({ code: 'custom', path: ['noticeKind'], message: 'Choose the kind of notice', params: { zh: '请选择公示类型' } });
    }
    if (r.docType === 'notice' && r.noticeKind === 'distribution' && r.planId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['planId'], message: 'Choose the distribution plan to post', params: { zh: '请选择要公示的收益分配方案' } });
    }
    if (r.docType === 'notice' && (r.scope.kind === 'household' || r.scope.kind === 'households')) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'A notice is printed for a village or a township', params: { zh: '公示按行政村或乡镇打印' } });
    }
  });
export type PrintRequest = z.output<typeof printRequest>;
export type PrintRequestInput = z.input<typeof printRequest>;

export const registerQuery = pageInput.extend({
  docType: z.enum(PRINT_DOC_TYPES).optional(),
  year: year.optional(),
  villageId: id.optional(),
  householdId: id.optional(),
  /** Serial, archive number (prefix) or head name (prefix). */
  q: z.string().trim().max(40).default(''),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only the latest print of each document (hide superseded ones). */
  latestOnly: z.boolean().default(false),
});

export const verifyInput = z.object({
  /** A serial (AC-2026-000001) or the text of the QR code (CL|assistance_card|…|AC-2026-000001). */
  text: z.string().trim().min(1, 'Enter a serial or the QR text').max(300),
});

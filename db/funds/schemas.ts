import { z } from 'zod';
import { fen, id, isoDate, nonNegativeFen, pageInput, year, zCode } from '../shared/zod';
import { ACCOUNT_TYPES } from './format';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1, 'Required');
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use the form YYYY-MM');
const lang = z.enum(['zh', 'en']).default('zh');

// Accounts ──────────────────────────────────────────────────────────────────────────────────

export const createAccountInput = z.object({
  /** Absent for a new top-level account. */
  parentId: id.nullish(),
  /** Absent: the next free code under the parent. */
  code: text(20).optional(),
  nameZh: required(40),
  nameEn: required(80),
  /** Top-level accounts only; a sub-account takes its parent's. */
  type: z.enum(ACCOUNT_TYPES).optional(),
});

export const updateAccountInput = z.object({
  accountId: id,
  nameZh: required(40).optional(),
  nameEn: required(80).optional(),
  active: z.boolean().optional(),
});

// Sources and allocations ───────────────────────────────────────────────────────────────────

export const sourceFields = z.object({
  level: zCode('fundLevel'),
  type: zCode('fundType'),
  year,
  docNo: required(60),
  title: required(120),
  amountFen: fen.refine((v) => v > 0, 'The amount must be above zero'),
  issuedOn: isoDate.nullish(),
  note: text(200).default(''),
});
export const updateSourceInput = z.object({ sourceId: id, fields: sourceFields.partial() });

export const allocateInput = z.object({
  sourceId: id,
  projectId: id,
  /** Negative for a reduction (调减). */
  amountFen: fen.refine((v) => v !== 0, 'The amount may not be zero'),
  docNo: text(60).default(''),
  allocatedOn: isoDate,
  note: text(200).default(''),
});

export const allocationQuery = z.object({ sourceId: id.optional(), projectId: id.optional() });

// Projects ──────────────────────────────────────────────────────────────────────────────────

export const projectFields = z.object({
  code: required(30),
  name: required(120),
  type: zCode('projectType'),
  year,
  budgetFen: nonNegativeFen,
  site: text(120).default(''),
  content: text(500).default(''),
  implementer: text(80).default(''),
  responsible: text(40).default(''),
  plannedStart: isoDate.nullish(),
  plannedEnd: isoDate.nullish(),
  status: zCode('projectStatus').default('planned'),
  acceptedOn: isoDate.nullish(),
  villageIds: z.array(id).max(200).default([]),
});
export type ProjectFields = z.output<typeof projectFields>;
export const updateProjectInput = z.object({ projectId: id, fields: projectFields.partial() });
export const beneficiariesInput = z.object({ projectId: id, householdIds: z.array(id).max(20_000) });

export const projectQuery = pageInput.extend({
  q: text(40).default(''),
  year: year.optional(),
  type: zCode('projectType').optional(),
  status: zCode('projectStatus').optional(),
  villageId: id.optional(),
});

// Vouchers ──────────────────────────────────────────────────────────────────────────────────

export const lineInput = z.object({
  accountId: id,
  summary: text(80).default(''),
  debitFen: nonNegativeFen.default(0),
  creditFen: nonNegativeFen.default(0),
  sourceId: id.nullish(),
  projectId: id.nullish(),
  villageId: id.nullish(),
  householdId: id.nullish(),
  assetId: id.nullish(),
});
export type LineInput = z.input<typeof lineInput>;

export const voucherFields = z.object({
  date: isoDate,
  memo: required(120),
  /** 附单据张数: the paper documents attached. */
  attachments: z.number().int().min(0).max(999).default(0),
  lines: z.array(lineInput).max(500),
});
export type VoucherFields = z.input<typeof voucherFields>;
export const updateVoucherInput = voucherFields.extend({ voucherId: id });
export const voucherIdInput = z.object({ voucherId: id });
export const unreviewInput = z.object({ voucherId: id, reason: required(200) });
export const reverseInput = z.object({ voucherId: id, date: isoDate, memo: text(120).optional() });

export const systemVoucherInput = voucherFields.extend({
  /** Where the voucher comes from, e.g. "distribution:12", so the books link back to it. */
  originRef: text(80).optional(),
});

export const voucherQuery = pageInput.extend({
  year: year.optional(),
  status: z.enum(['draft', 'reviewed', 'posted']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: text(40).default(''),
});

// Periods ───────────────────────────────────────────────────────────────────────────────────

export const periodInput = z.object({ period });
export const periodsQuery = z.object({ year });

// Reports ───────────────────────────────────────────────────────────────────────────────────

export const trialBalanceQuery = z.object({ from: period, to: period, includeZero: z.boolean().default(false) });
export const yearFilter = z.object({ year: year.optional() });
export const projectRegisterQuery = z.object({
  year: year.optional(),
  type: zCode('projectType').optional(),
  status: zCode('projectStatus').optional(),
  villageId: id.optional(),
});
export const benefitsQuery = z.object({ year, villageId: id.optional(), householdId: id.optional() });

/** Filters shared by the journal, the ledger register and the CSV export. */
export const lineFilter = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The account and all its sub-accounts. */
  accountId: id.optional(),
  sourceId: id.optional(),
  projectId: id.optional(),
  villageId: id.optional(),
  householdId: id.optional(),
  assetId: id.optional(),
  q: text(40).default(''),
});
export type LineFilter = z.output<typeof lineFilter>;
export const journalQuery = lineFilter.extend(pageInput.shape);
export const ledgerQuery = lineFilter.extend({ accountId: id }).extend(pageInput.shape);

export const disclosureQuery = z.object({ year, villageId: id.optional() });

export const exportInput = z.discriminatedUnion('report', [
  z.object({ report: z.literal('trialBalance'), lang, params: trialBalanceQuery }),
  z.object({ report: z.literal('sourceExecution'), lang, params: yearFilter }),
  z.object({ report: z.literal('projectRegister'), lang, params: projectRegisterQuery }),
  z.object({ report: z.literal('villageSummary'), lang, params: yearFilter }),
  z.object({ report: z.literal('householdBenefits'), lang, params: benefitsQuery }),
  z.object({ report: z.literal('journal'), lang, params: lineFilter }),
  z.object({ report: z.literal('ledger'), lang, params: lineFilter.extend({ accountId: id }) }),
  z.object({ report: z.literal('journalCsv'), lang, params: lineFilter }),
  z.object({ report: z.literal('hledger'), lang, params: z.object({ from: isoDate.optional(), to: isoDate.optional() }) }),
]);
export type ExportInput = z.input<typeof exportInput>;

/** Inputs of the assets domain (docs/ASSETS.md); reused by the API table. */
import { z } from 'zod';
import { fen, id, isoDate, nonNegativeFen, pageInput, zCode } from '../shared/zod';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1, 'Required');
const lang = z.enum(['zh', 'en']).default('zh');

// Register ──────────────────────────────────────────────────────────────────────────────────

export const assetFields = z.object({
  code: required(30).regex(/^[A-Za-z0-9-]+$/, 'Letters, digits and hyphens only'),
  name: required(120),
  assetClass: zCode('assetClass'),
  category: zCode('assetCategory'),
  ownership: zCode('assetOwnership'),
  operator: zCode('assetOperator'),
  operatorName: text(120).default(''),
  villageId: id.nullish(),
  location: text(200).default(''),
  projectId: id.nullish(),
  builtOn: isoDate.nullish(),
  /** Disposal has its own operation. */
  status: z.enum(['in_operation', 'idle']).default('in_operation'),
  note: text(500).default(''),
});
export type AssetFields = z.output<typeof assetFields>;
export const updateAssetInput = z.object({ assetId: id, fields: assetFields.partial() });
export const assetIdInput = z.object({ assetId: id });

export const assetQuery = pageInput.extend({
  q: text(40).default(''),
  assetClass: zCode('assetClass').optional(),
  category: zCode('assetCategory').optional(),
  status: zCode('assetStatus').optional(),
  villageId: id.optional(),
});

export const inspectionInput = z.object({
  assetId: id,
  inspectedOn: isoDate,
  inspector: required(60),
  findings: required(1000),
});

export const disposeInput = z.object({
  assetId: id,
  disposedOn: isoDate,
  /** 处置方式: transfer, auction, scrapping … as the approval writes it. */
  method: required(60),
  proceedsFen: nonNegativeFen,
  /** The approval document (文号). */
  approval: required(80),
  note: text(500).default(''),
});

// Cost ──────────────────────────────────────────────────────────────────────────────────────

export const linkCostInput = z
  .object({ assetId: id, lineIds: z.array(id).max(500).optional(), voucherId: id.optional() })
  .refine((v) => (v.lineIds?.length ?? 0) > 0 || v.voucherId !== undefined, { message: 'Name voucher lines or a voucher', path: ['lineIds'] });
export const unlinkCostInput = z.object({ assetId: id, lineId: id });
export const costCandidatesQuery = pageInput.extend({ assetId: id, projectId: id.optional(), q: text(40).default('') });

// Shares ────────────────────────────────────────────────────────────────────────────────────

export const shareInput = z.object({
  assetId: id,
  holderType: z.enum(['household', 'village']),
  householdId: id.optional(),
  villageId: id.optional(),
  units: z.number().int().min(1).max(1_000_000),
  /** Absent: the suggested weight (2 with a member who lost the ability to work, else 1). */
  weight: z.number().int().min(1).max(100).optional(),
  fromDate: isoDate,
  toDate: isoDate.nullish(),
  note: text(200).default(''),
});
export const withdrawShareInput = z.object({
  shareId: id,
  withdrawnOn: isoDate,
  reason: required(200),
  /** The units pass to the household's village collective (a new share from the same date). */
  passToCollective: z.boolean().default(false),
});
export const shareQuery = pageInput.extend({
  assetId: id.optional(),
  householdId: id.optional(),
  villageId: id.optional(),
  /** Only shares in force on this date. */
  activeOn: isoDate.optional(),
  q: text(40).default(''),
});
export const shareDefaultsQuery = z.object({ householdId: id });

// Income ────────────────────────────────────────────────────────────────────────────────────

export const incomeInput = z.object({
  assetId: id,
  receivedOn: isoDate,
  period: text(60).default(''),
  grossFen: fen.refine((v) => v > 0, 'The income must be above zero'),
  landRentFen: nonNegativeFen.default(0),
  taxInsuranceFen: nonNegativeFen.default(0),
  maintenanceFen: nonNegativeFen.default(0),
  note: text(200).default(''),
});

// Distribution plans ────────────────────────────────────────────────────────────────────────

export const EXITED_RULES = ['include', 'exclude', 'only-with-policy'] as const;
export type ExitedRule = (typeof EXITED_RULES)[number];
const basisPoints = z.number().int().min(0).max(10_000);

export const prepareInput = z.object({
  assetId: id,
  title: required(120),
  /** Shares in force and household status on this date decide who is paid. */
  asOf: isoDate,
  /** Absent: every income of the asset received on or before asOf and not yet in a plan. */
  incomeIds: z.array(id).max(1000).optional(),
  /** Public-welfare post wages, in basis points (8000 = 80%). */
  postBp: basisPoints.default(0),
  /** Village public works, in basis points; the rest goes to the shareholders. */
  worksBp: basisPoints.default(0),
  exitedRule: z.enum(EXITED_RULES).default('only-with-policy'),
  postHolders: z.array(z.object({ householdId: id, weight: z.number().int().min(1).max(1000).default(1) })).max(20_000).default([]),
}).refine((v) => v.postBp + v.worksBp <= 10_000, { message: 'The parts add up to more than 100%', path: ['worksBp'] });
export type PrepareInput = z.input<typeof prepareInput>;

export const planIdInput = z.object({ planId: id });
export const payInput = z.object({ planId: id, date: isoDate });
export const requestReversalInput = z.object({ planId: id, date: isoDate, reason: required(200) });
export const planQuery = pageInput.extend({
  assetId: id.optional(),
  status: z.enum(['draft', 'approved', 'paid', 'reversing', 'reversed', 'cancelled']).optional(),
});
export const allocationQuery = pageInput.extend({
  planId: id,
  kind: z.enum(['dividend', 'post', 'works']).optional(),
  /** Only shareholders the eligibility rules left out. */
  excludedOnly: z.boolean().default(false),
  q: text(40).default(''),
});

export const bankListInput = z.object({ planId: id, format: z.enum(['xlsx', 'csv']), lang });
export const statementQuery = z
  .object({ householdId: id.optional(), villageId: id.optional() })
  .refine((v) => (v.householdId === undefined) !== (v.villageId === undefined), { message: 'Name a household or a village', path: ['householdId'] });

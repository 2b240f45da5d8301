import { z } from 'zod';
import { method, mutation } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import type { Ledger } from '../../../db/ledger';
import {
  allocationQuery, assetFields, assetIdInput, assetQuery, bankListInput, costCandidatesQuery, disposeInput, incomeInput, inspectionInput,
  linkCostInput, payInput, planIdInput, planQuery, prepareInput, requestReversalInput, shareDefaultsQuery, shareInput, shareQuery,
  statementQuery, unlinkCostInput, updateAssetInput, withdrawShareInput,
} from '../../../db/assets/schemas';
import { ASSET_ROLES } from '../../../db/assets/roles';
import { addInspection, createAsset, disposeAsset, updateAsset } from '../../../db/assets/register';
import { assetOptions, getAsset, listAssets } from '../../../db/assets/queries';
import { costCandidates, costTrace, linkCost, unlinkCost } from '../../../db/assets/cost';
import { addShare, listShares, suggestedWeight, withdrawShare } from '../../../db/assets/shares';
import { listIncomes, recordIncome } from '../../../db/assets/income';
import { approvePlan, cancelPlan, preparePlan } from '../../../db/assets/plans';
import { requireSmallPayment, requireSmallPreparation } from '../../../db/assets/size';
import { approveReversal, payPlan, requestReversal, withdrawReversal } from '../../../db/assets/pay';
import { getPlan, listPlans, planAllocations } from '../../../db/assets/planQueries';
import { exportBankListAudited } from '../../../db/assets/bankList';
import { shareholderStatement } from '../../../db/assets/statements';

/** The answer of a method that changed an asset or a plan: the record as it now stands. */
const theAsset = (ledger: Ledger, input: { assetId: number }) => getAsset(ledger, input.assetId);
const thePlan = (ledger: Ledger, input: { planId: number }) => getPlan(ledger, input.planId);

export const assetsMethods = {
  // Register ────────────────────────────────────────────────────────────────────────────────
  'assets.list': method({
    doc: 'Asset register filtered by text, class, category, status or village, paged: cost, shares in force, undistributed income and its age in days.',
    input: assetQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listAssets(ctx.ledger, input),
  }),
  'assets.options': method({
    doc: 'Every asset as { id, code, name, status }, for pickers.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => assetOptions(ctx.ledger),
  }),
  'assets.get': method({
    doc: 'One asset in full: particulars, cost, disposal, inspections, undistributed income and the days since the oldest of it was received.',
    input: assetIdInput,
    access: ANY_ROLE,
    run: (input, ctx) => getAsset(ctx.ledger, input.assetId),
  }),
  'assets.create': method({
    doc: 'Register an asset: code, name, class, category, ownership, operator, village, location, project, built date.',
    input: assetFields,
    access: ASSET_ROLES.keep,
    run: (input, ctx) => createAsset(ctx.ledger, ctx.actor, input),
  }),
  'assets.update': mutation({
    doc: 'Correct an asset’s particulars or set it in operation or idle (not after disposal).',
    input: updateAssetInput,
    access: ASSET_ROLES.keep,
    mutate: updateAsset,
    answer: theAsset,
  }),
  'assets.addInspection': method({
    doc: 'Record an inspection of an asset: date, inspector, findings.',
    input: inspectionInput,
    access: ASSET_ROLES.keep,
    run: (input, ctx) => addInspection(ctx.ledger, ctx.actor, input),
  }),
  'assets.dispose': mutation({
    doc: 'Record the disposal of an asset (date, method, proceeds, approval); refused while shares are in force, income waits or a plan is open.',
    input: disposeInput,
    access: ASSET_ROLES.keep,
    mutate: disposeAsset,
    answer: theAsset,
  }),
  // Cost ────────────────────────────────────────────────────────────────────────────────────
  'assets.cost': method({
    doc: 'An asset’s cost traced to the posted fund-ledger lines that built it, with any reversals.',
    input: assetIdInput,
    access: ANY_ROLE,
    run: (input, ctx) => costTrace(ctx.ledger, input.assetId),
  }),
  'assets.costCandidates': method({
    doc: 'Posted investment lines (debits on fund-use accounts) not yet traced to any asset, filtered by project or text, paged.',
    input: costCandidatesQuery,
    access: ANY_ROLE,
    run: (input, ctx) => costCandidates(ctx.ledger, input),
  }),
  'assets.linkCost': method({
    doc: 'Trace voucher lines — or every investment line of a voucher — to an asset; returns the new cost trace.',
    input: linkCostInput,
    access: ASSET_ROLES.keep,
    run: (input, ctx) => linkCost(ctx.ledger, ctx.actor, input),
  }),
  'assets.unlinkCost': method({
    doc: 'Remove a line from an asset’s cost trace; returns the new cost trace.',
    input: unlinkCostInput,
    access: ASSET_ROLES.keep,
    run: (input, ctx) => unlinkCost(ctx.ledger, ctx.actor, input),
  }),
  // Shares ──────────────────────────────────────────────────────────────────────────────────
  'assets.shares': method({
    doc: 'Shares by asset, household or village, optionally only those in force on a date, paged, with certificate numbers.',
    input: shareQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listShares(ctx.ledger, input),
  }),
  'assets.shareDefaults': method({
    doc: 'The suggested share weight of a household: 2 when a living member lost the ability to work, otherwise 1.',
    input: shareDefaultsQuery,
    access: ANY_ROLE,
    run: (input, ctx) => suggestedWeight(ctx.ledger, input.householdId),
  }),
  'assets.addShare': method({
    doc: 'Issue a share to a household or village collective: units, weight (suggested when absent), dates; returns its certificate number GQ-<asset code>-NNNN.',
    input: shareInput,
    access: ASSET_ROLES.keep,
    run: (input, ctx) => addShare(ctx.ledger, ctx.actor, input),
  }),
  'assets.withdrawShare': method({
    doc: 'Withdraw a share from a date with the reason; optionally pass its units to the village collective as a new share.',
    input: withdrawShareInput,
    access: ASSET_ROLES.keep,
    run: (input, ctx) => withdrawShare(ctx.ledger, ctx.actor, input),
  }),
  // Income ──────────────────────────────────────────────────────────────────────────────────
  'assets.incomes': method({
    doc: 'An asset’s incomes with deductions, distributable amount, voucher and the plan each belongs to.',
    input: assetIdInput,
    access: ANY_ROLE,
    run: (input, ctx) => listIncomes(ctx.ledger, input.assetId),
  }),
  'assets.recordIncome': method({
    doc: 'Record income: gross less land rent, taxes and insurance, operation and maintenance; posts a system voucher on the asset income account.',
    input: incomeInput,
    access: ASSET_ROLES.prepare,
    run: (input, ctx) => recordIncome(ctx.ledger, ctx.actor, input),
  }),
  // Plans ───────────────────────────────────────────────────────────────────────────────────
  'assets.plans': method({
    doc: 'Distribution plans by asset or status, newest first, paged.',
    input: planQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listPlans(ctx.ledger, input),
  }),
  'assets.plan': method({
    doc: 'One plan: split, figures, who prepared, approved, paid or reversed it, counts, incomes and vouchers.',
    input: planIdInput,
    access: ANY_ROLE,
    run: (input, ctx) => getPlan(ctx.ledger, input.planId),
  }),
  'assets.allocations': method({
    doc: 'A page of a plan’s allocations (the preview): per household, village collective, post holder and village, with exclusions.',
    input: allocationQuery,
    access: ANY_ROLE,
    run: (input, ctx) => planAllocations(ctx.ledger, input),
  }),
  'assets.preparePlan': method({
    doc: 'Prepare a distribution plan of up to 5,000 shareholders (larger: assets.preparePlanJob): incomes, date, split in basis points, exited-household rule, post holders; computes and stores every allocation.',
    input: prepareInput,
    access: ASSET_ROLES.prepare,
    run: (input, ctx) => {
      requireSmallPreparation(ctx.ledger, input);
      return preparePlan(ctx.ledger, ctx.actor, input);
    },
  }),
  'assets.preparePlanJob': method({
    doc: 'Start a background job that prepares a distribution plan of any size (as assets.preparePlan; all or nothing, progress through jobs.get). The job\'s result is { id, totalFen, allocations }.',
    input: prepareInput,
    access: ASSET_ROLES.prepare,
    run: (input, ctx) => ctx.host.jobs.start('preparePlan', { file: ctx.ledger.path, actor: ctx.actor, input }, ctx.session.id),
  }),
  'assets.approvePlan': mutation({
    doc: 'Approve a draft plan; refused to its preparer.',
    input: planIdInput,
    access: ASSET_ROLES.approve,
    mutate: approvePlan,
    answer: thePlan,
  }),
  'assets.cancelPlan': mutation({
    doc: 'Cancel a draft or approved plan; its incomes become free for a new plan.',
    input: planIdInput,
    access: ASSET_ROLES.withdraw,
    mutate: cancelPlan,
    answer: thePlan,
  }),
  'assets.payPlan': method({
    doc: 'Pay an approved plan of up to 5,000 allocations (larger: assets.payPlanJob): posts its payment vouchers (household, village and asset on every line) in one transaction.',
    input: payInput,
    access: ASSET_ROLES.pay,
    run: (input, ctx) => {
      requireSmallPayment(ctx.ledger, input);
      return payPlan(ctx.ledger, ctx.actor, input);
    },
  }),
  'assets.payPlanJob': method({
    doc: 'Start a background job that pays an approved plan of any size (as assets.payPlan): every voucher in one transaction, progress by voucher through jobs.get, a cancel or failure leaves nothing paid. The job\'s result is { vouchers, lines, totalFen }.',
    input: payInput,
    access: ASSET_ROLES.pay,
    run: (input, ctx) => ctx.host.jobs.start('payPlan', { file: ctx.ledger.path, actor: ctx.actor, input }, ctx.session.id),
  }),
  'assets.requestReversal': method({
    doc: 'Request the reversal of a paid plan: draft reversal vouchers mirroring each payment voucher.',
    input: requestReversalInput,
    access: ASSET_ROLES.prepare,
    run: (input, ctx) => requestReversal(ctx.ledger, ctx.actor, input),
  }),
  'assets.approveReversal': method({
    doc: 'Approve a requested reversal (not by the requester): reviews and posts the reversal vouchers; the plan becomes reversed.',
    input: planIdInput,
    access: ASSET_ROLES.approve,
    run: (input, ctx) => approveReversal(ctx.ledger, ctx.actor, input),
  }),
  'assets.withdrawReversal': mutation({
    doc: 'Withdraw a reversal request: its draft vouchers are deleted and the plan is paid again.',
    input: planIdInput,
    access: ASSET_ROLES.withdraw,
    mutate: withdrawReversal,
    answer: thePlan,
  }),
  'assets.bankList': method({
    doc: 'The bank payment list of an approved or paid plan as .xlsx or CSV (name, bank, account, amount); accounts in full for administrators, registrars and accountants (who enter and pay them), masked for reviewers and auditors; audited as a personal-data export.',
    input: bankListInput,
    access: ANY_ROLE,
    run: (input, ctx) => exportBankListAudited(ctx.ledger, ctx.actor, input),
  }),
  'assets.statement': method({
    doc: 'What a household or village collective received from asset income: plan, asset, date, voucher, reversals.',
    input: statementQuery,
    access: ANY_ROLE,
    run: (input, ctx) => shareholderStatement(ctx.ledger, input),
  }),
};

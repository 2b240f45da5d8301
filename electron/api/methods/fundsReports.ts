import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import { id, year } from '../../../db/shared/zod';
import {
  benefitsQuery, disclosureQuery, exportInput, journalQuery, ledgerQuery, projectRegisterQuery, trialBalanceQuery, yearFilter,
} from '../../../db/funds/schemas';
import { trialBalance, verifyBalances } from '../../../db/funds/trialBalance';
import { projectRegister, sourceExecution, villageSummary } from '../../../db/funds/execution';
import { benefitsReport, householdBenefits } from '../../../db/funds/benefits';
import { journal, ledgerRegister } from '../../../db/funds/registers';
import { disclosure } from '../../../db/funds/disclosure';
import { exportReport } from '../../../db/funds/exports';

export const fundsReportMethods = {
  'funds.trialBalance': method({
    doc: 'Trial balance (科目余额表) for a range of months: opening, turnover and closing per account, parents summing children.',
    input: trialBalanceQuery,
    access: ANY_ROLE,
    run: (input, ctx) => trialBalance(ctx.ledger, input),
  }),
  'funds.sourceExecution': method({
    doc: 'Per fund source: amount, received, allocated to projects, spent, balance and spending progress.',
    input: yearFilter,
    access: ANY_ROLE,
    run: (input, ctx) => sourceExecution(ctx.ledger, input),
  }),
  'funds.projectRegister': method({
    doc: 'Project register: each project with budget, allocation, spending, progress, schedule, acceptance and beneficiaries.',
    input: projectRegisterQuery,
    access: ANY_ROLE,
    run: (input, ctx) => projectRegister(ctx.ledger, input),
  }),
  'funds.villageSummary': method({
    doc: 'Per village: projects, special funds spent there, households paid and the amount paid to them.',
    input: yearFilter,
    access: ANY_ROLE,
    run: (input, ctx) => villageSummary(ctx.ledger, input),
  }),
  'funds.householdBenefits': method({
    doc: 'What one household was paid in a year, by type (the money lines of its assistance card).',
    input: z.object({ householdId: id, year }),
    access: ANY_ROLE,
    run: (input, ctx) => householdBenefits(ctx.ledger, input.householdId, input.year),
  }),
  'funds.benefitsReport': method({
    doc: 'Household benefits of a year for a village or the county: one row per household and type.',
    input: benefitsQuery,
    access: ANY_ROLE,
    run: (input, ctx) => benefitsReport(ctx.ledger, input),
  }),
  'funds.journal': method({
    doc: 'Journal (序时账): posted lines in date order filtered by dates, account (with sub-accounts), dimensions or text, paged, with totals.',
    input: journalQuery,
    access: ANY_ROLE,
    run: (input, ctx) => journal(ctx.ledger, input),
  }),
  'funds.ledger': method({
    doc: 'Ledger register (明细账) of one account: balance brought forward, lines with running balance, balance carried forward.',
    input: ledgerQuery,
    access: ANY_ROLE,
    run: (input, ctx) => ledgerRegister(ctx.ledger, input),
  }),
  'funds.disclosure': method({
    doc: 'Data for a public notice of fund use: funds by source, projects (site, content, period, implementer, amount, beneficiaries), households paid.',
    input: disclosureQuery,
    access: ANY_ROLE,
    run: (input, ctx) => disclosure(ctx.ledger, input),
  }),
  'funds.export': method({
    doc: 'A report as a file { fileName, mime, base64 }: .xlsx for each report, the journal as CSV, or an hledger journal (household benefits, being personal data, say so and are audited).',
    input: exportInput,
    access: ANY_ROLE,
    run: (input, ctx) => exportReport(ctx.ledger, input, ctx.actor),
  }),
  'funds.verifyBalances': method({
    doc: 'Recompute the monthly account turnover from the posted lines and list any disagreement with the maintained table.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => verifyBalances(ctx.ledger),
  }),
};

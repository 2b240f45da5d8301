import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE, type Role } from '../../../db/roles';
import { id } from '../../../db/shared/zod';
import {
  allocateInput, allocationQuery, beneficiariesInput, createAccountInput, periodInput, periodsQuery, projectFields, projectQuery,
  sourceFields, updateAccountInput, updateProjectInput, updateSourceInput,
} from '../../../db/funds/schemas';
import { createAccount, listAccounts, updateAccount } from '../../../db/funds/accounts';
import { allocate, createSource, listAllocations, sourceOptions, updateSource } from '../../../db/funds/sources';
import { createProject, getProject, listProjects, projectOptions, setBeneficiaries, updateProject } from '../../../db/funds/projects';
import { closePeriod, listPeriods, reopenPeriod } from '../../../db/funds/periods';
import { fundsVoucherMethods } from './fundsVouchers';
import { fundsReportMethods } from './fundsReports';

/** Accountants keep the chart, the sources, allocations and the project library. */
const FUND_KEEPERS: readonly Role[] = ['admin', 'accountant'];

const fundsSetupMethods = {
  'funds.accounts': method({
    doc: 'The chart of accounts in code order, with type, normal side, fund role, required dimensions and whether it takes entries.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => listAccounts(ctx.ledger),
  }),
  'funds.createAccount': method({
    doc: 'Add an account under a parent (next code, parent’s rules) or a new top-level account.',
    input: createAccountInput,
    access: FUND_KEEPERS,
    run: (input, ctx) => createAccount(ctx.ledger, ctx.actor, input),
  }),
  'funds.updateAccount': method({
    doc: 'Rename or (de)activate an account users added; the seeded chart is fixed.',
    input: updateAccountInput,
    access: FUND_KEEPERS,
    run: (input, ctx) => updateAccount(ctx.ledger, ctx.actor, input),
  }),
  'funds.sourceOptions': method({
    doc: 'Every fund source, lightly, for pickers, with the account its receipts go to.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => sourceOptions(ctx.ledger),
  }),
  'funds.createSource': method({
    doc: 'Record a fund allocated to the county: level, type, year, document number, title, amount.',
    input: sourceFields,
    access: FUND_KEEPERS,
    run: (input, ctx) => createSource(ctx.ledger, ctx.actor, input),
  }),
  'funds.updateSource': method({
    doc: 'Correct a fund source (never below what is allocated or spent).',
    input: updateSourceInput,
    access: FUND_KEEPERS,
    run: (input, ctx) => updateSource(ctx.ledger, ctx.actor, input),
  }),
  'funds.allocations': method({
    doc: 'Allocations of sources to projects, by source or by project.',
    input: allocationQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listAllocations(ctx.ledger, input),
  }),
  'funds.allocate': method({
    doc: 'Allocate money of a source to a project (negative: a reduction), within what the source has left.',
    input: allocateInput,
    access: FUND_KEEPERS,
    run: (input, ctx) => allocate(ctx.ledger, ctx.actor, input),
  }),
  'funds.projects': method({
    doc: 'The project library filtered by text, year, type, status or village, paged.',
    input: projectQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listProjects(ctx.ledger, input),
  }),
  'funds.project': method({
    doc: 'One project with its villages and beneficiary households.',
    input: z.object({ projectId: id }),
    access: ANY_ROLE,
    run: (input, ctx) => getProject(ctx.ledger, input.projectId),
  }),
  'funds.projectOptions': method({
    doc: 'Every project, lightly, for pickers.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => projectOptions(ctx.ledger),
  }),
  'funds.createProject': method({
    doc: 'Add a project to the library.',
    input: projectFields,
    access: FUND_KEEPERS,
    run: (input, ctx) => createProject(ctx.ledger, ctx.actor, input),
  }),
  'funds.updateProject': method({
    doc: 'Change a project: schedule, acceptance (status and date), villages and the rest.',
    input: updateProjectInput,
    access: FUND_KEEPERS,
    run: (input, ctx) => {
      updateProject(ctx.ledger, ctx.actor, input);
      return getProject(ctx.ledger, input.projectId);
    },
  }),
  'funds.setBeneficiaries': method({
    doc: 'Replace the households that benefit from a project.',
    input: beneficiariesInput,
    access: FUND_KEEPERS,
    run: (input, ctx) => setBeneficiaries(ctx.ledger, ctx.actor, input),
  }),
  'funds.periods': method({
    doc: 'The months of a year: closed or open, and how many vouchers of each status are dated in them.',
    input: periodsQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listPeriods(ctx.ledger, input),
  }),
  'funds.closePeriod': method({
    doc: 'Close a month (结账) once every voucher dated in it is posted.',
    input: periodInput,
    access: FUND_KEEPERS,
    run: (input, ctx) => {
      closePeriod(ctx.ledger, ctx.actor, input);
      return { closed: input.period };
    },
  }),
  'funds.reopenPeriod': method({
    doc: 'Reopen the latest closed month (反结账). Administrators only.',
    input: periodInput,
    access: ['admin'],
    run: (input, ctx) => {
      reopenPeriod(ctx.ledger, ctx.actor, input);
      return { reopened: input.period };
    },
  }),
};

export const fundsMethods = { ...fundsSetupMethods, ...fundsVoucherMethods, ...fundsReportMethods };

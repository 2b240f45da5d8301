import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE, type Role } from '../../../db/roles';
import { id } from '../../../db/shared/zod';
import { decideStatusEvents, decideStatusInput, proposeStatusEvent, proposeStatusInput, withdrawStatusEvent, withdrawStatusInput } from '../../../db/registry/status';
import { pendingEvents, pendingQuery, statusTimeline } from '../../../db/registry/statusQueries';
import { readStatusRules, setStatusRules, statusRulesInput } from '../../../db/registry/statusRules';
import { assessHousehold, assessInput, listAssessments } from '../../../db/registry/assessment';
import { householdIncomes, setIncomes, setIncomesInput } from '../../../db/registry/incomes';
import { listPovertyLines, setPovertyLine, setPovertyLineInput } from '../../../db/registry/povertyLines';
import { REGISTRY_WRITERS } from './registry';

/** Who may approve or reject a status change (never the one who proposed it). */
const STATUS_DECIDERS: readonly Role[] = ['admin', 'reviewer'];
const householdId = z.object({ householdId: id });

export const registryStatusMethods = {
  'registry.statusTimeline': method({
    doc: 'A household\'s status events (proposed, approved, rejected), its derived current status and the changes it may take next.',
    input: householdId,
    access: ANY_ROLE,
    run: (input, ctx) => statusTimeline(ctx.ledger, input.householdId),
  }),
  'registry.proposeStatus': method({
    doc: 'Propose a status change (identify, exit, end of policies, return to poverty, monitoring, cancellation) with date, reason and evidence; an exit names its assessment and, if that failed, an override reason.',
    input: proposeStatusInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => proposeStatusEvent(ctx.ledger, ctx.actor, input),
  }),
  'registry.decideStatus': method({
    doc: 'Approve or reject proposals, all or none. An approver must not be the proposer; approving updates the household\'s status in the same transaction.',
    input: decideStatusInput,
    access: STATUS_DECIDERS,
    run: (input, ctx) => decideStatusEvents(ctx.ledger, ctx.actor, input),
  }),
  'registry.withdrawStatus': method({
    doc: 'The proposer withdraws an open proposal, with a note.',
    input: withdrawStatusInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      withdrawStatusEvent(ctx.ledger, ctx.actor, input);
      return { withdrawn: true };
    },
  }),
  'registry.pendingStatus': method({
    doc: 'Status changes waiting for a decision, oldest first.',
    input: pendingQuery,
    access: ANY_ROLE,
    run: (input, ctx) => pendingEvents(ctx.ledger, input),
  }),
  'registry.statusRules': method({
    doc: 'The grace period after exit (years) and the monitoring review period (months).',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => readStatusRules(ctx.ledger),
  }),
  'registry.setStatusRules': method({
    doc: 'Change the grace period and the monitoring review period for changes approved from now on.',
    input: statusRulesInput,
    access: ['admin'],
    run: (input, ctx) => setStatusRules(ctx.ledger, ctx.actor, input),
  }),
  'registry.incomes': method({
    doc: 'A household\'s income by year and item, with net and per-capita net income against that year\'s poverty line.',
    input: householdId,
    access: ANY_ROLE,
    run: (input, ctx) => householdIncomes(ctx.ledger, input.householdId),
  }),
  'registry.setIncomes': method({
    doc: 'Replace a household\'s income items for one year (amounts in fen; production costs subtract).',
    input: setIncomesInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => setIncomes(ctx.ledger, ctx.actor, input),
  }),
  'registry.povertyLines': method({
    doc: 'The poverty line of each year (fen per person per year).',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => listPovertyLines(ctx.ledger),
  }),
  'registry.setPovertyLine': method({
    doc: 'Set the poverty line of a year.',
    input: setPovertyLineInput,
    access: ['admin'],
    run: (input, ctx) => setPovertyLine(ctx.ledger, ctx.actor, input),
  }),
  'registry.assess': method({
    doc: 'Assess a household for exit in a year (income against the line, food and clothing, compulsory education, basic medical insurance, safe housing, safe water); the result is stored with every failed check.',
    input: assessInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => assessHousehold(ctx.ledger, ctx.actor, input),
  }),
  'registry.assessments': method({
    doc: 'A household\'s stored exit assessments, newest first.',
    input: householdId,
    access: ANY_ROLE,
    run: (input, ctx) => listAssessments(ctx.ledger, input.householdId),
  }),
};

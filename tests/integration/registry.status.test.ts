import { describe, expect, it } from 'vitest';
import { createHousehold } from '../../db/registry/households';
import { decideStatusEvents, proposeStatusEvent, withdrawStatusEvent, type ProposeStatusInput } from '../../db/registry/status';
import { statusTimeline, pendingEvents } from '../../db/registry/statusQueries';
import { setStatusRules } from '../../db/registry/statusRules';
import { assessHousehold } from '../../db/registry/assessment';
import { setIncomes } from '../../db/registry/incomes';
import { setPovertyLine } from '../../db/registry/povertyLines';
import { getHousehold } from '../../db/registry/queries';
import { LedgerError } from '../../db/errors';
import { verifyAuditChain } from '../../db/audit';
import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { actorFor, count, tempLedger } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';

function setup() {
  const ledger = tempLedger();
  const { villageId } = seedVillage(ledger);
  const clerk = actorFor(ledger, 'registrar', 'clerk');
  const reviewer = actorFor(ledger, 'reviewer', 'chief');
  const insured = household(villageId, 'S-0001');
  insured.members = insured.members.map((m) => ({ ...m, insBasicMedical: true }));
  const { id } = createHousehold(ledger, clerk, insured);
  return { ledger, clerk, reviewer, villageId, householdId: id };
}

function errorOf(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** Proposes as the clerk and approves as the reviewer. */
function approved(ledger: Ledger, clerk: Actor, reviewer: Actor, input: ProposeStatusInput): number {
  const { id } = proposeStatusEvent(ledger, clerk, input);
  decideStatusEvents(ledger, reviewer, { eventIds: [id], decision: 'approve' });
  return id;
}

const cached = (ledger: Ledger, householdId: number) => {
  const h = getHousehold(ledger, householdId).household;
  return { status: h.status, monitoringType: h.monitoringType, statusSince: h.statusSince, policyEndsOn: h.policyEndsOn, reviewDue: h.reviewDue };
};

describe('status changes', () => {
  it('refuses approval by the user who proposed the change, and changes nothing', () => {
    const { ledger, clerk, householdId } = setup();
    const { id } = proposeStatusEvent(ledger, clerk, { householdId, type: 'identify', eventDate: '2016-04-01', reason: '村民代表评议通过' });
    const audit = count(ledger, 'audit_log');
    const err = errorOf(() => decideStatusEvents(ledger, clerk, { eventIds: [id], decision: 'approve' }));
    expect(err.code).toBe('RULE');
    expect(err.zh).toContain('其他用户');
    expect(cached(ledger, householdId).status).toBe('new_identified');
    expect(count(ledger, 'audit_log')).toBe(audit);
    expect(statusTimeline(ledger, householdId).open?.id).toBe(id);
  });

  it('derives the status from approved events and caches it in the same transaction', () => {
    const { ledger, clerk, reviewer, householdId } = setup();
    approved(ledger, clerk, reviewer, { householdId, type: 'identify', eventDate: '2016-04-01', reason: '识别' });
    expect(cached(ledger, householdId)).toEqual({ status: 'poor', monitoringType: null, statusSince: '2016-04-01', policyEndsOn: null, reviewDue: null });

    setPovertyLine(ledger, reviewer, { year: 2019, perCapitaFen: 3_747_00 });
    setIncomes(ledger, clerk, { householdId, year: 2019, items: [{ item: 'wages', amountFen: 12_000_00 }, { item: 'production_gross', amountFen: 3_000_00 }, { item: 'production_cost', amountFen: 1_000_00 }] });
    const assessment = assessHousehold(ledger, clerk, { householdId, year: 2019, foodClothingConfirmed: true });
    expect(assessment.perCapitaFen).toBe(7_000_00);
    approved(ledger, clerk, reviewer, { householdId, type: 'exit', eventDate: '2019-11-20', reason: '达到脱贫标准', assessmentId: assessment.id });
    expect(cached(ledger, householdId)).toMatchObject({ status: 'exited', statusSince: '2019-11-20', policyEndsOn: '2024-11-20' });

    approved(ledger, clerk, reviewer, { householdId, type: 'monitor_start', eventDate: '2022-03-01', reason: '因病支出骤增', monitoringType: 'unstable' });
    expect(cached(ledger, householdId)).toMatchObject({ status: 'exited', monitoringType: 'unstable', reviewDue: '2022-09-01' });

    approved(ledger, clerk, reviewer, { householdId, type: 'return_poverty', eventDate: '2022-08-15', reason: '大病返贫' });
    expect(cached(ledger, householdId)).toEqual({ status: 'returned', monitoringType: null, statusSince: '2022-08-15', policyEndsOn: null, reviewDue: null });

    const timeline = statusTimeline(ledger, householdId);
    expect(timeline.events.map((e) => e.type)).toEqual(['identify', 'exit', 'monitor_start', 'return_poverty']);
    expect(timeline.events.every((e) => e.proposedByName === 'clerk' && e.decidedByName === 'chief')).toBe(true);
    expect(timeline.allowed).toEqual(['exit', 'cancel']);
    expect(verifyAuditChain(ledger).ok).toBe(true);
  });

  it('uses the configured grace period', () => {
    const { ledger, clerk, reviewer, householdId } = setup();
    const admin = actorFor(ledger, 'admin', 'boss');
    setStatusRules(ledger, admin, { graceYears: 3, reviewMonths: 12 });
    approved(ledger, clerk, reviewer, { householdId, type: 'identify', eventDate: '2016-04-01', reason: '识别' });
    setPovertyLine(ledger, admin, { year: 2019, perCapitaFen: 3_747_00 });
    setIncomes(ledger, clerk, { householdId, year: 2019, items: [{ item: 'wages', amountFen: 20_000_00 }] });
    const a = assessHousehold(ledger, clerk, { householdId, year: 2019, foodClothingConfirmed: true });
    approved(ledger, clerk, reviewer, { householdId, type: 'exit', eventDate: '2019-11-20', reason: '脱贫', assessmentId: a.id });
    expect(cached(ledger, householdId).policyEndsOn).toBe('2022-11-20');
  });

  it('refuses an exit without assessment, and a failed one without an override reason', () => {
    const { ledger, clerk, reviewer, householdId } = setup();
    approved(ledger, clerk, reviewer, { householdId, type: 'identify', eventDate: '2016-04-01', reason: '识别' });
    expect(errorOf(() => proposeStatusEvent(ledger, clerk, { householdId, type: 'exit', eventDate: '2019-11-20', reason: '脱贫' })).detail.field).toBe('assessmentId');

    setPovertyLine(ledger, reviewer, { year: 2019, perCapitaFen: 3_747_00 });
    setIncomes(ledger, clerk, { householdId, year: 2019, items: [{ item: 'wages', amountFen: 2_000_00 }] });
    const failed = assessHousehold(ledger, clerk, { householdId, year: 2019, foodClothingConfirmed: true });
    expect(failed.passed).toBe(false);
    expect(failed.checks.find((c) => c.check === 'income')!.ok).toBe(false);
    const err = errorOf(() => proposeStatusEvent(ledger, clerk, { householdId, type: 'exit', eventDate: '2019-11-20', reason: '脱贫', assessmentId: failed.id }));
    expect(err.detail.field).toBe('overrideReason');
    expect(count(ledger, 'status_events')).toBe(1);

    const { id } = proposeStatusEvent(ledger, clerk, {
      householdId, type: 'exit', eventDate: '2019-11-20', reason: '脱贫', assessmentId: failed.id, overrideReason: '年底务工收入已到账，待补录',
    });
    const row = ledger.sqlite.prepare('SELECT override_reason FROM assessments WHERE id = ?').pluck().get(failed.id);
    expect(row).toBe('年底务工收入已到账，待补录');
    expect(statusTimeline(ledger, householdId).events.find((e) => e.id === id)!.assessmentId).toBe(failed.id);
  });

  it('rejects with a reason and leaves the status as it was; one open proposal at a time', () => {
    const { ledger, clerk, reviewer, householdId } = setup();
    const { id } = proposeStatusEvent(ledger, clerk, { householdId, type: 'identify', eventDate: '2016-04-01', reason: '识别' });
    expect(errorOf(() => proposeStatusEvent(ledger, clerk, { householdId, type: 'cancel', eventDate: '2016-05-01', reason: '重复', cancelReason: 'duplicate' })).code).toBe('CONFLICT');
    expect(pendingEvents(ledger, {}).rows.map((r) => r.id)).toEqual([id]);
    expect(errorOf(() => decideStatusEvents(ledger, reviewer, { eventIds: [id], decision: 'reject' })).detail.field).toBe('note');
    decideStatusEvents(ledger, reviewer, { eventIds: [id], decision: 'reject', note: '评议记录缺失' });
    expect(cached(ledger, householdId).status).toBe('new_identified');
    expect(statusTimeline(ledger, householdId).events[0]).toMatchObject({ state: 'rejected', decisionNote: '评议记录缺失' });
    expect(pendingEvents(ledger, {}).total).toBe(0);
  });

  it('lets only the proposer withdraw an open proposal', () => {
    const { ledger, clerk, reviewer, householdId } = setup();
    const { id } = proposeStatusEvent(ledger, clerk, { householdId, type: 'identify', eventDate: '2016-04-01', reason: '识别' });
    expect(errorOf(() => withdrawStatusEvent(ledger, reviewer, { eventId: id, note: '不是我提的' })).code).toBe('RULE');
    withdrawStatusEvent(ledger, clerk, { eventId: id, note: '日期填错，重新提出' });
    expect(statusTimeline(ledger, householdId)).toMatchObject({ open: null, events: [{ state: 'rejected', decidedByName: 'clerk' }] });
    expect(cached(ledger, householdId).status).toBe('new_identified');
  });

  it('refuses a change that does not fit the history or lies in the future', () => {
    const { ledger, clerk, householdId } = setup();
    const notYet = errorOf(() => proposeStatusEvent(ledger, clerk, { householdId, type: 'return_poverty', eventDate: '2020-01-01', reason: 'x' }));
    expect(notYet.detail.field).toBe('type');
    expect(notYet.zh).toContain('新识别');
    expect(errorOf(() => proposeStatusEvent(ledger, clerk, { householdId, type: 'identify', eventDate: '2999-01-01', reason: 'x' })).detail.field).toBe('eventDate');
    expect(errorOf(() => proposeStatusEvent(ledger, clerk, { householdId, type: 'monitor_start', eventDate: '2022-01-01', reason: 'x', monitoringType: 'unstable' })).detail.field).toBe('monitoringType');
    expect(count(ledger, 'status_events')).toBe(0);
  });

  it('approves a batch all or nothing', () => {
    const { ledger, clerk, reviewer, villageId } = setup();
    const other = createHousehold(ledger, clerk, household(villageId, 'S-0002')).id;
    const third = createHousehold(ledger, clerk, household(villageId, 'S-0003')).id;
    const a = proposeStatusEvent(ledger, clerk, { householdId: other, type: 'identify', eventDate: '2016-04-01', reason: '识别' }).id;
    const b = proposeStatusEvent(ledger, reviewer, { householdId: third, type: 'identify', eventDate: '2016-04-01', reason: '识别' }).id;
    // b was proposed by the reviewer, so the whole batch is refused.
    expect(errorOf(() => decideStatusEvents(ledger, reviewer, { eventIds: [a, b], decision: 'approve' })).code).toBe('RULE');
    expect(cached(ledger, other).status).toBe('new_identified');
    decideStatusEvents(ledger, reviewer, { eventIds: [a], decision: 'approve' });
    expect(cached(ledger, other).status).toBe('poor');
  });
});

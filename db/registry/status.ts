/**
 * Status changes of a household (动态管理): a clerk proposes an event, a DIFFERENT user approves
 * or rejects it. Approving re-derives the household's status from all its approved events
 * (rules/status.ts) and updates the cached columns in the same transaction.
 */
import { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { fail, invalid, notFound } from '../errors';
import { inTransaction, nowIso, today } from '../shared/tx';
import { id, isoDate, zCode } from '../shared/zod';
import { labelOf, type CancelReason, type MonitoringType, type StatusEventType } from '../codes';
import { replay, type DerivedStatus, type StatusEventLike, type TransitionProblem } from '../rules/status';
import { readStatusRules } from './statusRules';
import { loadHousehold } from './households';

export const proposeStatusInput = z.object({
  householdId: id,
  type: zCode('statusEventType'),
  eventDate: isoDate,
  reason: z.string().trim().min(1, 'Give the reason for the change').max(500),
  evidence: z.string().trim().max(1000).default(''),
  monitoringType: zCode('monitoringType').nullish(),
  cancelReason: zCode('cancelReason').nullish(),
  /** Exit only: the assessment the exit rests on. */
  assessmentId: id.nullish(),
  /** Exit only: why the household exits although the assessment failed. */
  overrideReason: z.string().trim().max(500).nullish(),
});
export type ProposeStatusInput = z.input<typeof proposeStatusInput>;

export const decideStatusInput = z.object({
  eventIds: z.array(id).min(1).max(1000),
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).default(''),
});

interface EventRow {
  id: number;
  householdId: number;
  type: StatusEventType;
  monitoringType: MonitoringType | null;
  cancelReason: CancelReason | null;
  eventDate: string;
  state: 'proposed' | 'approved' | 'rejected';
  proposedBy: number;
  assessmentId: number | null;
}

const EVENT_COLUMNS = `id, household_id AS householdId, type, monitoring_type AS monitoringType, cancel_reason AS cancelReason,
  event_date AS eventDate, state, proposed_by AS proposedBy, assessment_id AS assessmentId`;

function approvedEvents(ledger: Ledger, householdId: number): EventRow[] {
  return ledger.sqlite
    .prepare(`SELECT ${EVENT_COLUMNS} FROM status_events WHERE household_id = ? AND state = 'approved'`)
    .all(householdId) as EventRow[];
}

function notFitting(p: TransitionProblem, at: StatusEventLike): never {
  const from = { zh: labelOf('householdStatus', p.from, 'zh'), en: labelOf('householdStatus', p.from, 'en') };
  const what = { zh: labelOf('statusEventType', at.type, 'zh'), en: labelOf('statusEventType', at.type, 'en') };
  if (p.code === 'monitoring_type') {
    invalid('monitoringType', `This monitoring type cannot start for a household that is "${from.en}"`, `“${from.zh}”户不能纳入该类监测`);
  }
  if (p.code === 'cancel_reason') invalid('cancelReason', 'Choose the reason for cancelling', '请选择注销原因');
  invalid('type', `On ${at.eventDate} the household was "${from.en}"; "${what.en}" cannot follow that`,
    `${at.eventDate} 时该户为“${from.zh}”，不能办理“${what.zh}”`);
}

/** The status the approved events give, plus `extra` when it is being added; refuses a history that does not fit. */
function deriveWith(ledger: Ledger, householdId: number, extra?: StatusEventLike): DerivedStatus {
  const events: StatusEventLike[] = approvedEvents(ledger, householdId);
  if (extra) events.push(extra);
  const r = replay(events, readStatusRules(ledger));
  if (!r.ok) notFitting(r.problem, r.at);
  return r.derived;
}

/** Checks the exit's assessment and records the override when the assessment failed. */
function linkAssessment(ledger: Ledger, input: z.output<typeof proposeStatusInput>): number {
  if (!input.assessmentId) invalid('assessmentId', 'An exit needs an assessment of the household', '脱贫须先对该户进行脱贫评估');
  const a = ledger.sqlite
    .prepare('SELECT household_id AS householdId, year, passed FROM assessments WHERE id = ?')
    .get(input.assessmentId) as { householdId: number; year: number; passed: number } | undefined;
  if (!a || a.householdId !== input.householdId) invalid('assessmentId', 'That assessment belongs to another household', '该评估不属于此户');
  const eventYear = Number(input.eventDate.slice(0, 4));
  if (a.year !== eventYear && a.year !== eventYear - 1) {
    invalid('assessmentId', `The assessment is of ${a.year}; an exit in ${eventYear} needs one of ${eventYear - 1} or ${eventYear}`,
      `该评估为 ${a.year} 年度；${eventYear} 年脱贫须依据 ${eventYear - 1} 或 ${eventYear} 年度的评估`);
  }
  const used = ledger.sqlite
    .prepare(`SELECT 1 FROM status_events WHERE assessment_id = ? AND state <> 'rejected'`)
    .get(input.assessmentId);
  if (used) invalid('assessmentId', 'That assessment already supports another exit', '该评估已用于另一次脱贫');
  if (!a.passed) {
    if (!input.overrideReason || input.overrideReason.length < 4) {
      invalid('overrideReason', 'The assessment failed; to propose the exit anyway, say why (at least 4 characters)',
        '评估未通过；如仍要提出脱贫，须说明理由（不少于 4 个字）');
    }
    ledger.sqlite.prepare('UPDATE assessments SET override_reason = ? WHERE id = ?').run(input.overrideReason, input.assessmentId);
  }
  return input.assessmentId;
}

export function proposeStatusEvent(ledger: Ledger, actor: Actor, raw: ProposeStatusInput): { id: number } {
  const input = proposeStatusInput.parse(raw);
  return inTransaction(ledger, () => {
    loadHousehold(ledger, input.householdId);
    if (input.eventDate > today()) invalid('eventDate', 'The date of a status change cannot be in the future', '状态变更日期不能晚于今天');
    const open = ledger.sqlite.prepare(`SELECT id FROM status_events WHERE household_id = ? AND state = 'proposed'`).get(input.householdId);
    if (open) {
      fail('CONFLICT', 'This household already has a change waiting for approval; decide that one first',
        '该户已有一项待审批的变更，请先审批或驳回', { field: 'type' });
    }
    const event: StatusEventLike = {
      type: input.type,
      eventDate: input.eventDate,
      monitoringType: input.type === 'monitor_start' ? (input.monitoringType ?? null) : null,
      cancelReason: input.type === 'cancel' ? (input.cancelReason ?? null) : null,
      id: Number.MAX_SAFE_INTEGER,
    };
    deriveWith(ledger, input.householdId, event);
    const assessmentId = input.type === 'exit' ? linkAssessment(ledger, input) : null;
    const row = ledger.sqlite
      .prepare(
        `INSERT INTO status_events (household_id, type, monitoring_type, cancel_reason, event_date, reason, evidence, assessment_id,
           state, proposed_by, proposed_at)
         VALUES (@householdId, @type, @monitoringType, @cancelReason, @eventDate, @reason, @evidence, @assessmentId, 'proposed', @by, @at)
         RETURNING id`,
      )
      .get({
        householdId: input.householdId, type: input.type, monitoringType: event.monitoringType, cancelReason: event.cancelReason,
        eventDate: input.eventDate, reason: input.reason, evidence: input.evidence, assessmentId, by: actor.userId, at: nowIso(),
      }) as { id: number };
    appendAudit(ledger, actor, { entity: 'status_event', entityId: row.id, action: 'propose', after: { ...input, assessmentId } });
    return row;
  });
}

/** Writes the derived status into the household's cached columns. */
function storeDerived(ledger: Ledger, householdId: number, d: DerivedStatus, createdAt: string): void {
  ledger.sqlite
    .prepare(
      `UPDATE households SET status = @status, monitoring_type = @monitoringType, status_since = @statusSince,
         policy_ends_on = @policyEndsOn, review_due = @reviewDue, updated_at = @now WHERE id = @id`,
    )
    .run({ ...d, statusSince: d.statusSince ?? createdAt.slice(0, 10), now: nowIso(), id: householdId });
}

function decideOne(ledger: Ledger, actor: Actor, eventId: number, decision: 'approve' | 'reject', note: string): void {
  const e = ledger.sqlite.prepare(`SELECT ${EVENT_COLUMNS} FROM status_events WHERE id = ?`).get(eventId) as EventRow | undefined;
  if (!e) notFound('Status change', '状态变更', eventId);
  if (e.state !== 'proposed') fail('CONFLICT', `Change ${eventId} was already decided`, `变更 ${eventId} 已审批`, { field: 'eventIds' });
  const decide = ledger.sqlite.prepare(
    `UPDATE status_events SET state = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?`,
  );
  if (decision === 'reject') {
    if (!note) invalid('note', 'Say why the change is rejected', '请填写驳回理由');
    decide.run('rejected', actor.userId, nowIso(), note, eventId);
    appendAudit(ledger, actor, { entity: 'status_event', entityId: eventId, action: 'reject', before: { state: 'proposed' }, after: { state: 'rejected', note } });
    return;
  }
  if (e.proposedBy === actor.userId) {
    fail('RULE', 'You proposed this change; another user must approve it', '此变更由您提出，须由其他用户审批', { field: 'eventIds' });
  }
  const household = loadHousehold(ledger, e.householdId);
  const derived = deriveWith(ledger, e.householdId, e);
  decide.run('approved', actor.userId, nowIso(), note, eventId);
  storeDerived(ledger, e.householdId, derived, household.createdAt);
  appendAudit(ledger, actor, {
    entity: 'status_event', entityId: eventId, action: 'approve',
    before: { state: 'proposed', household: { status: household.status, monitoringType: household.monitoringType } },
    after: { state: 'approved', household: derived },
  });
}

/** Approves or rejects one or several proposals, all or none. */
export function decideStatusEvents(ledger: Ledger, actor: Actor, raw: z.input<typeof decideStatusInput>): { decided: number } {
  const input = decideStatusInput.parse(raw);
  return inTransaction(ledger, () => {
    for (const eventId of input.eventIds) decideOne(ledger, actor, eventId, input.decision, input.note);
    return { decided: input.eventIds.length };
  });
}

export const withdrawStatusInput = z.object({ eventId: id, note: z.string().trim().min(1, 'Say why the proposal is withdrawn').max(500) });

/** The proposer takes back an open proposal (recorded as rejected by the proposer, with the note). */
export function withdrawStatusEvent(ledger: Ledger, actor: Actor, raw: z.input<typeof withdrawStatusInput>): void {
  const { eventId, note } = withdrawStatusInput.parse(raw);
  inTransaction(ledger, () => {
    const e = ledger.sqlite.prepare(`SELECT ${EVENT_COLUMNS} FROM status_events WHERE id = ?`).get(eventId) as EventRow | undefined;
    if (!e) notFound('Status change', '状态变更', eventId);
    if (e.state !== 'proposed') fail('CONFLICT', `Change ${eventId} was already decided`, `变更 ${eventId} 已审批`, { field: 'eventId' });
    if (e.proposedBy !== actor.userId) fail('RULE', 'Only the proposer may withdraw a proposal', '只有提出人可以撤回', { field: 'eventId' });
    ledger.sqlite
      .prepare(`UPDATE status_events SET state = 'rejected', decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?`)
      .run(actor.userId, nowIso(), note, eventId);
    appendAudit(ledger, actor, { entity: 'status_event', entityId: eventId, action: 'withdraw', before: { state: 'proposed' }, after: { state: 'rejected', note } });
  });
}

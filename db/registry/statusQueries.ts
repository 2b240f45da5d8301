import { z } from 'zod';
import type { Ledger } from '../ledger';
import { id, pageInput, zCode, type Page } from '../shared/zod';
import type { CancelReason, HouseholdStatus, MonitoringType, StatusEventType } from '../codes';
import { allowedMonitoringTypes, allowedTransitions, inOrder, replay, type DerivedStatus, type StatusRules } from '../rules/status';
import { readStatusRules } from './statusRules';
import { loadHousehold } from './households';

export interface StatusEventView {
  id: number;
  householdId: number;
  type: StatusEventType;
  monitoringType: MonitoringType | null;
  cancelReason: CancelReason | null;
  eventDate: string;
  reason: string;
  evidence: string;
  assessmentId: number | null;
  state: 'proposed' | 'approved' | 'rejected';
  proposedBy: number;
  proposedByName: string;
  proposedAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string;
}

const EVENT_COLUMNS = `e.id, e.household_id AS householdId, e.type, e.monitoring_type AS monitoringType, e.cancel_reason AS cancelReason,
    e.event_date AS eventDate, e.reason, e.evidence, e.assessment_id AS assessmentId, e.state,
    e.proposed_by AS proposedBy, coalesce(pu.display_name, '#' || e.proposed_by) AS proposedByName, e.proposed_at AS proposedAt,
    e.decided_by AS decidedBy, du.display_name AS decidedByName, e.decided_at AS decidedAt, e.decision_note AS decisionNote`;
const EVENT_FROM = 'FROM status_events e LEFT JOIN users pu ON pu.id = e.proposed_by LEFT JOIN users du ON du.id = e.decided_by';

export interface StatusTimeline {
  /** Every event, proposed, approved and rejected, oldest first. */
  events: StatusEventView[];
  current: DerivedStatus;
  allowed: StatusEventType[];
  allowedMonitoring: MonitoringType[];
  rules: StatusRules;
  /** The proposal waiting for a decision, if any. */
  open: StatusEventView | null;
}

/** A household's status history, its derived current state and what may happen next. */
export function statusTimeline(ledger: Ledger, householdId: number): StatusTimeline {
  const household = loadHousehold(ledger, householdId);
  const events = inOrder(ledger.sqlite.prepare(`SELECT ${EVENT_COLUMNS} ${EVENT_FROM} WHERE e.household_id = ?`).all(householdId) as StatusEventView[]);
  const rules = readStatusRules(ledger);
  const r = replay(events.filter((e) => e.state === 'approved'), rules);
  // Approval refuses a history that does not fit; one written by other means shows the cached state.
  const current: DerivedStatus = r.ok ? r.derived : {
    status: household.status as HouseholdStatus, monitoringType: household.monitoringType as MonitoringType | null,
    statusSince: household.statusSince, policyEndsOn: household.policyEndsOn, reviewDue: household.reviewDue,
  };
  return {
    events,
    current,
    allowed: allowedTransitions(current),
    allowedMonitoring: allowedMonitoringTypes(current),
    rules,
    open: events.find((e) => e.state === 'proposed') ?? null,
  };
}

export const pendingQuery = pageInput.extend({ villageId: id.optional(), type: zCode('statusEventType').optional() });

export interface PendingRow extends StatusEventView {
  archiveNo: string;
  headName: string;
  village: string;
  status: string;
}

/** Proposals waiting for a decision, oldest first (the reviewer's queue). */
export function pendingEvents(ledger: Ledger, raw: z.input<typeof pendingQuery>): Page<PendingRow> {
  const q = pendingQuery.parse(raw);
  const clauses = [`e.state = 'proposed'`];
  const params: Record<string, unknown> = { limit: q.limit, offset: q.offset };
  if (q.villageId) {
    clauses.push('h.village_id = @villageId');
    params.villageId = q.villageId;
  }
  if (q.type) {
    clauses.push('e.type = @type');
    params.type = q.type;
  }
  const total = ledger.sqlite
    .prepare(`SELECT count(*) FROM status_events e JOIN households h ON h.id = e.household_id WHERE ${clauses.join(' AND ')}`)
    .pluck()
    .get(params) as number;
  const rows = ledger.sqlite
    .prepare(
      `SELECT h.archive_no AS archiveNo, h.head_name AS headName, v.name AS village, h.status, ${EVENT_COLUMNS}
         ${EVENT_FROM} JOIN households h ON h.id = e.household_id JOIN villages v ON v.id = h.village_id
        WHERE ${clauses.join(' AND ')} ORDER BY e.proposed_at, e.id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as PendingRow[];
  return { rows, total, offset: q.offset, limit: q.limit };
}

/**
 * Dynamic management (动态管理): a household's current status is derived from its approved status
 * events, replayed in date order. PURE module: no I/O, shared by the ledger and the renderer.
 *
 * Choices (see docs/REGISTRY.md):
 * - A registered household with no approved event is 新识别 (new_identified): its identification
 *   is awaiting approval. Approving `identify` makes it 未脱贫 (poor).
 * - `exit` starts the grace period (过渡期): policies continue until the same calendar day
 *   `graceYears` later (default 5). Only an approved `end_policy` event moves the household to
 *   已脱贫(不再享受政策); the date is a due date, not an automatic switch, because the status drives
 *   payments and so needs a person to propose it and another to approve it.
 * - Monitoring (防返贫监测) runs beside the status: `unstable` is for exited households; `edge`
 *   and `sudden` may also take in households never registered as poor (status non_poor). A review
 *   is due `reviewMonths` (default 6) after monitoring starts or was last reviewed.
 * - `cancel` (death, error, duplicate) ends the record; nothing follows it.
 */
import type { CancelReason, HouseholdStatus, MonitoringType, StatusEventType } from '../codes';

export interface StatusRules {
  /** Years policies continue after exit (脱贫不脱政策, 过渡期). */
  graceYears: number;
  /** Months until a monitored household must be reviewed again. */
  reviewMonths: number;
}

export const DEFAULT_STATUS_RULES: StatusRules = { graceYears: 5, reviewMonths: 6 };

export interface StatusEventLike {
  /** Breaks ties between events of the same date (insertion order). */
  id?: number;
  type: StatusEventType;
  eventDate: string;
  monitoringType?: MonitoringType | null;
  cancelReason?: CancelReason | null;
}

export interface DerivedStatus {
  status: HouseholdStatus;
  monitoringType: MonitoringType | null;
  /** Date of the last event that changed the status; null while none has been approved. */
  statusSince: string | null;
  policyEndsOn: string | null;
  reviewDue: string | null;
}

export const INITIAL_STATUS: DerivedStatus = {
  status: 'new_identified', monitoringType: null, statusSince: null, policyEndsOn: null, reviewDue: null,
};

/** Statuses that count as poor people for poverty incidence. */
export const POOR_STATUSES: readonly HouseholdStatus[] = ['new_identified', 'poor', 'returned'];

const EXITED: readonly HouseholdStatus[] = ['exited', 'exited_no_policy'];
const NOT_POOR_YET: readonly HouseholdStatus[] = ['new_identified', 'non_poor'];

/** Which monitoring types may start from a status. */
function monitoringAllowed(status: HouseholdStatus): MonitoringType[] {
  if (EXITED.includes(status)) return ['unstable', 'sudden'];
  if (NOT_POOR_YET.includes(status)) return ['edge', 'sudden'];
  return [];
}

/** The event types a household in this state may take next. */
export function allowedTransitions(state: Pick<DerivedStatus, 'status' | 'monitoringType'>): StatusEventType[] {
  const { status, monitoringType } = state;
  if (status === 'cancelled') return [];
  const out: StatusEventType[] = [];
  if (NOT_POOR_YET.includes(status)) out.push('identify');
  if (status === 'poor' || status === 'returned') out.push('exit');
  if (status === 'exited') out.push('end_policy');
  if (EXITED.includes(status)) out.push('return_poverty');
  if (monitoringType) out.push('monitor_review', 'monitor_end');
  else if (monitoringAllowed(status).length) out.push('monitor_start');
  out.push('cancel');
  return out;
}

/** Monitoring types that may start from this state ([] when monitoring cannot start). */
export function allowedMonitoringTypes(state: Pick<DerivedStatus, 'status' | 'monitoringType'>): MonitoringType[] {
  return state.monitoringType ? [] : monitoringAllowed(state.status);
}

export type TransitionProblem = { code: 'not_allowed' | 'monitoring_type' | 'cancel_reason'; from: HouseholdStatus; type: StatusEventType };

/** Adds whole years or months to an ISO date, clamping to the month's end (2020-02-29 + 1y → 2021-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The state after one event, or the reason the event does not fit. */
export function applyEvent(state: DerivedStatus, e: StatusEventLike, rules: StatusRules = DEFAULT_STATUS_RULES): DerivedStatus | TransitionProblem {
  const problem = (code: TransitionProblem['code']): TransitionProblem => ({ code, from: state.status, type: e.type });
  if (!allowedTransitions(state).includes(e.type)) return problem('not_allowed');
  const moved = (status: HouseholdStatus, extra: Partial<DerivedStatus> = {}): DerivedStatus => ({ ...state, status, statusSince: e.eventDate, ...extra });
  const unmonitored = { monitoringType: null, reviewDue: null };
  switch (e.type) {
    case 'identify':
      return moved('poor', unmonitored);
    case 'exit':
      return moved('exited', { policyEndsOn: addMonths(e.eventDate, rules.graceYears * 12) });
    case 'end_policy':
      return moved('exited_no_policy', { policyEndsOn: e.eventDate });
    case 'return_poverty':
      return moved('returned', { ...unmonitored, policyEndsOn: null });
    case 'monitor_start': {
      if (!e.monitoringType || !monitoringAllowed(state.status).includes(e.monitoringType)) return problem('monitoring_type');
      const reviewDue = addMonths(e.eventDate, rules.reviewMonths);
      if (state.status === 'new_identified') return moved('non_poor', { monitoringType: e.monitoringType, reviewDue });
      return { ...state, monitoringType: e.monitoringType, reviewDue };
    }
    case 'monitor_review':
      return { ...state, reviewDue: addMonths(e.eventDate, rules.reviewMonths) };
    case 'monitor_end':
      return { ...state, ...unmonitored };
    case 'cancel':
      if (!e.cancelReason) return problem('cancel_reason');
      return moved('cancelled', { ...unmonitored, policyEndsOn: null });
  }
}

export const isProblem = (r: DerivedStatus | TransitionProblem): r is TransitionProblem => 'code' in r;

/** Events in the order they happened: by date, then by id (the order they were recorded). */
export function inOrder<E extends StatusEventLike>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => (a.eventDate < b.eventDate ? -1 : a.eventDate > b.eventDate ? 1 : (a.id ?? 0) - (b.id ?? 0)));
}

export type Replay =
  | { ok: true; derived: DerivedStatus }
  | { ok: false; problem: TransitionProblem; at: StatusEventLike };

/** Replays events in order; stops at the first that does not fit the state before it. */
export function replay(events: readonly StatusEventLike[], rules: StatusRules = DEFAULT_STATUS_RULES): Replay {
  let state = INITIAL_STATUS;
  for (const e of inOrder(events)) {
    const next = applyEvent(state, e, rules);
    if (isProblem(next)) return { ok: false, problem: next, at: e };
    state = next;
  }
  return { ok: true, derived: state };
}

/** The current status from the approved events; throws when they do not form a valid history. */
export function deriveStatus(events: readonly StatusEventLike[], rules: StatusRules = DEFAULT_STATUS_RULES): DerivedStatus {
  const r = replay(events, rules);
  if (!r.ok) throw new RangeError(`status event ${r.at.type} on ${r.at.eventDate} does not follow ${r.problem.from}`);
  return r.derived;
}

/** Monitored households whose review date has passed. */
export const reviewOverdue = (d: Pick<DerivedStatus, 'reviewDue'>, today: string): boolean => d.reviewDue !== null && d.reviewDue < today;

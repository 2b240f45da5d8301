/**
 * Status history of a demo household: approved status events chosen so that replaying them
 * (rules/status.ts) gives the intended status; the household's status columns are then taken from
 * that replay, so they are always what the events say.
 */
import type { CancelReason, HouseholdStatus, MonitoringType, StatusEventType } from '../codes';
import { DEFAULT_STATUS_RULES, deriveStatus } from '../rules/status';
import type { DemoContext } from './context';
import { addMonthsDay as addM, dayOf, isoOf, ymd } from './dates';
import type { EventDraft } from './drafts';
import type { PlantedKey } from './planted';
import type { Weights } from './random';

// Kept short: they are repeated on every event row (≈ 150,000 rows at the L scale).
const EVIDENCE: Record<StatusEventType, string> = {
  identify: '申请书、评议记录、公示照片',
  exit: '收入核算表、核验表、公示照片',
  end_policy: '到期核查表',
  return_poverty: '入户核查记录、收入核算表',
  monitor_start: '申报表、核实记录、公示照片',
  monitor_end: '风险消除核实表',
  monitor_review: '复核记录',
  cancel: '核查报告',
};

const REASON: Record<StatusEventType, string> = {
  identify: '民主评议、公示无异议，识别为贫困户',
  exit: '收入超过扶贫标准，两不愁三保障达标',
  end_policy: '过渡期满，不再享受政策',
  return_poverty: '收入骤降，低于扶贫标准',
  monitor_start: '存在返贫致贫风险',
  monitor_end: '收入稳定，风险已消除',
  monitor_review: '风险尚未消除，继续监测',
  cancel: '经核实注销',
};

const MONITOR_REASON: Record<MonitoringType, string> = {
  unstable: '脱贫不稳定，收入下降',
  edge: '收入接近扶贫标准',
  sudden: '突发大病，医疗支出大',
};

const CANCEL_REASON_TEXT: Record<CancelReason, string> = {
  death: '户内唯一成员死亡',
  error: '识别错误',
  duplicate: '重复登记',
  other: '全户迁出本县',
};

const W_IDENTIFIED_YEAR: Weights<number> = [[2014, 50], [2015, 12], [2016, 10], [2017, 10], [2018, 10], [2019, 8]];
const W_MONITORING: Weights<MonitoringType> = [['unstable', 65], ['sudden', 35]];

const D2021 = ymd(2021, 1, 1);
const D2021_07 = ymd(2021, 7, 1);
const { graceYears, reviewMonths } = DEFAULT_STATUS_RULES;

export interface HistoryDraft {
  events: EventDraft[];
  identifiedYear: number;
  identifyDay: number;
  monitoringType: MonitoringType | null;
  statusSinceDay: number;
  policyEndsDay: number | null;
  reviewDueDay: number | null;
}

/** Events that lead to `status` (and, for a plant, to its condition), with the status they give. */
export function drawHistory(
  ctx: DemoContext,
  status: HouseholdStatus,
  cancelReason: CancelReason | null,
  plant: PlantedKey | undefined,
): HistoryDraft {
  const { rng, today, randDay } = ctx;
  /** Exits since this day are still in their grace period more than 120 days from today. */
  const recentExitEarliest = addM(today + 120, -12 * graceYears);
  /** Old exits end no later than this, so that their grace period ended at least 30 days ago. */
  const oldExitLatest = Math.min(ymd(2020, 12, 25), addM(today - 31, -12 * graceYears));

  const events: EventDraft[] = [];
  const ev = (type: StatusEventType, day: number, extra: Partial<EventDraft> = {}) => {
    events.push({ type, day, monitoringType: null, cancelReason: null, reason: REASON[type], evidence: EVIDENCE[type], ...extra });
    return day;
  };
  const monitoringStart = (type: MonitoringType, day: number) => ev('monitor_start', day, { monitoringType: type, reason: MONITOR_REASON[type] });
  /** Reviews every six months (a few days early) so that the next review is due at least 15 days ahead. */
  const reviewsUntilCurrent = (from: number) => {
    let cursor = from;
    while (addM(cursor, reviewMonths) < today + 15) cursor = ev('monitor_review', Math.min(addM(cursor, reviewMonths) - rng.int(0, 20), today - 1));
  };

  let identifiedYear: number;
  let identifyDay = 0;
  if (status === 'non_poor') {
    // Never registered as poor: taken into monitoring as an edge or sudden-hardship household.
    const type = rng.chance(0.7) ? 'edge' : 'sudden';
    const start = monitoringStart(type, randDay(D2021_07, today - 30));
    identifiedYear = Number(isoOf(start).slice(0, 4));
    reviewsUntilCurrent(start);
  } else {
    identifiedYear = rng.weighted(W_IDENTIFIED_YEAR);
    identifyDay = ev('identify', randDay(ymd(identifiedYear, 1, 10), ymd(identifiedYear, 12, 20)));
    /** An exit in the poverty-alleviation years (2015–2020), at a year-end assessment. */
    const oldExit = () => {
      const year = rng.int(Math.max(identifiedYear + 1, 2015), 2020);
      return Math.min(randDay(Math.max(ymd(year, 10, 1), identifyDay + 200), ymd(year, 12, 25)), oldExitLatest);
    };
    const overdueStart = addM(today - 20, -reviewMonths);
    let last = identifyDay;
    if (status === 'exited') {
      // Still within the grace period: the exit (or the exit after a return to poverty) is recent.
      const lo = Math.max(recentExitEarliest, identifyDay + 200);
      const exitDay = plant === 'grace_period_ending' ? addM(today + 45, -12 * graceYears)
        : plant === 'monitoring_overdue' ? randDay(lo, overdueStart - 30)
          : randDay(lo, today - 60);
      if (!plant && rng.chance(0.5)) {
        const first = oldExit();
        const back = randDay(Math.max(first + 365, D2021), exitDay - 120);
        if (back >= first + 365 && back <= exitDay - 90) {
          ev('exit', first);
          ev('return_poverty', back);
        }
      }
      last = ev('exit', exitDay);
      if (plant === 'monitoring_overdue') {
        monitoringStart('unstable', overdueStart); // review due 20 days ago, not reviewed since
        last = overdueStart;
      }
    } else if (status === 'exited_no_policy') {
      const exitDay = ev('exit', oldExit());
      const due = addM(exitDay, 12 * graceYears);
      last = ev('end_policy', randDay(due, Math.min(due + 30, today - 1)));
    } else if (status === 'returned') {
      const exitDay = ev('exit', oldExit());
      last = ev('return_poverty', randDay(Math.max(exitDay + 365, D2021 + 60), today - 30));
    } else if (status === 'cancelled') {
      if (rng.chance(0.4)) last = ev('exit', oldExit());
      last = ev('cancel', randDay(last + 90, today - 30), { cancelReason, reason: CANCEL_REASON_TEXT[cancelReason!] });
    }

    // Monitoring (防返贫监测) of exited households: current, or ended in the past.
    const exitedNow = status === 'exited' || status === 'exited_no_policy';
    const earliest = Math.max(last + 30, D2021_07);
    if (!plant && exitedNow && earliest < today - 30 && rng.chance(0.06)) {
      reviewsUntilCurrent(monitoringStart(rng.weighted(W_MONITORING), randDay(earliest, today - 30)));
    } else if (!plant && exitedNow && earliest < today - 400 && rng.chance(0.04)) {
      const start = monitoringStart(rng.weighted(W_MONITORING), randDay(earliest, today - 400));
      ev('monitor_end', start + rng.int(60, 170));
    }
  }

  // With an early `today`, a late exit window can start before the drawn identification date:
  // then the household was identified earlier.
  if (events.length > 1 && events[0]!.type === 'identify' && events[1]!.day <= events[0]!.day + 30) {
    identifyDay = events[0]!.day = events[1]!.day - rng.int(200, 400);
    identifiedYear = Number(isoOf(identifyDay).slice(0, 4));
  }

  const derived = deriveStatus(events.map((e) => ({ type: e.type, eventDate: isoOf(e.day), monitoringType: e.monitoringType, cancelReason: e.cancelReason })));
  if (derived.status !== status) throw new Error(`demo generator: events give ${derived.status}, meant ${status}`);
  if (identifyDay === 0) identifyDay = events[0]!.day;
  return {
    events,
    identifiedYear,
    identifyDay,
    monitoringType: derived.monitoringType,
    statusSinceDay: dayOf(derived.statusSince!),
    policyEndsDay: derived.policyEndsOn === null ? null : dayOf(derived.policyEndsOn),
    reviewDueDay: derived.reviewDue === null ? null : dayOf(derived.reviewDue),
  };
}

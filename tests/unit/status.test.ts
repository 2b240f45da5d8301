import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths, allowedMonitoringTypes, allowedTransitions, applyEvent, deriveStatus, INITIAL_STATUS, isProblem, replay,
  type DerivedStatus, type StatusEventLike,
} from '../../db/rules/status';
import { codesOf } from '../../db/codes';

const ev = (type: StatusEventLike['type'], eventDate: string, extra: Partial<StatusEventLike> = {}): StatusEventLike => ({ type, eventDate, ...extra });

describe('deriveStatus', () => {
  it('starts as newly identified with nothing approved', () => {
    expect(deriveStatus([])).toEqual(INITIAL_STATUS);
  });

  it('follows identification, exit with its grace period, and the end of policies', () => {
    const d = deriveStatus([ev('identify', '2016-03-01'), ev('exit', '2019-11-20'), ev('end_policy', '2024-11-20')]);
    expect(d).toEqual({ status: 'exited_no_policy', monitoringType: null, statusSince: '2024-11-20', policyEndsOn: '2024-11-20', reviewDue: null });
  });

  it('keeps policies for the configured number of years after exit', () => {
    expect(deriveStatus([ev('identify', '2016-03-01'), ev('exit', '2019-11-20')]).policyEndsOn).toBe('2024-11-20');
    expect(deriveStatus([ev('identify', '2016-03-01'), ev('exit', '2019-11-20')], { graceYears: 3, reviewMonths: 6 }).policyEndsOn).toBe('2022-11-20');
  });

  it('replays by date, whatever order the events come in', () => {
    const events = [ev('exit', '2019-11-20', { id: 1 }), ev('identify', '2016-03-01', { id: 2 }), ev('return_poverty', '2022-05-01', { id: 3 })];
    expect(deriveStatus(events).status).toBe('returned');
  });

  it('runs monitoring beside the status and sets the review date', () => {
    const d = deriveStatus([ev('identify', '2016-03-01'), ev('exit', '2019-11-20'), ev('monitor_start', '2022-01-31', { monitoringType: 'unstable' })]);
    expect(d.status).toBe('exited');
    expect(d.monitoringType).toBe('unstable');
    expect(d.statusSince).toBe('2019-11-20');
    expect(d.reviewDue).toBe('2022-07-31');
    const reviewed = deriveStatus([ev('identify', '2016-03-01'), ev('exit', '2019-11-20'), ev('monitor_start', '2022-01-31', { monitoringType: 'unstable' }), ev('monitor_review', '2022-07-20')]);
    expect(reviewed.reviewDue).toBe('2023-01-20');
    const ended = deriveStatus([ev('identify', '2016-03-01'), ev('exit', '2019-11-20'), ev('monitor_start', '2022-01-31', { monitoringType: 'unstable' }), ev('monitor_end', '2022-10-01')]);
    expect(ended).toMatchObject({ status: 'exited', monitoringType: null, reviewDue: null });
  });

  it('takes edge households that were never poor into monitoring as non-poor', () => {
    const d = deriveStatus([ev('monitor_start', '2023-04-02', { monitoringType: 'edge' })]);
    expect(d).toMatchObject({ status: 'non_poor', monitoringType: 'edge', statusSince: '2023-04-02' });
  });

  it('ends everything at cancellation', () => {
    const d = deriveStatus([ev('identify', '2016-03-01'), ev('exit', '2019-11-20'), ev('monitor_start', '2022-01-31', { monitoringType: 'sudden' }), ev('cancel', '2023-01-05', { cancelReason: 'death' })]);
    expect(d).toEqual({ status: 'cancelled', monitoringType: null, statusSince: '2023-01-05', policyEndsOn: null, reviewDue: null });
    expect(allowedTransitions(d)).toEqual([]);
  });

  it('refuses a history that does not fit, naming the event', () => {
    const r = replay([ev('identify', '2016-03-01'), ev('return_poverty', '2017-01-01')]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r).toMatchObject({ problem: { code: 'not_allowed', from: 'poor', type: 'return_poverty' }, at: { eventDate: '2017-01-01' } });
    expect(() => deriveStatus([ev('exit', '2019-01-01')])).toThrow(/exit/);
  });

  it('refuses unstable monitoring of a household that never exited, and a cancellation without reason', () => {
    const poor = deriveStatus([ev('identify', '2016-03-01')]);
    expect(allowedMonitoringTypes(poor)).toEqual([]);
    expect(applyEvent(poor, ev('monitor_start', '2020-01-01', { monitoringType: 'unstable' }))).toMatchObject({ code: 'not_allowed' });
    const exited = deriveStatus([ev('identify', '2016-03-01'), ev('exit', '2019-11-20')]);
    expect(applyEvent(exited, ev('monitor_start', '2020-01-01', { monitoringType: 'edge' }))).toMatchObject({ code: 'monitoring_type' });
    expect(applyEvent(exited, ev('cancel', '2020-01-01'))).toMatchObject({ code: 'cancel_reason' });
  });
});

describe('allowedTransitions', () => {
  it('offers what each status may take next', () => {
    expect(allowedTransitions({ status: 'new_identified', monitoringType: null })).toEqual(['identify', 'monitor_start', 'cancel']);
    expect(allowedTransitions({ status: 'poor', monitoringType: null })).toEqual(['exit', 'cancel']);
    expect(allowedTransitions({ status: 'exited', monitoringType: null })).toEqual(['end_policy', 'return_poverty', 'monitor_start', 'cancel']);
    expect(allowedTransitions({ status: 'exited_no_policy', monitoringType: 'unstable' })).toEqual(['return_poverty', 'monitor_review', 'monitor_end', 'cancel']);
    expect(allowedTransitions({ status: 'returned', monitoringType: null })).toEqual(['exit', 'cancel']);
  });

  it('agrees with applyEvent for every status and event type (property)', () => {
    const statuses = codesOf('householdStatus');
    const types = codesOf('statusEventType');
    fc.assert(fc.property(
      fc.constantFrom(...statuses), fc.constantFrom(null, ...codesOf('monitoringType')), fc.constantFrom(...types),
      (status, monitoringType, type) => {
        const state: DerivedStatus = { ...INITIAL_STATUS, status, monitoringType };
        const e = ev(type, '2024-05-01', { monitoringType: allowedMonitoringTypes(state)[0] ?? 'edge', cancelReason: 'error' });
        const next = applyEvent(state, e);
        expect(!isProblem(next)).toBe(allowedTransitions(state).includes(type));
      },
    ));
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months and handles leap days', () => {
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
    expect(addMonths('2019-11-20', 60)).toBe('2024-11-20');
  });
});

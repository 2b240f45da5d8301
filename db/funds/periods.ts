import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { fail } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { periodInput, periodsQuery } from './schemas';
import type { z } from 'zod';

export function isClosed(ledger: Ledger, period: string): boolean {
  return ledger.sqlite.prepare('SELECT 1 FROM fund_periods WHERE period = ?').get(period) !== undefined;
}

/** Refuses a voucher dated in a closed month. */
export function assertPeriodOpen(ledger: Ledger, date: string, field = 'date'): void {
  const period = date.slice(0, 7);
  if (isClosed(ledger, period)) {
    fail('RULE', `The period ${period} is closed; no voucher dated in it can be entered or posted`,
      `会计期间 ${period} 已结账，不能录入或记账该期间的凭证`, { field });
  }
}

export interface PeriodRow {
  period: string;
  closed: boolean;
  closedBy: string | null;
  closedAt: string | null;
  drafts: number;
  reviewed: number;
  posted: number;
}

/** The twelve months of a year with their state and voucher counts. */
export function listPeriods(ledger: Ledger, raw: z.input<typeof periodsQuery>): PeriodRow[] {
  const { year } = periodsQuery.parse(raw);
  const closed = new Map(
    (ledger.sqlite
      .prepare(`SELECT p.period, p.closed_at AS closedAt, coalesce(u.display_name, 'system') AS closedBy
                  FROM fund_periods p LEFT JOIN users u ON u.id = p.closed_by WHERE p.period LIKE ?`)
      .all(`${year}-%`) as { period: string; closedAt: string; closedBy: string }[]).map((r) => [r.period, r]),
  );
  const counts = ledger.sqlite
    .prepare(`SELECT substr(date, 1, 7) AS period, status, count(*) AS n FROM vouchers WHERE year = ? GROUP BY 1, 2`)
    .all(year) as { period: string; status: 'draft' | 'reviewed' | 'posted'; n: number }[];
  return Array.from({ length: 12 }, (_, i) => {
    const period = `${year}-${String(i + 1).padStart(2, '0')}`;
    const c = closed.get(period);
    const n = (status: string) => counts.find((r) => r.period === period && r.status === status)?.n ?? 0;
    return {
      period, closed: Boolean(c), closedBy: c?.closedBy ?? null, closedAt: c?.closedAt ?? null,
      drafts: n('draft'), reviewed: n('reviewed'), posted: n('posted'),
    };
  });
}

/** Closes a month. Every voucher dated in it must be posted (or deleted) first. */
export function closePeriod(ledger: Ledger, actor: Actor, raw: z.input<typeof periodInput>): void {
  const { period } = periodInput.parse(raw);
  inTransaction(ledger, () => {
    if (isClosed(ledger, period)) fail('CONFLICT', `The period ${period} is already closed`, `会计期间 ${period} 已经结账`, { field: 'period' });
    const unposted = ledger.sqlite
      .prepare(`SELECT count(*) FROM vouchers WHERE status <> 'posted' AND date >= ? AND date < ?`)
      .pluck().get(`${period}-01`, `${period}-32`) as number;
    if (unposted > 0) {
      fail('RULE', `${unposted} voucher(s) dated in ${period} are not posted yet; post or delete them before closing`,
        `${period} 还有 ${unposted} 张凭证未记账，请先记账或删除后再结账`, { field: 'period' });
    }
    const row = { period, closedBy: actor.userId, closedAt: nowIso() };
    ledger.sqlite.prepare('INSERT INTO fund_periods (period, closed_by, closed_at) VALUES (@period, @closedBy, @closedAt)').run(row);
    appendAudit(ledger, actor, { entity: 'fund_period', entityId: period, action: 'close', after: row });
  });
}

/** Reopens the latest closed month (反结账); later months must be reopened first. */
export function reopenPeriod(ledger: Ledger, actor: Actor, raw: z.input<typeof periodInput>): void {
  const { period } = periodInput.parse(raw);
  inTransaction(ledger, () => {
    const before = ledger.sqlite.prepare('SELECT * FROM fund_periods WHERE period = ?').get(period);
    if (!before) fail('CONFLICT', `The period ${period} is not closed`, `会计期间 ${period} 未结账`, { field: 'period' });
    const later = ledger.sqlite.prepare('SELECT max(period) FROM fund_periods WHERE period > ?').pluck().get(period) as string | null;
    if (later) fail('RULE', `Reopen ${later} first: only the latest closed period can be reopened`, `请先反结账 ${later}：只能反结账最近一个已结账期间`, { field: 'period' });
    ledger.sqlite.prepare('DELETE FROM fund_periods WHERE period = ?').run(period);
    appendAudit(ledger, actor, { entity: 'fund_period', entityId: period, action: 'reopen', before });
  });
}

/**
 * What every village notice shares: its title, posting period and the office that takes
 * objections. Posting periods: at least 7 days for identification and exit notices, 5 days for
 * monitoring (DESIGN.md §2), 10 days for fund use, 7 days for an income distribution list; the default is the minimum, starting today.
 */
import { invalid } from '../errors';
import type { NoticeData } from '../../electron/print/types';
import type { PrintContext } from './context';
import type { NoticeKindNow } from './schemas';

export const MIN_POSTING_DAYS: Record<NoticeKindNow, number> = { identification: 7, exit: 7, monitoring: 5, fund_use: 10, distribution: 7 };

const TITLE: Record<NoticeKindNow, { zh: string; en: string }> = {
  identification: { zh: '贫困户识别公示', en: 'notice of newly identified poor households' },
  exit: { zh: '贫困户脱贫公示', en: 'notice of households exiting poverty' },
  monitoring: { zh: '防返贫监测对象公示', en: 'notice of households under monitoring' },
  fund_use: { zh: '扶贫资金使用情况公示', en: 'notice of special poverty-alleviation fund use' },
  distribution: { zh: '扶贫资产收益分配公示', en: 'notice of poverty-alleviation asset income distribution' },
};

export interface VillagePlace {
  villageId: number;
  village: string;
  township: string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function postingPeriod(kind: NoticeKindNow, ctx: PrintContext, from?: string, days?: number): { periodFrom: string; periodTo: string } {
  const min = MIN_POSTING_DAYS[kind];
  const n = days ?? min;
  if (n < min) {
    invalid('postingDays', `A ${kind} notice is posted for at least ${min} days`, `该类公示期不得少于 ${min} 天`);
  }
  const periodFrom = from ?? ctx.today;
  return { periodFrom, periodTo: addDays(periodFrom, n - 1) };
}

/** Title, place, period and contact of a notice; the caller adds intro, columns and rows. */
export function noticeFrame(
  kind: NoticeKindNow,
  place: VillagePlace,
  ctx: PrintContext,
  period: { periodFrom: string; periodTo: string },
): Omit<NoticeData, 'intro' | 'columns' | 'rows'> {
  const county = ctx.county.name;
  const zh = ctx.lang === 'zh';
  return {
    serial: '',
    kind,
    title: zh ? `${place.village}${ctx.year}年${TITLE[kind].zh}` : `${place.village}: ${ctx.year} ${TITLE[kind].en}`,
    village: place.village,
    township: place.township,
    county,
    ...period,
    contact: { unit: ctx.office, phone: ctx.county.officePhone || '—' },
    printedAt: ctx.printedAt,
  };
}

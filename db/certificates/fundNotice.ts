/**
 * The village notice of fund use (资金使用公示) from the fund ledger's disclosure (db/funds/disclosure.ts):
 * the funds by level in the intro, then the projects (name, site, content and period, implementer,
 * amount, beneficiaries) and the households paid directly (head and archive number, amount).
 *
 * Six columns (the notice table gives every column the same width; more would run off the page),
 * and periods as months (2026.03–2026.10): two full dates in one cell would read as a phone
 * number to the notice privacy guard.
 */
import type { Ledger } from '../ledger';
import { labelOf, type Lang } from '../codes';
import { formatFen, sumFen } from '../rules/money';
import { disclosure } from '../funds/disclosure';
import type { NoticeColumn, NoticeData } from '../../electron/print/types';
import type { PrintContext } from './context';
import { noticeFrame, type VillagePlace } from './noticeFrame';

type Disclosure = ReturnType<typeof disclosure>;

function columns(lang: Lang): NoticeColumn[] {
  const zh = lang === 'zh';
  return [
    { key: 'item', label: zh ? '项目名称 / 受益户' : 'Project / household' },
    { key: 'site', label: zh ? '建设地点' : 'Site' },
    { key: 'content', label: zh ? '建设内容及期限' : 'Content and period' },
    { key: 'implementer', label: zh ? '实施单位' : 'Implementer' },
    { key: 'amount', label: zh ? '资金（元）' : 'Amount (CNY)' },
    { key: 'beneficiaries', label: zh ? '受益户数' : 'Beneficiaries' },
  ];
}

function intro(d: Disclosure, lang: Lang): string {
  const byLevel = new Map<string, number[]>();
  for (const f of d.funds) byLevel.set(f.level, [...(byLevel.get(f.level) ?? []), f.amountFen]);
  const parts = [...byLevel].map(([level, amounts]) => `${labelOf('fundLevel', level, lang)} ${formatFen(sumFen(amounts))}`);
  const paid = d.householdsPaid.length;
  if (lang === 'zh') {
    return `${d.year}年本村共安排财政专项扶贫资金 ${formatFen(d.fundsTotalFen)} 元${parts.length ? `（${parts.join(' 元、')} 元）` : ''}，` +
      `实施项目 ${d.projects.length} 个${paid ? `，直接补助到户 ${paid} 户共 ${formatFen(d.householdsPaidTotalFen)} 元` : ''}。按照“谁分配、谁使用、谁公开”的要求，现将资金使用情况公示如下，接受群众监督。`;
  }
  return `In ${d.year} the village was allocated ${formatFen(d.fundsTotalFen)} yuan of special poverty-alleviation funds` +
    `${parts.length ? ` (${parts.join(' yuan; ')} yuan)` : ''} for ${d.projects.length} project(s)` +
    `${paid ? `; ${paid} household(s) were paid ${formatFen(d.householdsPaidTotalFen)} yuan directly` : ''}. ` +
    'Whoever allocates or uses the funds discloses them: their use is posted below for the public to see.';
}

const month = (iso: string | null) => (iso ? `${iso.slice(0, 4)}.${iso.slice(5, 7)}` : '');

function projectRows(d: Disclosure, lang: Lang): Record<string, string>[] {
  const zh = lang === 'zh';
  return d.projects.map((p) => ({
    item: p.name,
    site: p.site,
    content: p.plannedStart || p.plannedEnd ? `${p.content}\n${month(p.plannedStart)}–${month(p.plannedEnd)}` : p.content,
    implementer: p.implementer,
    amount: formatFen(p.amountFen),
    beneficiaries: zh ? `${p.beneficiaryHouseholds}户${p.beneficiaryPeople}人` : `${p.beneficiaryHouseholds} hh / ${p.beneficiaryPeople} people`,
  }));
}

function paymentRows(d: Disclosure, lang: Lang): Record<string, string>[] {
  const zh = lang === 'zh';
  return d.householdsPaid.map((h) => ({
    item: `${h.headName}\n${h.archiveNo}`,
    site: h.village,
    content: zh ? '直接补助到户' : 'Paid to the household',
    implementer: '',
    amount: formatFen(h.amountFen),
    beneficiaries: zh ? '1户' : '1 hh',
  }));
}

/** Null when the village has no project and no household payment in the year. */
export function fundNoticeData(ledger: Ledger, place: VillagePlace, ctx: PrintContext, period: { periodFrom: string; periodTo: string }): NoticeData | null {
  const d = disclosure(ledger, { year: ctx.year, villageId: place.villageId });
  if (!d.projects.length && !d.householdsPaid.length) return null;
  return {
    ...noticeFrame('fund_use', place, ctx, period),
    intro: intro(d, ctx.lang),
    columns: columns(ctx.lang),
    rows: [...projectRows(d, ctx.lang), ...paymentRows(d, ctx.lang)],
  };
}

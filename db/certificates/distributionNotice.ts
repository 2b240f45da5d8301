/**
 * The village notice of an asset-income distribution (收益分配公示) from a distribution plan
 * (db/assets): the asset, the income period(s) and the plan's total in the intro, then every
 * allocation paid in the village — household dividends (archive number, head, group, shares),
 * public-welfare post wages, the collective's dividend and public works — with a total that is the
 * exact sum of the rows. Allocations of 0 (shareholders the eligibility rules left out) are not
 * listed. NEVER ID numbers, phones, bank accounts or health (the renderer's privacy guard checks again).
 */
import type { Ledger } from '../ledger';
import { fail } from '../errors';
import type { Lang } from '../codes';
import { formatFen, sumFen } from '../rules/money';
import { getPlan, type PlanDetail } from '../assets/planQueries';
import type { NoticeColumn, NoticeData } from '../../electron/print/types';
import type { PrintContext } from './context';
import { noticeFrame, type VillagePlace } from './noticeFrame';

/** A plan is posted once it is approved (before payment) or after it was paid. */
const POSTABLE = ['approved', 'paid'] as const;

interface AllocationLine {
  kind: 'dividend' | 'post' | 'works';
  archiveNo: string | null;
  headName: string | null;
  groupName: string | null;
  weight: number;
  amountFen: number;
}

const KIND: Record<string, { zh: string; en: string }> = {
  dividend: { zh: '股份分红', en: 'Dividend' },
  collective: { zh: '村集体分红', en: 'Collective dividend' },
  post: { zh: '公益岗位工资', en: 'Public-welfare post' },
  works: { zh: '村级公益事业', en: 'Village public works' },
};

function columns(lang: Lang): NoticeColumn[] {
  const zh = lang === 'zh';
  return [
    { key: 'archiveNo', label: zh ? '户编号' : 'Archive no.', weight: 1.3, align: 'center' },
    { key: 'name', label: zh ? '户主姓名' : 'Head of household', weight: 1.7 },
    { key: 'group', label: zh ? '村民小组' : 'Group', weight: 0.8, align: 'center' },
    { key: 'kind', label: zh ? '分配类别' : 'Allocation', weight: 1.3 },
    { key: 'shares', label: zh ? '折算股份' : 'Shares', weight: 0.8, align: 'right' },
    { key: 'amount', label: zh ? '分配金额（元）' : 'Amount (CNY)', weight: 1.2, align: 'right' },
  ];
}

/** The plan to post, refused unless it is approved or paid. */
export function postablePlan(ledger: Ledger, planId: number): PlanDetail {
  const plan = getPlan(ledger, planId);
  if (!(POSTABLE as readonly string[]).includes(plan.status)) {
    fail('RULE', `Plan ${planId} is ${plan.status}: only an approved or paid distribution plan is posted`,
      `方案 ${planId} 尚未审批或已作废/冲销：只公示已审批或已发放的收益分配方案`, { field: 'planId' });
  }
  return plan;
}

/** Villages (in code order) with at least one allocation above zero in the plan. */
export function planVillageIds(ledger: Ledger, planId: number): Set<number> {
  return new Set(ledger.sqlite
    .prepare('SELECT DISTINCT village_id FROM distribution_allocations WHERE plan_id = ? AND amount_fen > 0')
    .pluck()
    .all(planId) as number[]);
}

function allocationLines(ledger: Ledger, planId: number, villageId: number): AllocationLine[] {
  return ledger.sqlite
    .prepare(
      `SELECT d.kind, h.archive_no AS archiveNo, h.head_name AS headName, h.group_name AS groupName, d.weight, d.amount_fen AS amountFen
         FROM distribution_allocations d LEFT JOIN households h ON h.id = d.household_id
        WHERE d.plan_id = ? AND d.village_id = ? AND d.amount_fen > 0
        ORDER BY CASE d.kind WHEN 'dividend' THEN (CASE WHEN d.household_id IS NULL THEN 1 ELSE 0 END) WHEN 'post' THEN 2 ELSE 3 END,
                 h.archive_no, d.id`,
    )
    .all(planId, villageId) as AllocationLine[];
}

function kindOf(a: AllocationLine): string {
  return a.kind === 'dividend' && a.archiveNo === null ? 'collective' : a.kind;
}

function incomePeriods(plan: PlanDetail, lang: Lang): string {
  const periods = [...new Set(plan.incomes.map((i) => i.period.trim() || i.receivedOn))];
  return periods.join(lang === 'zh' ? '、' : '; ');
}

function intro(plan: PlanDetail, place: VillagePlace, lines: AllocationLine[], totalFen: number, lang: Lang): string {
  const households = new Set(lines.filter((l) => l.archiveNo !== null).map((l) => l.archiveNo)).size;
  const periods = incomePeriods(plan, lang);
  if (lang === 'zh') {
    const parts = [
      plan.sharesFen ? `股份分红 ${formatFen(plan.sharesFen)} 元` : '',
      plan.postFen ? `公益岗位工资 ${formatFen(plan.postFen)} 元` : '',
      plan.worksFen ? `村级公益事业 ${formatFen(plan.worksFen)} 元` : '',
    ].filter(Boolean);
    return `根据“${plan.title}”，${plan.assetName}${periods ? `（收益期间：${periods}）` : ''}可分配收益共 ${formatFen(plan.totalFen)} 元` +
      `${parts.length > 1 ? `，其中${parts.join('、')}` : ''}。${place.village}分得 ${formatFen(totalFen)} 元，涉及 ${households} 户。` +
      '现将本村分配明细公示如下，接受群众监督。';
  }
  const parts = [
    plan.sharesFen ? `${formatFen(plan.sharesFen)} yuan in dividends` : '',
    plan.postFen ? `${formatFen(plan.postFen)} yuan in public-welfare post wages` : '',
    plan.worksFen ? `${formatFen(plan.worksFen)} yuan for village public works` : '',
  ].filter(Boolean);
  return `Under the plan "${plan.title}", the distributable income of ${plan.assetName}${periods ? ` (income period: ${periods})` : ''} is ` +
    `${formatFen(plan.totalFen)} yuan${parts.length > 1 ? ` (${parts.join(', ')})` : ''}. ${place.village} receives ${formatFen(totalFen)} yuan ` +
    `for ${households} household(s). The village's allocations are posted below for the public to see.`;
}

/** Null when the plan pays nothing in the village. */
export function distributionNoticeData(
  ledger: Ledger,
  plan: PlanDetail,
  place: VillagePlace,
  ctx: PrintContext,
  period: { periodFrom: string; periodTo: string },
): NoticeData | null {
  const lines = allocationLines(ledger, plan.id, place.villageId);
  if (!lines.length) return null;
  const lang = ctx.lang;
  const zh = lang === 'zh';
  const totalFen = sumFen(lines.map((l) => l.amountFen));
  const frame = noticeFrame('distribution', place, ctx, period);
  return {
    ...frame,
    title: zh ? `${place.village}${plan.assetName}收益分配公示` : `${place.village}: income distribution of ${plan.assetName}`,
    intro: intro(plan, place, lines, totalFen, lang),
    columns: columns(lang),
    rows: lines.map((l) => {
      const kind = kindOf(l);
      return {
        archiveNo: l.archiveNo ?? '',
        name: l.headName ?? (zh ? `${place.village}${kind === 'works' ? '' : '集体经济组织'}` : `${place.village}${kind === 'works' ? '' : ' collective'}`),
        group: l.groupName ?? '',
        kind: KIND[kind]![lang],
        shares: l.kind === 'dividend' ? String(l.weight) : '',
        amount: formatFen(l.amountFen),
      };
    }),
    totals: {
      name: zh ? '合计' : 'Total',
      shares: String(lines.filter((l) => l.kind === 'dividend').reduce((a, l) => a + l.weight, 0)),
      amount: formatFen(totalFen),
    },
  };
}

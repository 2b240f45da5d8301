/**
 * Identification, exit and monitoring notices of a village (识别 / 脱贫 / 监测对象公示), from the
 * approved status events of a year. A notice lists archive number, head, group, household size,
 * attribute (and, for monitoring, the monitoring type) and the event date — NEVER ID numbers,
 * phones, bank accounts or health (the renderer's privacy guard checks again).
 */
import type { Ledger } from '../ledger';
import { labelOf, type Lang } from '../codes';
import type { NoticeColumn, NoticeData } from '../../electron/print/types';
import type { PrintContext } from './context';
import { noticeFrame, type VillagePlace } from './noticeFrame';

export type StatusNoticeKind = 'identification' | 'exit' | 'monitoring';

const EVENT_TYPE: Record<StatusNoticeKind, string> = { identification: 'identify', exit: 'exit', monitoring: 'monitor_start' };

const DATE_LABEL: Record<StatusNoticeKind, { zh: string; en: string }> = {
  identification: { zh: '识别日期', en: 'Identified on' },
  exit: { zh: '脱贫日期', en: 'Exited on' },
  monitoring: { zh: '纳入监测日期', en: 'Monitored since' },
};

const INTRO: Record<StatusNoticeKind, { zh: string; en: string }> = {
  identification: {
    zh: '经农户申请、村民代表大会民主评议、村“两委”和驻村工作队核实，以下农户拟识别为建档立卡贫困户，现予公示。',
    en: 'On their application, after democratic review by the villagers’ representative assembly and verification by the village committees and the resident work team, the households below are to be registered as poor households.',
  },
  exit: {
    zh: '经村民代表大会民主评议、村“两委”和驻村工作队核实、贫困户认可，以下贫困户达到脱贫标准，拟退出贫困户，现予公示。',
    en: 'After democratic review by the villagers’ representative assembly, verification by the village committees and the resident work team, and with the households’ agreement, the households below meet the exit standard and are to exit poverty.',
  },
  monitoring: {
    zh: '经农户申请或排查发现、村级评议和核实，以下农户纳入防止返贫监测对象，落实帮扶措施，现予公示。',
    en: 'After application or screening, village review and verification, the households below are taken in as households under monitoring against (re)turning to poverty, with support measures.',
  },
};

interface EventRow {
  archiveNo: string;
  headName: string;
  groupName: string;
  size: number;
  attribute: string;
  eventDate: string;
}

function columns(kind: StatusNoticeKind, lang: Lang): NoticeColumn[] {
  const zh = lang === 'zh';
  return [
    { key: 'archiveNo', label: zh ? '户编号' : 'Archive no.' },
    { key: 'headName', label: zh ? '户主姓名' : 'Head of household' },
    { key: 'group', label: zh ? '村民小组' : 'Group' },
    { key: 'size', label: zh ? '家庭人口' : 'Household size' },
    { key: 'attribute', label: zh ? '贫困户属性' : 'Attribute' },
    { key: 'eventDate', label: DATE_LABEL[kind][lang] },
  ];
}

/** The households of a village with an approved event of the notice's kind dated in the year. */
export function statusNoticeRows(ledger: Ledger, kind: StatusNoticeKind, villageId: number, year: number): EventRow[] {
  return ledger.sqlite
    .prepare(
      `SELECT h.archive_no AS archiveNo, h.head_name AS headName, h.group_name AS groupName, h.size, h.attribute,
              e.event_date AS eventDate
         FROM status_events e JOIN households h ON h.id = e.household_id
        WHERE e.state = 'approved' AND e.type = @type AND h.village_id = @villageId
          AND e.event_date >= @from AND e.event_date <= @to
        ORDER BY h.archive_no, e.event_date, e.id`,
    )
    .all({ type: EVENT_TYPE[kind], villageId, from: `${year}-01-01`, to: `${year}-12-31` }) as EventRow[];
}

/** Null when the village has nothing to post for that kind and year. */
export function statusNoticeData(
  ledger: Ledger,
  kind: StatusNoticeKind,
  place: VillagePlace,
  ctx: PrintContext,
  period: { periodFrom: string; periodTo: string },
): NoticeData | null {
  const events = statusNoticeRows(ledger, kind, place.villageId, ctx.year);
  if (!events.length) return null;
  const lang = ctx.lang;
  return {
    ...noticeFrame(kind, place, ctx, period),
    intro: INTRO[kind][lang],
    columns: columns(kind, lang),
    rows: events.map((e) => ({
      archiveNo: e.archiveNo,
      headName: e.headName,
      group: e.groupName,
      size: String(e.size),
      attribute: labelOf('householdAttribute', e.attribute, lang),
      eventDate: e.eventDate,
    })),
  };
}

/**
 * Fund execution (资金执行情况表) from the funds module's own figures (funds/execution.ts): by
 * source (county-wide: sources are allocated to the county), by village and by project for the
 * chosen area. Money is integer fen; progress is spent ÷ amount (or ÷ allocated) in basis points.
 */
import type { Ledger } from '../ledger';
import { labelOf } from '../codes';
import { sumFen } from '../rules/money';
import { basisPoints } from '../funds/format';
import { projectRegister, sourceExecution, villageSummary } from '../funds/execution';
import { today } from '../shared/tx';
import { areaName, madeLine, villagesIn } from './area';
import { words, type Cell, type Report } from './model';
import type { ReportInput } from './schemas';

export function fundExecution(ledger: Ledger, input: ReportInput): Report {
  const lang = input.lang;
  const w = words(lang);
  const year = input.year ?? Number(today().slice(0, 4));
  const area = { townshipId: input.townshipId, villageId: input.villageId };
  const whole = area.townshipId === undefined && area.villageId === undefined;
  const inArea = new Set(villagesIn(ledger, area).map((v) => v.id));

  const sources = sourceExecution(ledger, { year });
  const villages = villageSummary(ledger, { year }).rows.filter((r) => inArea.has(r.villageId));
  const projectIds = whole
    ? null
    : new Set((ledger.sqlite.prepare('SELECT project_id AS id, village_id AS v FROM project_villages').all() as { id: number; v: number }[])
      .filter((r) => inArea.has(r.v)).map((r) => r.id));
  const projects = projectRegister(ledger, { year }).rows.filter((p) => projectIds === null || projectIds.has(p.id));

  const money = (header: string) => ({ header, kind: 'money' as const, weight: 1.3 });
  const sourceRows: Cell[][] = sources.rows.map((s) => [
    labelOf('fundLevel', s.level, lang), labelOf('fundType', s.type, lang), s.docNo, s.title,
    s.amountFen, s.receivedFen, s.allocatedFen, s.spentFen, s.balanceFen, s.progressBp,
  ]);
  const t = sources.totals;
  const villageRows: Cell[][] = villages.map((v) => [v.township, v.village, v.projects, v.spentFen, v.householdsPaid, v.paidToHouseholdsFen]);
  const projectRows: Cell[][] = projects.map((p) => [
    p.code, p.name, labelOf('projectType', p.type, lang), p.villages, labelOf('projectStatus', p.status, lang),
    p.budgetFen, p.allocatedFen, p.spentFen, p.progressBp,
  ]);
  const allocated = sumFen(projects.map((p) => p.allocatedFen));
  const spent = sumFen(projects.map((p) => p.spentFen));

  return {
    key: 'funds',
    lang,
    title: w('资金执行情况表', 'Fund execution'),
    subtitle: `${areaName(ledger, area, lang)} · ${w(`${year}年`, `Year ${year}`)} · ${madeLine(lang)}`,
    fileBase: `fund-execution-${year}`,
    landscape: true,
    sections: [
      {
        title: w('分资金来源', 'By fund source'),
        note: w('资金来源下达到全县，本表不分区域；支出进度 = 已支出 ÷ 下达金额。', 'Sources are allocated to the whole county and are not split by area; progress = spent ÷ amount.'),
        columns: [
          { header: w('级次', 'Level'), kind: 'text' },
          { header: w('资金类型', 'Type'), kind: 'text', weight: 2 },
          { header: w('文号', 'Document'), kind: 'text', weight: 2 },
          { header: w('资金名称', 'Title'), kind: 'text', weight: 3 },
          money(w('下达金额', 'Amount')), money(w('到位金额', 'Received')), money(w('已分配', 'Allocated')),
          money(w('已支出', 'Spent')), money(w('结余', 'Balance')),
          { header: w('支出进度', 'Progress'), kind: 'percent' },
        ],
        rows: sourceRows,
        footer: [w('合计', 'Total'), '', '', '', t.amountFen, t.receivedFen, t.allocatedFen, t.spentFen, t.balanceFen, t.progressBp],
      },
      {
        title: w('分行政村', 'By village'),
        note: w('资金支出为记到该村的专项资金净支出；到户金额为支付给该村农户的支出。', 'Spending is the net special-fund spending booked to the village; paid to households is what its households were paid.'),
        columns: [
          { header: w('乡镇', 'Township'), kind: 'text', weight: 1.5 },
          { header: w('行政村', 'Village'), kind: 'text', weight: 1.5 },
          { header: w('项目数', 'Projects'), kind: 'int' },
          money(w('资金支出', 'Spent')),
          { header: w('受益户数', 'Households paid'), kind: 'int' },
          money(w('到户金额', 'Paid to households')),
        ],
        rows: villageRows,
        footer: [w('合计', 'Total'), '', villages.reduce((n, v) => n + v.projects, 0), sumFen(villages.map((v) => v.spentFen)),
          villages.reduce((n, v) => n + v.householdsPaid, 0), sumFen(villages.map((v) => v.paidToHouseholdsFen))],
      },
      {
        title: w('项目执行', 'Projects'),
        note: w('支出进度 = 已支出 ÷ 已分配。', 'Progress = spent ÷ allocated.'),
        columns: [
          { header: w('项目编号', 'Code'), kind: 'text', weight: 1.5 },
          { header: w('项目名称', 'Name'), kind: 'text', weight: 3 },
          { header: w('类型', 'Type'), kind: 'text', weight: 1.3 },
          { header: w('行政村', 'Villages'), kind: 'text', weight: 2 },
          { header: w('状态', 'Status'), kind: 'text' },
          money(w('预算', 'Budget')), money(w('已分配', 'Allocated')), money(w('已支出', 'Spent')),
          { header: w('支出进度', 'Progress'), kind: 'percent' },
        ],
        rows: projectRows,
        footer: [w('合计', 'Total'), '', '', '', '', sumFen(projects.map((p) => p.budgetFen)), allocated, spent, basisPoints(spent, allocated)],
      },
    ],
  };
}

/**
 * Asset and income summary (资产收益情况表): assets by class with their cost, and income received,
 * costs deducted, distributed and still waiting, by village and by asset — all from
 * dashboard/assetIncome.ts, the one source of the asset-income figures.
 */
import type { Ledger } from '../ledger';
import { codesOf, labelOf } from '../codes';
import { sumFen } from '../rules/money';
import { today } from '../shared/tx';
import { assetIncomeFigures, type AssetIncomeRow } from '../dashboard/assetIncome';
import { areaName, madeLine } from './area';
import { words, type Cell, type Report, type ReportColumn } from './model';
import type { ReportInput } from './schemas';

type Money = Pick<AssetIncomeRow, 'costFen' | 'receivedFen' | 'costsFen' | 'distributedFen' | 'waitingFen'>;
const KEYS = ['costFen', 'receivedFen', 'costsFen', 'distributedFen', 'waitingFen'] as const;
const sum = (rows: AssetIncomeRow[]): Money =>
  Object.fromEntries(KEYS.map((k) => [k, sumFen(rows.map((r) => r[k]))])) as unknown as Money;
const moneyCells = (m: Money): Cell[] => KEYS.map((k) => m[k]);

function groupBy(rows: AssetIncomeRow[], key: (r: AssetIncomeRow) => string): Map<string, AssetIncomeRow[]> {
  const out = new Map<string, AssetIncomeRow[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

export function assetSummary(ledger: Ledger, input: ReportInput): Report {
  const lang = input.lang;
  const w = words(lang);
  const year = input.year ?? Number(today().slice(0, 4));
  const area = { townshipId: input.townshipId, villageId: input.villageId };
  const f = assetIncomeFigures(ledger, year, area);
  const county = w('（县级）', '(county)');
  const money: ReportColumn[] = [
    { header: w('资产原值', 'Cost'), kind: 'money' },
    { header: w(`${year}年收益`, `Income ${year}`), kind: 'money' },
    { header: w(`${year}年扣除成本`, `Costs ${year}`), kind: 'money' },
    { header: w(`${year}年已分配`, `Distributed ${year}`), kind: 'money' },
    { header: w('当前待分配', 'Waiting now'), kind: 'money' },
  ];
  const total = [w('合计', 'Total'), ...moneyCells(f.rows.length ? sum(f.rows) : { costFen: 0, receivedFen: 0, costsFen: 0, distributedFen: 0, waitingFen: 0 })];
  const byClass = groupBy(f.rows, (r) => r.assetClass);
  const byVillage = groupBy(f.rows, (r) => String(r.villageId));

  return {
    key: 'assets',
    lang,
    title: w('资产收益情况表', 'Asset and income summary'),
    subtitle: `${areaName(ledger, area, lang)} · ${w(`${year}年`, `Year ${year}`)} · ${madeLine(lang)}`,
    fileBase: `asset-income-${year}`,
    landscape: true,
    sections: [
      {
        title: w('按资产类别', 'By asset class'),
        note: w('收益为到账总收益，扣除成本为土地租金、税费及保险、运营维护；已分配为当年发放的分配方案金额；待分配为尚未发放的可分配收益。',
          'Income is gross income received; costs are land rent, taxes and insurance, operation and maintenance; distributed is the plans paid in the year; waiting is distributable income not yet paid out.'),
        columns: [{ header: w('资产类别', 'Class'), kind: 'text', weight: 1.6 }, { header: w('资产数', 'Assets'), kind: 'int' }, ...money],
        rows: codesOf('assetClass').map((c) => {
          const rows = byClass.get(c) ?? [];
          return [labelOf('assetClass', c, lang), rows.length, ...moneyCells(sum(rows))];
        }),
        footer: [total[0]!, f.rows.length, ...total.slice(1)],
      },
      {
        title: w('分行政村', 'By village'),
        columns: [{ header: w('乡镇', 'Township'), kind: 'text' }, { header: w('行政村', 'Village'), kind: 'text' }, { header: w('资产数', 'Assets'), kind: 'int' }, ...money],
        rows: [...byVillage.values()].map((rows) => [rows[0]!.township ?? '', rows[0]!.village ?? county, rows.length, ...moneyCells(sum(rows))]),
        footer: [total[0]!, '', f.rows.length, ...total.slice(1)],
      },
      {
        title: w('分资产', 'By asset'),
        columns: [
          { header: w('资产编号', 'Code'), kind: 'text', weight: 1.2 },
          { header: w('资产名称', 'Name'), kind: 'text', weight: 2.2 },
          { header: w('行政村', 'Village'), kind: 'text' },
          { header: w('状态', 'Status'), kind: 'text', weight: 0.8 },
          ...money,
          { header: w('最早待分配日期', 'Waiting since'), kind: 'text' },
        ],
        rows: f.rows.map((r) => [r.code, r.name, r.village ?? county, labelOf('assetStatus', r.status, lang), ...moneyCells(r), r.oldestWaitingOn ?? '']),
        footer: [total[0]!, '', '', '', ...total.slice(1), ''],
      },
    ],
  };
}

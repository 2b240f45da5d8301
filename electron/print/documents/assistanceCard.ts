/** 扶贫明白卡 / 帮扶联系卡 — the household assistance card. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { AssistanceCardData, Lang, Layout } from '../types';
import { labelsFor } from '../labels';
import {
  COLORS,
  capRows,
  clip,
  starWidth,
  dataTable,
  docHeader,
  fieldGrid,
  formatFen,
  metrics,
  moreRow,
  printLine,
  qrPayload,
  section,
  signatures,
  sumFen,
} from './common';

export function buildAssistanceCard(data: AssistanceCardData, lang: Lang, layout: Layout = 'a4'): Content {
  const m = metrics(layout, 'dense');
  const l = labelsFor(lang);
  const a = l.assistance;
  const c = l.common;
  const cards = layout === 'cards';

  const header = docHeader(m, {
    title: a.title,
    // On a card the location goes into the subtitle (one table row less).
    subtitle: cards ? `${c.place(data)} · ${c.yearTitle(data.year)}` : `${a.subtitle} · ${c.yearTitle(data.year)}`,
    qr: qrPayload('assistance_card', data.archiveNo, data.serial),
    serial: data.serial,
    l,
  });

  // Column widths (pt); `*` columns take the rest.
  const w = !cards
    ? { label: 92, item: 150, state: 70, name: 70, post: 90, phone: 100, year: 44, measure: 150, amount: 140 }
    : lang === 'zh'
      ? { label: 44, item: 62, state: 34, name: 34, post: 40, phone: 58, year: 22, measure: 52, amount: 70 }
      : { label: 50, item: 76, state: 28, name: 34, post: 46, phone: 56, year: 20, measure: 60, amount: 62 };
  const addressWidth = starWidth(m, [w.label]);
  const noteWidth = starWidth(m, [w.item, w.state]);
  const unitWidth = starWidth(m, [w.name, w.post, w.phone]);
  const detailWidth = starWidth(m, [w.year, w.measure]);
  const incomeWidth = starWidth(m, [w.amount]);

  const household = fieldGrid(m, [
    [c.archiveNo, data.archiveNo, c.headName, data.headName],
    ...(cards ? [] : [[c.location, c.place(data)] as [string, string]]),
    [a.address, clip(m, data.address, addressWidth)],
    [a.size, c.personCount(data.size), a.attribute, data.attributeLabel],
    [a.mainCause, data.mainCauseLabel, a.otherCauses, data.otherCauseLabels.length ? data.otherCauseLabels.join(c.listSep) : c.none],
    [a.status, data.statusLabel],
  ]);

  const guarantees = dataTable(
    m,
    [
      { header: a.item, width: w.item },
      { header: a.state, width: w.state, align: 'center' },
      { header: a.note, width: '*' },
    ],
    data.guarantees.map((g): TableCell[] => [
      g.label,
      { text: g.ok ? a.met : a.notMet, alignment: 'center', fontSize: m.base, bold: !g.ok, color: g.ok ? COLORS.text : COLORS.title },
      clip(m, g.note ?? '', noteWidth),
    ]),
    { oneLine: true },
  );

  const cadreCap = capRows(m, data.cadres, 2);
  const cadreRows: TableCell[][] = cadreCap.shown.map((k) => [
    k.name,
    clip(m, k.unit, unitWidth, 2),
    clip(m, k.post, w.post, 2),
    k.phone,
  ]);
  if (cadreCap.hidden) cadreRows.push(moreRow(m, l, cadreCap.hidden, 4));
  const cadres = dataTable(
    m,
    [
      { header: a.cadreName, width: w.name },
      { header: a.cadreUnit, width: '*' },
      { header: a.cadrePost, width: w.post },
      { header: a.cadrePhone, width: w.phone, align: 'center' },
    ],
    cadreRows,
    { oneLine: true },
  );

  const measureCap = capRows(m, data.measures, 3);
  const measureRows: TableCell[][] = measureCap.shown.map((x) => [
    String(x.year),
    clip(m, x.label, w.measure),
    clip(m, x.detail, detailWidth, 2),
  ]);
  if (measureCap.hidden) measureRows.push(moreRow(m, l, measureCap.hidden, 3));
  const measures = dataTable(
    m,
    [
      { header: a.measureYear, width: w.year, align: 'center' },
      { header: a.measure, width: w.measure },
      { header: a.measureDetail, width: '*' },
    ],
    measureRows,
    { oneLine: true },
  );

  // The total always covers every line, also when a card shows only the first ones.
  const total = sumFen(data.incomes.map((x) => x.fen));
  const incomeCap = capRows(m, data.incomes, 4);
  const incomeRows: TableCell[][] = incomeCap.shown.map((x) => [clip(m, x.label, incomeWidth), formatFen(x.fen)]);
  if (incomeCap.hidden) incomeRows.push(moreRow(m, l, incomeCap.hidden, 2));
  incomeRows.push([
    { text: a.total, bold: true, fontSize: m.base, alignment: 'center' },
    { text: formatFen(total), bold: true, fontSize: m.base, alignment: 'right' },
  ]);
  const incomes = dataTable(
    m,
    [
      { header: a.incomeType, width: '*' },
      { header: a.amount, width: w.amount, align: 'right' },
    ],
    incomeRows,
    { oneLine: true },
  );

  return {
    stack: [
      header,
      section(m, a.sectionHousehold, household, 6),
      section(m, a.sectionGuarantees, guarantees, data.guarantees.length),
      section(m, a.sectionCadres, cadres, cadreRows.length),
      section(m, a.sectionMeasures(data.year), measures, measureRows.length),
      section(m, a.sectionIncomes(data.year), incomes, incomeRows.length),
      signatures(m, l, [a.signHead, a.signCadre]),
      printLine(m, l, data.serial, data.printedAt, data.printedBy),
    ],
    fontSize: m.base,
    lineHeight: m.lineHeight,
  };
}

/** 健康卡 — the household health card. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { HealthCardData, Lang, Layout } from '../types';
import { labelsFor } from '../labels';
import {
  capRows,
  clip,
  starWidth,
  dataTable,
  docHeader,
  fieldGrid,
  metrics,
  moreRow,
  printLine,
  qrPayload,
  section,
  signatures,
} from './common';

export function buildHealthCard(data: HealthCardData, lang: Lang, layout: Layout = 'a4'): Content {
  const m = metrics(layout);
  const l = labelsFor(lang);
  const h = l.health;
  const c = l.common;
  const cards = layout === 'cards';
  const dash = '—';

  const header = docHeader(m, {
    title: h.title,
    subtitle: `${h.subtitle} · ${c.yearTitle(data.year)}`,
    qr: qrPayload('health_card', data.archiveNo, data.serial),
    serial: data.serial,
    l,
  });

  const household = fieldGrid(m, [
    [c.archiveNo, data.archiveNo, c.headName, data.headName],
    [c.location, c.place(data)],
  ]);

  const memberFont = cards ? m.small + 0.4 : m.base;
  // On a card the disability goes with the health status (one column less).
  const mw = { name: 26, relation: 30, age: 14, health: 46, certificate: 44 };
  const insuranceWidth = starWidth(m, Object.values(mw));
  const hospitalWidth = starWidth(m, [cards ? 48 : 110]);
  const cap = capRows(m, data.members, 6);
  const memberRows: TableCell[][] = cap.shown.map((p) => {
    const insurance = clip(m, p.insuranceLabels.length ? p.insuranceLabels.join(c.listSep) : c.none, insuranceWidth, 3, memberFont);
    const age: TableCell = { text: String(p.age), alignment: 'center', fontSize: memberFont };
    if (cards) {
      const health = p.disabilityLabel ? `${p.healthLabel}${lang === 'zh' ? `（${p.disabilityLabel}）` : ` (${p.disabilityLabel})`}` : p.healthLabel;
      return [p.name, p.relationLabel, age, health, p.chronicCertificate ?? dash, insurance];
    }
    return [p.name, p.relationLabel, age, p.healthLabel, p.disabilityLabel ?? dash, p.chronicCertificate ?? dash, insurance];
  });
  if (cap.hidden) memberRows.push(moreRow(m, l, cap.hidden, cards ? 6 : 7));
  const members = dataTable(
    m,
    cards
      ? [
          { header: h.name, width: mw.name },
          { header: h.relation, width: mw.relation },
          { header: h.age, width: mw.age },
          { header: h.health, width: mw.health },
          { header: h.chronicCertificate, width: mw.certificate },
          { header: h.insurance, width: '*' },
        ]
      : [
          { header: h.name, width: 52 },
          { header: h.relation, width: 'auto' },
          { header: h.age, width: 30 },
          { header: h.health, width: 'auto' },
          { header: h.disability, width: 'auto' },
          { header: h.chronicCertificate, width: 'auto' },
          { header: h.insurance, width: '*' },
        ],
    memberRows,
    { fontSize: memberFont },
  );

  const doctor = fieldGrid(m, [
    [h.doctor, data.familyDoctor.name, h.doctorPhone, data.familyDoctor.phone],
    [h.contractNo, data.familyDoctor.contractNo ?? dash],
  ], cards ? 48 : 130);

  const cover = fieldGrid(m, [
    [h.treatmentFirst, data.treatmentFirstPayLater ? c.yes : c.no],
    [h.oneStop, data.oneStopSettlement ? c.yes : c.no],
    [h.designatedHospital, clip(m, data.designatedHospital, hospitalWidth)],
    [h.pairedHospital, clip(m, data.pairedHospital, hospitalWidth)],
  ], cards ? 48 : 130);

  return {
    stack: [
      header,
      household,
      section(m, h.sectionMembers, members, memberRows.length),
      section(m, h.sectionDoctor, doctor, 2),
      section(m, h.sectionCover, cover, 3),
      signatures(m, l, [h.signHead, h.signDoctor]),
      printLine(m, l, data.serial, data.printedAt, data.printedBy),
    ],
    fontSize: m.base,
    lineHeight: m.lineHeight,
  };
}

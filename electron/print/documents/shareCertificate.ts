/** 股权证 — share certificate for asset-income poverty alleviation. */
import type { Content } from 'pdfmake/interfaces';
import type { Lang, Layout, ShareCertificateData } from '../types';
import { labelsFor } from '../labels';
import { docHeader, fieldGrid, formatNumber, metrics, printLine, qrPayload, signatures } from './common';

export function buildShareCertificate(data: ShareCertificateData, lang: Lang, layout: Layout = 'a4'): Content {
  const m = metrics(layout);
  const l = labelsFor(lang);
  const s = l.share;
  const c = l.common;
  const cards = layout === 'cards';

  if (!Number.isFinite(data.units) || data.units < 0) {
    throw new Error(`Share certificate ${data.certificateNo}: units must be a non-negative number, got ${String(data.units)}`);
  }
  if (!Number.isFinite(data.weight) || data.weight < 0) {
    throw new Error(`Share certificate ${data.certificateNo}: weight must be a non-negative number, got ${String(data.weight)}`);
  }

  const header = docHeader(m, {
    title: s.title,
    subtitle: s.subtitle,
    qr: qrPayload('share_certificate', data.certificateNo, data.serial),
    serial: data.serial,
    l,
  });

  const validity = `${c.formatDate(data.effectiveFrom)} — ${data.effectiveTo ? c.formatDate(data.effectiveTo) : s.openEnded}`;
  const labelWidth = cards ? 52 : 120;
  const fields = fieldGrid(
    m,
    [
      [s.certificateNo, data.certificateNo],
      [s.holder, data.holderName],
      [c.archiveNo, data.archiveNo ?? '—'],
      [s.village, data.village],
      [s.asset, data.assetName],
      [s.category, data.assetCategoryLabel],
      [s.units, formatNumber(data.units), s.weight, formatNumber(data.weight)],
      [s.validity, validity],
    ],
    labelWidth,
  );

  const issue: Content = {
    stack: [
      { text: `${s.issuer}${c.colon}${data.issuer}`, fontSize: m.base + (cards ? 0.4 : 1) },
      { text: s.seal, fontSize: m.base, color: '#777777', margin: [0, cards ? 2 : 6, 0, 0] },
      { text: `${s.issueDate}${c.colon}${c.formatDate(data.printedAt)}`, fontSize: m.base, margin: [0, cards ? 2 : 6, 0, 0] },
    ],
    alignment: 'right',
    margin: [0, cards ? 10 : 28, 0, 0],
  };

  return {
    stack: [
      header,
      { text: '', margin: [0, cards ? 4 : 14, 0, 0] },
      fields,
      {
        text: s.statement,
        fontSize: m.base,
        lineHeight: 1.25,
        margin: [0, cards ? 8 : 20, 0, 0],
        leadingIndent: lang === 'zh' ? m.base * 2 : 0,
      },
      issue,
      signatures(m, l, [s.signHolder]),
      printLine(m, l, data.serial, data.printedAt),
    ],
    fontSize: m.base,
    lineHeight: m.lineHeight,
  };
}

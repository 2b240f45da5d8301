/**
 * 公示 — village public notices (identification, exit, monitoring, fund use, distribution lists).
 *
 * A notice is posted on a wall: it must never show ID numbers, household phones, bank accounts or
 * health status. `assertNoticeIsPublic` refuses such columns and cell values before anything is
 * laid out; only the office contact phone (`contact.phone`) may appear.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Lang, Layout, NoticeColumn, NoticeData } from '../types';
import { labelsFor } from '../labels';
import { COLORS, dataTable, metrics, printLine, qrPayload, rule } from './common';
import type { Column } from './common';

/** Column keys a notice must never print (compared without case, `_`, `-` or spaces). */
export const FORBIDDEN_NOTICE_KEYS = ['idNumber', 'phone', 'bankAccount', 'health', 'disability'] as const;

const FORBIDDEN_TOKENS = new Set(['idnumber', 'phone', 'telephone', 'tel', 'mobile', 'bankaccount', 'health', 'disability', 'disabled']);
const FORBIDDEN_PAIRS: Record<string, string[]> = {
  id: ['number', 'no', 'card', 'num'],
  bank: ['account', 'card', 'no', 'number'],
};
const FORBIDDEN_LABEL =
  /身份证|证件号|电话|手机|联系方式|银行|账号|帐号|卡号|健康|疾病|病种|患病|慢病|大病|残疾|ID\s*(number|no)|phone|mobile|bank|health|disab/i;

/** 18-character resident ID number (17 digits + digit or X). */
export const ID_NUMBER_PATTERN = /\d{17}[\dXx]/;
/** 11-digit mainland mobile number. */
export const MOBILE_PATTERN = /1\d{10}/;

export class NoticePrivacyError extends Error {
  constructor(
    message: string,
    readonly serial: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'NoticePrivacyError';
  }
}

/** "headPhone" → ["head", "phone"], "id_number" → ["id", "number"], "IDNumber" → ["id", "number"]. */
function keyTokens(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isForbiddenKey(key: string): boolean {
  const tokens = keyTokens(key);
  if (FORBIDDEN_TOKENS.has(tokens.join(''))) return true;
  return tokens.some((t, i) => FORBIDDEN_TOKENS.has(t) || (FORBIDDEN_PAIRS[t]?.includes(tokens[i + 1] ?? '') ?? false));
}

function looksPrivate(value: string): 'ID number' | 'mobile phone number' | null {
  // Also catch numbers written with spaces or dashes ("4101 0219 …", "138-0000-0000").
  const compact = value.replace(/[\s\-–—]/g, '');
  if (ID_NUMBER_PATTERN.test(value) || ID_NUMBER_PATTERN.test(compact)) return 'ID number';
  if (MOBILE_PATTERN.test(value) || MOBILE_PATTERN.test(compact)) return 'mobile phone number';
  return null;
}

/** Throws NoticePrivacyError if the notice would print private data. */
export function assertNoticeIsPublic(data: NoticeData): void {
  const where = `Notice ${data.serial} ("${data.title}")`;
  for (const col of data.columns) {
    if (isForbiddenKey(col.key)) {
      throw new NoticePrivacyError(
        `${where}: column "${col.key}" (${col.label}) may not be printed on a public notice — notices never show ID numbers, household phones, bank accounts or health status`,
        data.serial,
        `columns.${col.key}`,
      );
    }
    if (FORBIDDEN_LABEL.test(col.label)) {
      throw new NoticePrivacyError(
        `${where}: column "${col.key}" is labelled "${col.label}", which a public notice may not show — notices never show ID numbers, household phones, bank accounts or health status`,
        data.serial,
        `columns.${col.key}`,
      );
    }
  }
  data.rows.forEach((row, i) => {
    for (const col of data.columns) {
      const value = row[col.key];
      if (value === undefined) continue;
      const kind = looksPrivate(value);
      if (kind) {
        throw new NoticePrivacyError(
          `${where}: row ${i + 1}, column "${col.key}" holds what looks like a ${kind}; a public notice may not print it`,
          data.serial,
          `rows[${i}].${col.key}`,
        );
      }
    }
  });
  for (const [key, value] of Object.entries(data.totals ?? {})) {
    const kind = looksPrivate(value);
    if (kind) {
      throw new NoticePrivacyError(`${where}: the total row, column "${key}" holds what looks like a ${kind}; a public notice may not print it`, data.serial, `totals.${key}`);
    }
  }
  for (const [field, value] of [
    ['title', data.title],
    ['intro', data.intro],
  ] as const) {
    const kind = looksPrivate(value);
    if (kind) {
      throw new NoticePrivacyError(`${where}: the ${field} contains what looks like a ${kind}; a public notice may not print it`, data.serial, field);
    }
  }
}

/** Width of the sequence-number column when the columns have weights. */
const SEQ_WIDTH = 22;

/** Column widths (pt) in proportion to the columns' weights; null when no column has a weight (all equal). */
function columnWidths(data: NoticeData, m: ReturnType<typeof metrics>): number[] | null {
  if (!data.columns.some((c) => c.weight !== undefined)) return null;
  const count = data.columns.length + 1;
  const free = m.width - SEQ_WIDTH - count * 2 * m.padX - (count + 1) * m.lineWidth;
  const total = data.columns.reduce((a, c) => a + (c.weight ?? 1), 0);
  return data.columns.map((c) => Math.floor((free * (c.weight ?? 1)) / total * 100) / 100);
}

function daysInclusive(from: string, to: string): number {
  const parse = (s: string): number => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    if (!m) throw new Error(`Not an ISO date: "${s}"`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  };
  const days = Math.round((parse(to) - parse(from)) / 86_400_000) + 1;
  if (days < 1) throw new Error(`Posting period ends (${to}) before it starts (${from})`);
  return days;
}

/**
 * A notice is always laid out on A4 (it is posted, not cut); `layout` only exists so every builder
 * has the same signature. Long lists continue on further pages with the table header repeated.
 */
export function buildNotice(data: NoticeData, lang: Lang, _layout: Layout = 'a4'): Content {
  assertNoticeIsPublic(data);
  const m = metrics('a4');
  const l = labelsFor(lang);
  const n = l.notice;
  const c = l.common;

  const qr = qrPayload('notice', data.kind, data.serial);
  const weighted = columnWidths(data, m);
  const place = [data.county, data.township, data.village].join(lang === 'zh' ? ' ' : ', ');

  const columns: Column[] = [
    { header: n.seq, width: weighted ? SEQ_WIDTH : 'auto', align: 'center' },
    ...data.columns.map((col, i): Column => ({ header: col.label, width: weighted ? weighted[i]! : '*' })),
  ];
  const cell = (col: NoticeColumn, v: string, bold = false, fillColor?: string): TableCell => {
    // Amount-like cells (digits with separators) read better right-aligned.
    const alignment = col.align ?? (/^-?[\d,]+(\.\d+)?$/.test(v) ? 'right' : undefined);
    return { text: v === '' ? ' ' : v, fontSize: m.base, ...(bold ? { bold } : {}), ...(fillColor ? { fillColor } : {}), ...(alignment ? { alignment } : {}) };
  };
  const rows: TableCell[][] = data.rows.map((row, i) => [
    { text: String(i + 1), alignment: 'center', fontSize: m.base },
    ...data.columns.map((col): TableCell => cell(col, row[col.key] ?? '')),
  ]);
  if (data.totals) {
    const totals = data.totals;
    rows.push([{ text: ' ', fontSize: m.base, fillColor: COLORS.fill }, ...data.columns.map((col): TableCell => cell(col, totals[col.key] ?? '', true, COLORS.fill))]);
  }

  const period = n.period(c.formatDate(data.periodFrom), c.formatDate(data.periodTo), daysInclusive(data.periodFrom, data.periodTo));

  return {
    stack: [
      {
        columns: [
          { width: 70, text: '' },
          {
            width: '*',
            stack: [
              { text: data.title, bold: true, fontSize: 20, color: COLORS.title, alignment: 'center' },
              { text: `${n.kind[data.kind]} · ${place}`, fontSize: m.subtitle, alignment: 'center', margin: [0, 4, 0, 0] },
            ],
            margin: [0, 8, 0, 0],
          },
          {
            width: 70,
            stack: [
              { qr, fit: 58, eccLevel: 'M', alignment: 'right' },
              { text: data.serial, fontSize: m.small, alignment: 'right', margin: [0, 1, 0, 0] },
            ],
          },
        ],
      },
      rule(m, 4),
      { text: data.intro, fontSize: m.base + 1, lineHeight: 1.3, margin: [0, 10, 0, 10], leadingIndent: lang === 'zh' ? (m.base + 1) * 2 : 0 },
      dataTable(m, columns, rows),
      { text: period, fontSize: m.base + 1, bold: true, margin: [0, 12, 0, 0] },
      { text: n.objections(data.contact.unit, data.contact.phone), fontSize: m.base + 1, lineHeight: 1.3, margin: [0, 4, 0, 0] },
      {
        stack: [
          { text: `${n.issuedBy}${c.colon}${data.contact.unit}` },
          { text: c.formatDate(data.periodFrom), margin: [0, 4, 0, 0] },
        ],
        fontSize: m.base + 1,
        alignment: 'right',
        margin: [0, 22, 0, 0],
        unbreakable: true,
      },
      printLine(m, l, data.serial, data.printedAt),
    ],
    fontSize: m.base,
  };
}

/** Reading the cells of a dibao roster: class, amount and start date as civil-affairs exports write them. */
import { codeLists, type DibaoClass } from '../../codes';
import { parseYuan } from '../../rules/money';
import { normalizeHeader } from '../../registry/import/columns';
import { cellText } from '../../registry/import/cells';
import { isDateCell, type Cell } from '../../registry/import/xlsx';

const CLASS_ALIASES: Record<string, DibaoClass> = {
  一类: 'class_a', 二类: 'class_b', 三类: 'class_c', 一档: 'class_a', 二档: 'class_b', 三档: 'class_c',
  a类: 'class_a', b类: 'class_b', c类: 'class_c', a: 'class_a', b: 'class_b', c: 'class_c',
  1: 'class_a', 2: 'class_b', 3: 'class_c', '1类': 'class_a', '2类': 'class_b', '3类': 'class_c',
  一类低保: 'class_a', 二类低保: 'class_b', 三类低保: 'class_c',
};

const CLASS_INDEX = new Map<string, DibaoClass>();
for (const e of codeLists.dibaoClass) for (const n of [e.code, e.zh, e.en]) CLASS_INDEX.set(normalizeHeader(n), e.code);
for (const [k, v] of Object.entries(CLASS_ALIASES)) CLASS_INDEX.set(normalizeHeader(k), v);

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; en: string; zh: string };

export function parseClass(c: Cell): Parsed<DibaoClass> {
  const text = cellText(c);
  if (!text) return { ok: true, value: null };
  const code = CLASS_INDEX.get(normalizeHeader(text));
  return code ? { ok: true, value: code } : { ok: false, en: `"${text}" is not a dibao class (一类/二类/三类 or A/B/C)`, zh: `“${text}”不是低保类别（一类/二类/三类或 A/B/C）` };
}

export function parseAmount(c: Cell): Parsed<number> {
  if (c === undefined || cellText(c) === '') return { ok: true, value: null };
  try {
    const fen = parseYuan(typeof c === 'number' ? String(c) : cellText(c));
    if (fen < 0) return { ok: false, en: 'The monthly amount may not be negative', zh: '月保障金额不能为负数' };
    return { ok: true, value: fen };
  } catch {
    return { ok: false, en: `"${cellText(c)}" is not an amount in yuan`, zh: `“${cellText(c)}”不是以元为单位的金额` };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2021-03-01, 2021/3/1, 2021年3月1日, 20210301, or a month alone (2021-03, 2021年3月) as its first day. */
export function parseStart(c: Cell): Parsed<string> {
  if (isDateCell(c)) return { ok: true, value: c.date };
  const s = cellText(c).replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!s) return { ok: true, value: null };
  const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月?)$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})?$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3] ?? 1))}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso) return { ok: true, value: iso };
  }
  return { ok: false, en: `"${s}" is not a date; write it as 2021-03-01`, zh: `“${s}”不是日期，请写成 2021-03-01 的形式` };
}

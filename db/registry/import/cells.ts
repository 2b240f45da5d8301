/**
 * Turns one spreadsheet cell into the value a field expects, or says in both languages why it
 * cannot. Clerks write codes as the labels they know (户主, 因病, 是/否), so labels, codes and a few
 * spellings of the national system are all accepted.
 */
import { codeLists, type CodeListName } from '../../codes';
import { checkIdNumber } from '../../rules/idNumber';
import { isDateCell, type Cell } from './xlsx';
import type { ColumnKind } from './columns';
import { normalizeHeader } from './columns';
import { isRealDay } from './calendar';

export type Converted = { ok: true; value: unknown } | { ok: false; en: string; zh: string };

/**
 * A good result is one object reused by every call (a roster converts millions of cells, and an
 * object per cell was a good part of the import's garbage): read it before converting the next cell.
 */
const OK: { ok: true; value: unknown } = { ok: true, value: undefined };
const ok = (value: unknown): Converted => {
  OK.value = value;
  return OK;
};
const bad = (en: string, zh: string): Converted => ({ ok: false, en, zh });

/** Spellings seen in real rosters that differ from our labels. */
const CODE_ALIASES: Partial<Record<CodeListName, Record<string, string>>> = {
  relation: { 本人: 'head', 之外孙子: 'maternal_grandchild', 之外孙女: 'maternal_grandchild', 之兄弟: 'sibling', 之姐妹: 'sibling' },
  sex: { 男性: 'M', 女性: 'F', 1: 'M', 2: 'F' },
  education: { 高中: 'senior', 中专: 'senior', 职高: 'senior', 本科: 'bachelor_plus', 研究生: 'bachelor_plus', 文盲: 'illiterate', 半文盲: 'illiterate' },
  povertyCause: { 缺劳动力: 'lack_labour', 交通落后: 'poor_transport', 自身发展动力不足: 'lack_drive' },
  householdAttribute: { 一般户: '1', 低保户: '2', 特困户: '3', 五保户: '3', 特困供养户: '3' },
  housingSafety: { 安全: 'safe', 安全住房: 'safe', c级: 'c', d级: 'd' },
  schoolStatus: { 非在校: 'not_in_school', 非在校生: 'not_in_school' },
  labourAbility: { 弱劳动力: 'weak', 半劳动力: 'weak' },
  disabilityGrade: { 一级: '1', 二级: '2', 三级: '3', 四级: '4' },
};

const codeIndexes = new Map<CodeListName, Map<string, string>>();

function codeIndex(list: CodeListName): Map<string, string> {
  let index = codeIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const e of codeLists[list] as readonly { code: string; zh: string; en: string }[]) {
      for (const name of [e.code, e.zh, e.en]) index.set(normalizeHeader(name), e.code);
    }
    // "汉族" is also written "汉".
    if (list === 'ethnicity') for (const e of codeLists.ethnicity) if (e.zh.endsWith('族')) index.set(e.zh.slice(0, -1), e.code);
    for (const [alias, code] of Object.entries(CODE_ALIASES[list] ?? {})) index.set(normalizeHeader(alias), code);
    codeIndexes.set(list, index);
  }
  return index;
}

/** Rosters repeat a handful of spellings per column, so each raw text is normalised once. */
const seenCodes = new Map<CodeListName, Map<string, string | undefined>>();

function lookupCode(list: CodeListName, text: string): string | undefined {
  let seen = seenCodes.get(list);
  if (!seen) seenCodes.set(list, (seen = new Map()));
  if (seen.has(text)) return seen.get(text);
  const code = codeIndex(list).get(normalizeHeader(text));
  if (seen.size < 10_000) seen.set(text, code);
  return code;
}

/** A cell as the text a person sees. */
export function cellText(c: Cell): string {
  if (c === undefined) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  if (isDateCell(c)) return c.date;
  return Number.isInteger(c) && Math.abs(c) < 1e21 ? c.toFixed(0) : String(c);
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有', '已参加', '参加', '已故', '死亡']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无', '未参加', '不']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function realDate(y: number, m: number, d: number): string | null {
  return isRealDay(y, m, d) ? `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` : null;
}

function parseDate(c: Cell): string | null {
  if (isDateCell(c)) return c.date;
  const s = cellText(c).replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? realDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A number Excel stored with more than 15 significant digits has lost its tail. */
function longNumber(c: Cell): boolean {
  return typeof c === 'number' && (Math.abs(c) >= 1e15 || !Number.isInteger(c));
}

const MANGLED_DIGITS = {
  en: 'Excel turned this number into a numeric value and dropped digits after the 15th. Format the column as Text and type the number again.',
  zh: 'Excel 把该号码当成了数值，第 15 位之后的数字已丢失。请把该列设置为“文本”格式后重新录入。',
};


/** The cell as the field's value; a good result is only valid until the next call (see OK). */
export function convert(kind: ColumnKind, c: Cell): Converted {
  if (c === undefined) return ok(undefined);
  const shown = cellText(c);
  if (shown === '') return ok(undefined);
  switch (kind.type) {
    case 'text':
      return ok(shown);
    case 'digits':
      if (longNumber(c)) return bad(MANGLED_DIGITS.en, MANGLED_DIGITS.zh);
      return ok(shown.replace(/[\s-]/g, ''));
    case 'idNumber': {
      // A numeric cell of 16 or more digits is always a mangled ID: written in Excel's own
      // notation it is recognised by checkIdNumber and refused with the explanation.
      const id = checkIdNumber(typeof c === 'number' && Math.abs(c) >= 1e15 ? c.toExponential() : shown);
      return id.ok ? ok(id.id) : bad(id.message.en, id.message.zh);
    }
    case 'code': {
      const code = lookupCode(kind.list, shown);
      if (code !== undefined) return ok(code);
      const choices = codeLists[kind.list] as readonly { zh: string; en: string }[];
      const few = choices.length <= 12;
      return bad(
        `"${shown}" is not one of the accepted values${few ? `: ${choices.map((e) => e.en).join(', ')}` : ' (see the template’s instructions sheet)'}`,
        `“${shown}”不是可选值${few ? `，可填：${choices.map((e) => e.zh).join('、')}` : '（见模板“填表说明”）'}`,
      );
    }
    case 'bool': {
      if (typeof c === 'boolean') return ok(c);
      const text = shown.toLowerCase();
      if (TRUE.has(text)) return ok(true);
      if (FALSE.has(text)) return ok(false);
      return bad(`"${shown}" is not yes or no; write 是 or 否`, `“${shown}”不是“是”或“否”`);
    }
    case 'int':
    case 'year': {
      const text = typeof c === 'number' ? String(c) : shown.replace(/(个月|月|年|年度)$/, '');
      const n = isDateCell(c) && kind.type === 'year' ? Number(c.date.slice(0, 4)) : Number(text);
      if (!Number.isInteger(n)) return bad(`"${shown}" is not a whole number`, `“${shown}”不是整数`);
      return ok(n);
    }
    case 'date': {
      const iso = parseDate(c);
      return iso ? ok(iso) : bad(`"${shown}" is not a date; write it as 1980-03-12`, `“${shown}”不是日期，请写成 1980-03-12 的形式`);
    }
  }
}

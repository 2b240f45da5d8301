/**
 * The columns of a civil-affairs dibao roster (docs/DIBAO.md) and the headers real exports use
 * for them. Name and ID number are required; without the class, amount or start date columns the
 * comparisons that need them are skipped.
 */
import { normalizeHeader } from '../../registry/import/columns';

export const ROSTER_COLUMNS = [
  { key: 'name', zh: '姓名', en: 'Name', required: true, aliases: ['户主姓名', '保障对象姓名', '成员姓名', '救助对象姓名', '对象姓名', '家庭成员姓名'] },
  { key: 'idNumber', zh: '身份证号码', en: 'ID number', required: true, aliases: ['身份证号', '公民身份号码', '身份证件号码', '证件号码', '身份证', 'ID no.', '身份证号码/ID number'] },
  { key: 'dibaoClass', zh: '低保类别', en: 'Dibao class', required: false, aliases: ['保障类别', '类别', '低保分类', '分类施保类别', '施保类别', 'Class'] },
  { key: 'monthlyAmount', zh: '月保障金额（元）', en: 'Monthly amount (yuan)', required: false, aliases: ['月保障金额', '月低保金', '月保障金', '保障金额', '月发放金额', '月补差金额', '补助金额', '月救助金额', '月人均补差', 'Monthly amount', 'Amount'] },
  { key: 'startDate', zh: '起始日期', en: 'Start date', required: false, aliases: ['开始日期', '享受日期', '起始时间', '享受时间', '纳入时间', '批准时间', '审批日期', '保障起始日期'] },
] as const;

export type RosterKey = (typeof ROSTER_COLUMNS)[number]['key'];

/** Headers compare without spaces, width, required marks or a unit in brackets ("金额（元）"). */
const norm = (s: string) => normalizeHeader(s).replace(/\([^)]*\)$/, '');

const INDEX = new Map<string, RosterKey>();
for (const c of ROSTER_COLUMNS) for (const name of [c.zh, c.en, c.key, ...c.aliases]) INDEX.set(norm(name), c.key);

/** The roster column a header names (the whole text or one of its lines), or null. */
export function matchRosterHeader(header: string): RosterKey | null {
  const whole = INDEX.get(norm(header));
  if (whole) return whole;
  for (const part of header.split(/[\n\r/|]+/)) {
    const hit = INDEX.get(norm(part));
    if (hit) return hit;
  }
  return null;
}

/**
 * The columns of the registry roster: one row per member, household columns repeated on every
 * row (or filled on the first row only, as merged cells leave them), in the order of the
 * template. `aliases` are the headers other exports (the national system's among them) use.
 * The import, the template and the export all read this one list.
 */
import type { CodeListName } from '../../codes';

export type ColumnKind =
  | { type: 'text'; max?: number }
  | { type: 'digits' }
  | { type: 'idNumber' }
  | { type: 'code'; list: CodeListName }
  | { type: 'bool' }
  | { type: 'int' }
  | { type: 'year' }
  | { type: 'date' };

export interface ColumnDef {
  key: string;
  zh: string;
  en: string;
  level: 'household' | 'member';
  kind: ColumnKind;
  required?: boolean;
  aliases?: readonly string[];
}

const text: ColumnKind = { type: 'text' };
const code = (list: CodeListName): ColumnKind => ({ type: 'code', list });
const bool: ColumnKind = { type: 'bool' };

export const COLUMNS = [
  { key: 'archiveNo', zh: '户编号', en: 'Archive no.', level: 'household', kind: text, required: true, aliases: ['户码', '户编码', '家庭编号', 'Household no.'] },
  { key: 'township', zh: '乡镇', en: 'Township', level: 'household', kind: text, aliases: ['乡(镇)', '乡镇(街道)', '镇', '乡'] },
  { key: 'village', zh: '行政村', en: 'Village', level: 'household', kind: text, aliases: ['村', '村名', '所在村'] },
  { key: 'villageCode', zh: '行政村代码', en: 'Village code', level: 'household', kind: { type: 'digits' }, aliases: ['行政区划代码', '村代码', '区划代码'] },
  { key: 'groupName', zh: '村民小组', en: 'Group', level: 'household', kind: text, aliases: ['组', '自然村(组)', '自然村', '村民组'] },
  { key: 'address', zh: '住址', en: 'Address', level: 'household', kind: text, aliases: ['家庭住址', '详细地址'] },
  { key: 'phone', zh: '联系电话', en: 'Phone', level: 'household', kind: { type: 'digits' }, aliases: ['户联系电话', '家庭电话'] },
  { key: 'bankName', zh: '开户银行', en: 'Bank', level: 'household', kind: text, aliases: ['开户行'] },
  { key: 'bankAccount', zh: '银行账号', en: 'Bank account', level: 'household', kind: { type: 'digits' }, aliases: ['银行卡号', '账号', '银行帐号'] },
  { key: 'attribute', zh: '贫困户属性', en: 'Attribute', level: 'household', kind: code('householdAttribute'), required: true, aliases: ['户属性', '贫困属性'] },
  { key: 'mainCause', zh: '主要致贫原因', en: 'Main poverty cause', level: 'household', kind: code('povertyCause'), required: true, aliases: ['致贫原因'] },
  { key: 'secondCause', zh: '其他致贫原因1', en: 'Second cause', level: 'household', kind: code('povertyCause'), aliases: ['次要致贫原因', '次要致贫原因1'] },
  { key: 'thirdCause', zh: '其他致贫原因2', en: 'Third cause', level: 'household', kind: code('povertyCause'), aliases: ['次要致贫原因2'] },
  { key: 'identifiedYear', zh: '识别年度', en: 'Identified in', level: 'household', kind: { type: 'year' }, required: true, aliases: ['识别年份', '纳入年度', '识别时间', 'Identified year'] },
  { key: 'relocated', zh: '易地扶贫搬迁', en: 'Relocated', level: 'household', kind: bool, aliases: ['是否易地搬迁', '是否易地扶贫搬迁户', '易地搬迁'] },
  { key: 'relocationType', zh: '安置方式', en: 'Relocation type', level: 'household', kind: code('relocationType'), aliases: ['搬迁安置方式'] },
  { key: 'relocationYear', zh: '搬迁年度', en: 'Relocation year', level: 'household', kind: { type: 'year' }, aliases: ['搬迁年份'] },
  { key: 'relocationSite', zh: '安置点', en: 'Relocation site', level: 'household', kind: text, aliases: ['安置地点'] },
  { key: 'housingSafety', zh: '住房安全', en: 'Housing safety', level: 'household', kind: code('housingSafety'), aliases: ['危房等级', '住房安全等级'] },
  { key: 'housingRenovatedYear', zh: '危房改造年度', en: 'Renovated in', level: 'household', kind: { type: 'year' }, aliases: ['改造年份', '危改年度'] },
  { key: 'safeWater', zh: '饮水安全', en: 'Safe drinking water', level: 'household', kind: bool, aliases: ['是否饮水安全', '安全饮水'] },
  { key: 'familyDoctor', zh: '家庭医生', en: 'Family doctor', level: 'household', kind: text, aliases: ['签约家庭医生'] },
  { key: 'familyDoctorPhone', zh: '家庭医生电话', en: 'Family doctor phone', level: 'household', kind: { type: 'digits' } },
  { key: 'familyDoctorContract', zh: '家庭医生签约编号', en: 'Family doctor contract', level: 'household', kind: text, aliases: ['签约编号'] },
  { key: 'name', zh: '姓名', en: 'Name', level: 'member', kind: text, required: true, aliases: ['成员姓名'] },
  { key: 'idNumber', zh: '身份证号', en: 'ID number', level: 'member', kind: { type: 'idNumber' }, required: true, aliases: ['证件号码', '身份证号码', '公民身份号码', '身份证'] },
  { key: 'sex', zh: '性别', en: 'Sex', level: 'member', kind: code('sex') },
  { key: 'birthDate', zh: '出生日期', en: 'Birth date', level: 'member', kind: { type: 'date' } },
  { key: 'relation', zh: '与户主关系', en: 'Relation to head', level: 'member', kind: code('relation'), required: true, aliases: ['与户主的关系'] },
  { key: 'ethnicity', zh: '民族', en: 'Ethnicity', level: 'member', kind: code('ethnicity') },
  { key: 'education', zh: '文化程度', en: 'Education', level: 'member', kind: code('education') },
  { key: 'schoolStatus', zh: '在校生状况', en: 'School status', level: 'member', kind: code('schoolStatus'), aliases: ['在校生情况'] },
  { key: 'dropoutReason', zh: '辍学原因', en: 'Dropout reason', level: 'member', kind: code('dropoutReason') },
  { key: 'health', zh: '健康状况', en: 'Health', level: 'member', kind: code('health') },
  { key: 'disabilityCategory', zh: '残疾类别', en: 'Disability category', level: 'member', kind: code('disabilityCategory') },
  { key: 'disabilityGrade', zh: '残疾等级', en: 'Disability grade', level: 'member', kind: code('disabilityGrade') },
  { key: 'chronicCertificate', zh: '慢性病证号', en: 'Chronic-disease certificate', level: 'member', kind: text, aliases: ['慢病证编号', '慢性病证编号'] },
  { key: 'labourAbility', zh: '劳动技能', en: 'Labour ability', level: 'member', kind: code('labourAbility'), aliases: ['劳动能力'] },
  { key: 'migrantMonths', zh: '务工时间（月）', en: 'Migrant work (months)', level: 'member', kind: { type: 'int' }, aliases: ['务工时间', '务工月数', '外出务工时间'] },
  { key: 'migrantPlace', zh: '务工地点', en: 'Migrant work place', level: 'member', kind: text, aliases: ['务工区域', '务工地'] },
  { key: 'insBasicMedical', zh: '城乡居民基本医疗保险', en: 'Basic medical insurance', level: 'member', kind: bool, aliases: ['是否参加城乡居民基本医疗保险', '基本医疗保险', '基本医保'] },
  { key: 'insCriticalIllness', zh: '大病保险', en: 'Critical illness insurance', level: 'member', kind: bool, aliases: ['是否参加大病保险'] },
  { key: 'insSupplementary', zh: '商业补充医疗保险', en: 'Supplementary medical insurance', level: 'member', kind: bool, aliases: ['是否参加商业补充医疗保险'] },
  { key: 'insBasicPension', zh: '城乡居民基本养老保险', en: 'Basic pension insurance', level: 'member', kind: bool, aliases: ['是否参加城乡居民基本养老保险', '基本养老保险'] },
  { key: 'dibao', zh: '享受低保', en: 'Dibao', level: 'member', kind: bool, aliases: ['是否享受低保', '低保'] },
  { key: 'dibaoClass', zh: '低保类别', en: 'Dibao class', level: 'member', kind: code('dibaoClass') },
  { key: 'leftBehind', zh: '留守类型', en: 'Left-behind', level: 'member', kind: code('leftBehind'), aliases: ['是否留守'] },
  { key: 'deceased', zh: '已故', en: 'Deceased', level: 'member', kind: bool, aliases: ['是否死亡', '是否已故'] },
  { key: 'deceasedOn', zh: '死亡日期', en: 'Date of death', level: 'member', kind: { type: 'date' } },
  { key: 'memberPhone', zh: '成员电话', en: 'Member phone', level: 'member', kind: { type: 'digits' }, aliases: ['本人电话', '个人电话'] },
] as const satisfies readonly ColumnDef[];

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const COLUMN_KEYS = COLUMNS.map((c) => c.key) as [ColumnKey, ...ColumnKey[]];
export const COLUMN_BY_KEY = new Map<string, ColumnDef>(COLUMNS.map((c) => [c.key, c]));

/** The header of a column in the template: Chinese, a line break, English; * marks required. */
export const templateHeader = (c: ColumnDef) => `${c.zh}${c.required ? '*' : ''}\n${c.en}`;

/** Full-width to half-width, no spaces, no required marks, lowercase: how headers are compared. */
export function normalizeHeader(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s*＊]/g, '')
    .replace(/\((必填|required)\)/gi, '')
    .toLowerCase();
}

const HEADER_INDEX = (() => {
  const index = new Map<string, ColumnKey>();
  for (const c of COLUMNS as readonly ColumnDef[]) {
    for (const name of [c.zh, c.en, c.key, ...(c.aliases ?? [])]) index.set(normalizeHeader(name), c.key as ColumnKey);
  }
  return index;
})();

/** The column a header names: the whole text, or any of its lines ("姓名\nName"), or null. */
export function matchHeader(header: string): ColumnKey | null {
  const whole = HEADER_INDEX.get(normalizeHeader(header));
  if (whole) return whole;
  for (const part of header.split(/[\n\r/|]+/)) {
    const hit = HEADER_INDEX.get(normalizeHeader(part));
    if (hit) return hit;
  }
  return null;
}

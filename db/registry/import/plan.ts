/**
 * Checks every data row of a roster and groups the rows into households, collecting EVERY
 * problem (row, column, why) instead of stopping at the first, so the clerk can fix the sheet in
 * one pass. Nothing is written here.
 */
import type { Ledger } from '../../ledger';
import { householdFields, memberInput, type HouseholdFields, type MemberValues } from '../schemas';
import { householdProblems, memberProblems } from '../checks';
import { clashMessage, findIdClash } from '../households';
import { COLUMN_BY_KEY, COLUMNS, type ColumnKey } from './columns';
import { cellText, convert } from './cells';
import { fieldName, rowKind, type ResolvedLayout } from './layout';
import { issueText, type ImportProblem } from './problems';
import { quickMemberValues } from './memberCheck';
import type { EachRow } from './xlsx';

export interface PlannedMember {
  row: number;
  values: MemberValues;
}

export interface PlannedHousehold {
  row: number;
  fields: HouseholdFields;
  members: PlannedMember[];
}

export interface Plan {
  households: PlannedHousehold[];
  problems: ImportProblem[];
  /** Rows read as members (good or bad). */
  dataRows: number;
  skipped: { blank: number; total: number; header: number };
}

/**
 * A row's converted cells, by column ordinal. Arrays and objects built in one fixed key order keep
 * every row the same shape for V8; objects with varying keys made large imports several times slower.
 */
interface RowValues {
  r: number;
  values: unknown[];
  failed: Set<ColumnKey> | null;
}

const INDEX = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;
const HOUSEHOLD_KEYS = COLUMNS.filter((c) => c.level === 'household').map((c) => c.key as ColumnKey);
const MEMBER_KEYS = COLUMNS.filter((c) => c.level === 'member').map((c) => c.key as ColumnKey);
const get = (rv: RowValues, key: ColumnKey) => rv.values[INDEX[key]];
const failedAt = (rv: RowValues, key: ColumnKey) => rv.failed?.has(key) === true;
/** Columns that locate the household rather than describe it. */
const PLACE_KEYS = new Set<ColumnKey>(['township', 'village', 'villageCode']);
/** Schema field → column, where their names differ. */
const MEMBER_FIELD_TO_COLUMN: Record<string, ColumnKey> = { phone: 'memberPhone' };
const HOUSEHOLD_FIELD_TO_COLUMN: Record<string, ColumnKey> = { villageId: 'village' };

type VillageRef = { id: number; name: string; township: string };

function villageDirectory(ledger: Ledger) {
  const rows = ledger.sqlite
    .prepare('SELECT v.id, v.code, v.name, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id')
    .all() as (VillageRef & { code: string })[];
  const byCode = new Map(rows.map((v) => [v.code, v]));
  const byName = new Map<string, VillageRef[]>();
  for (const v of rows) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
  return { byCode, byName };
}

export interface PlanOptions {
  /** Called every few hundred rows (progress, cancel). */
  tick?: (done: number, total: number) => void;
  /** Called every few thousand rows while the sheet is read (cancel). */
  reading?: () => void;
}

/** Reads `rows` (the sheet, streamed) once; keeps each data row's converted values, not its cells. */
export function buildPlan(ledger: Ledger, rows: EachRow, layout: ResolvedLayout, options: PlanOptions = {}): Plan {
  const plan: Plan = { households: [], problems: [], dataRows: 0, skipped: { blank: 0, total: 0, header: 0 } };
  const mapped = new Map<ColumnKey, { column: number; letter: string; header: string }>();
  for (const c of layout.columns) if (c.field) mapped.set(c.field, { column: c.column, letter: c.letter, header: c.header });

  const at = (row: number, key: ColumnKey, text: { en: string; zh: string }): void => {
    const col = mapped.get(key);
    plan.problems.push({ row, column: col?.letter ?? '', field: col?.header || fieldName(key), en: text.en, zh: text.zh });
  };

  if (layout.headerRow === null || layout.missing.length) {
    const row = layout.headerRow ?? 1;
    if (layout.headerRow === null) {
      plan.problems.push({ row, column: '', field: '', en: 'No header row was found; choose the row that holds the column names', zh: '未找到表头行，请指定列名所在的行' });
    }
    for (const key of layout.missing) {
      at(row, key, {
        en: key === 'village' ? 'No column gives the village (name or code); map one' : 'No column holds this required field; map one',
        zh: key === 'village' ? '没有填写行政村（名称或代码）的列，请指定' : '没有对应此必填项的列，请指定',
      });
    }
    return plan;
  }

  // 1. Read every data row, converting each mapped cell.
  const readers = [...mapped].map(([key, col]) => ({ key, column: col.column, kind: COLUMN_BY_KEY.get(key)!.kind, index: INDEX[key] }));
  const read: RowValues[] = [];
  const idColumn = mapped.get('idNumber')?.column;
  const headerRow = layout.headerRow;
  let seen = 0;
  rows((row) => {
    if (++seen % 5000 === 0) options.reading?.();
    if (row.r <= headerRow) return;
    const rowType = rowKind(row, layout.columns, idColumn);
    if (rowType !== 'data') {
      plan.skipped[rowType]++;
      return;
    }
    const rv: RowValues = { r: row.r, values: new Array(COLUMNS.length), failed: null };
    for (const { key, column, kind, index } of readers) {
      const cell = row.cells[column];
      if (cell === undefined) continue;
      const result = convert(kind, cell);
      if (result.ok) rv.values[index] = result.value;
      else {
        (rv.failed ??= new Set()).add(key);
        at(row.r, key, result);
      }
    }
    read.push(rv);
  });
  plan.dataRows = read.length;

  const villages = villageDirectory(ledger);
  // One read of what is already registered beats a query per row once rosters run to thousands.
  const archiveTaken = new Set(ledger.sqlite.prepare('SELECT archive_no FROM households').pluck().all() as string[]);
  const activeIds = new Set(ledger.sqlite
    .prepare(`SELECT m.id_number FROM members m JOIN households h ON h.id = m.household_id WHERE m.removed = 0 AND h.status <> 'cancelled'`)
    .pluck()
    .all() as string[]);
  const idsInFile = new Map<string, number>();
  let done = 0;

  // 2. Group rows into households by archive number, keeping the sheet's order.
  const groups = new Map<string, RowValues[]>();
  for (const rv of read) {
    const archiveNo = get(rv, 'archiveNo') as string | undefined;
    if (!archiveNo) {
      if (!failedAt(rv, 'archiveNo')) at(rv.r, 'archiveNo', { en: 'Required: the household archive number groups members into households', zh: '必填：按户编号把成员归户' });
      checkMembers(read.length, [rv]);
      continue;
    }
    const g = groups.get(archiveNo);
    if (g) g.push(rv);
    else groups.set(archiveNo, [rv]);
  }

  function resolveVillage(values: Partial<Record<ColumnKey, unknown>>, row: number): number | null {
    const code = values.villageCode as string | undefined;
    if (code) {
      const v = villages.byCode.get(code);
      if (v) return v.id;
      at(row, 'villageCode', { en: `No village has the code ${code}; add it under Villages first`, zh: `没有代码为 ${code} 的行政村，请先在“行政村”中添加` });
      return null;
    }
    const name = values.village as string | undefined;
    const township = values.township as string | undefined;
    if (!name) {
      at(row, 'village', { en: 'Required', zh: '必填' });
      return null;
    }
    const candidates = (villages.byName.get(name) ?? []).filter((v) => !township || v.township === township);
    if (candidates.length === 1) return candidates[0]!.id;
    if (candidates.length === 0) {
      const where = township ? `${township} ` : '';
      at(row, 'village', { en: `No village named ${where}${name}; add it under Villages first`, zh: `没有名为 ${where}${name} 的行政村，请先在“行政村”中添加` });
    } else {
      at(row, 'village', { en: `Several villages are named ${name}; fill in the township or the village code`, zh: `有多个名为 ${name} 的行政村，请填写乡镇或行政村代码` });
    }
    return null;
  }

  /** Members of one household (or a row without one): schema, cross-field, duplicates, clashes. */
  function checkMembers(total: number, group: RowValues[]): PlannedMember[] {
    const out: PlannedMember[] = [];
    for (const rv of group) {
      const raw: Record<string, unknown> = {};
      for (const key of MEMBER_KEYS) raw[key === 'memberPhone' ? 'phone' : key] = get(rv, key);
      // Most rows are clean: confirm them without a zod parse; any doubt goes to the schema.
      // A string ID number here is what convert() got from checkIdNumber (a failed cell stays undefined).
      const quick = quickMemberValues(raw, true);
      const parsed = quick ? { success: true as const, data: quick } : memberInput.safeParse(raw);
      const before = plan.problems.length;
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          const key = (MEMBER_FIELD_TO_COLUMN[field] ?? field) as ColumnKey;
          if (!failedAt(rv, key)) at(rv.r, key, issueText(issue, raw[field]));
        }
      } else {
        for (const p of memberProblems(parsed.data)) at(rv.r, (MEMBER_FIELD_TO_COLUMN[p.field] ?? p.field) as ColumnKey, p);
        const idNumber = parsed.data.idNumber;
        const first = idsInFile.get(idNumber);
        if (first !== undefined) at(rv.r, 'idNumber', { en: `Same ID number as row ${first}`, zh: `与第 ${first} 行身份证号重复` });
        else idsInFile.set(idNumber, rv.r);
        const clash = activeIds.has(idNumber) ? findIdClash(ledger, idNumber) : undefined;
        if (clash) at(rv.r, 'idNumber', clashMessage(idNumber, clash));
        if (plan.problems.length === before) out.push({ row: rv.r, values: parsed.data });
      }
      if (++done % 500 === 0) options.tick?.(done, total);
    }
    return out;
  }

  // 3. Each household: its fields from the first row that fills them, then its members.
  for (const [archiveNo, group] of groups) {
    const before = plan.problems.length;
    const values: Record<string, unknown> = {};
    const source = new Map<ColumnKey, number>();
    for (const key of HOUSEHOLD_KEYS) {
      values[key] = undefined;
      for (const rv of group) {
        const v = get(rv, key);
        if (v === undefined) continue;
        if (!source.has(key)) {
          source.set(key, rv.r);
          values[key] = v;
        } else if (String(v) !== String(values[key])) {
          at(rv.r, key, {
            en: `Differs from row ${source.get(key)} of the same household ("${String(values[key])}")`,
            zh: `与同户第 ${source.get(key)} 行不一致（“${String(values[key])}”）`,
          });
        }
      }
    }
    const first = group[0]!.r;
    const rowOf = (key: ColumnKey) => source.get(key) ?? first;
    const villageId = resolveVillage(values as Partial<Record<ColumnKey, unknown>>, rowOf(values.villageCode ? 'villageCode' : 'village'));
    const raw: Record<string, unknown> = { villageId: villageId ?? undefined };
    for (const key of HOUSEHOLD_KEYS) if (!PLACE_KEYS.has(key)) raw[key] = values[key];
    const parsed = householdFields.safeParse(raw);
    let fields: HouseholdFields | null = null;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const key = (HOUSEHOLD_FIELD_TO_COLUMN[field] ?? field) as ColumnKey;
        if (key === 'village' && villageId === null) continue;
        if (!group.some((rv) => failedAt(rv, key))) at(rowOf(key), key, issueText(issue, values[field]));
      }
    } else {
      fields = parsed.data;
      for (const p of householdProblems(fields)) at(rowOf(p.field as ColumnKey), p.field as ColumnKey, p);
    }
    if (archiveTaken.has(archiveNo)) {
      at(rowOf('archiveNo'), 'archiveNo', { en: `Household ${archiveNo} is already registered; the import only adds new households`, zh: `户编号 ${archiveNo} 已登记，导入只新增农户` });
    }
    const members = checkMembers(read.length, group);
    const heads = group.filter((rv) => get(rv, 'relation') === 'head');
    if (heads.length !== 1 && !group.some((rv) => failedAt(rv, 'relation'))) {
      at(heads[1]?.r ?? first, 'relation', heads.length === 0
        ? { en: `Household ${archiveNo} has no head (与户主关系 = 户主)`, zh: `户编号 ${archiveNo} 没有户主` }
        : { en: `Household ${archiveNo} has ${heads.length} heads (rows ${heads.map((h) => h.r).join(', ')})`, zh: `户编号 ${archiveNo} 有 ${heads.length} 位户主（第 ${heads.map((h) => h.r).join('、')} 行）` });
    }
    if (fields && plan.problems.length === before) plan.households.push({ row: first, fields, members });
  }
  plan.problems.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return plan;
}

/** A row's cells as text by field, for the preview table; reads only the first rows. */
export function previewRows(rows: EachRow, layout: ResolvedLayout, limit: number): { row: number; values: Record<string, string> }[] {
  const out: { row: number; values: Record<string, string> }[] = [];
  if (limit <= 0) return out;
  const headerRow = layout.headerRow;
  const idColumn = layout.columns.find((c) => c.field === 'idNumber')?.column;
  rows((row) => {
    if (headerRow === null) {
      // forEach, not map: a row's cells array has holes where cells are empty.
      const values: Record<string, string> = {};
      row.cells.forEach((c, i) => {
        values[String(i)] = cellText(c);
      });
      out.push({ row: row.r, values });
    }
    else {
      if (row.r <= headerRow || rowKind(row, layout.columns, idColumn) !== 'data') return true;
      out.push({ row: row.r, values: Object.fromEntries(layout.columns.map((c) => [String(c.column), cellText(row.cells[c.column])])) });
    }
    return out.length < limit;
  });
  return out;
}

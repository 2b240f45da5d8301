/**
 * Every data-quality rule against a generated tiny county: the baseline findings are exactly the
 * records the demo generator plants on purpose (db/demo/planted.ts), and a record planted here by
 * raw SQL for each rule is found by that rule, and nothing else is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../db/ledger';
import { generateCounty } from '../../db/demo/generate';
import { readPlanted, type PlantedKey } from '../../db/demo/planted';
import { forEachFinding } from '../../db/quality/runner';
import { RULES } from '../../db/quality/rules';
import { runQuality } from '../../db/quality/report';
import { preExportCheck } from '../../db/quality/preExport';
import type { Finding } from '../../db/quality/types';
import { tempDir } from '../support/tmp';

const TODAY = '2026-06-15';
let dir: string;
let base: string;

beforeAll(() => {
  dir = tempDir('cl-quality-');
  base = path.join(dir, 'base.sqlite');
  const ledger = openLedger(base);
  generateCounty(ledger, { scale: 'tiny', seed: 1, today: TODAY, users: false });
  ledger.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let copies = 0;
function fresh(): Ledger {
  const file = path.join(dir, `copy-${++copies}.sqlite`);
  fs.copyFileSync(base, file);
  return openLedger(file);
}

/** A finding as a comparable key: rule, household archive number, member ID number, voucher id. */
function key(ledger: Ledger, f: Pick<Finding, 'ruleId' | 'archiveNo' | 'memberId' | 'voucherId'>): string {
  const idNumber = f.memberId === null ? '' : (ledger.sqlite.prepare('SELECT id_number FROM members WHERE id = ?').pluck().get(f.memberId) as string);
  return `${f.ruleId}|${f.archiveNo}|${idNumber}|${f.voucherId ?? ''}`;
}

function findings(ledger: Ledger, ruleIds?: string[]): string[] {
  const out: string[] = [];
  forEachFinding(ledger, { ruleIds, asOf: TODAY }, (f) => out.push(key(ledger, f)));
  return out.sort();
}

/** The demo generator's planted records that are data-quality findings, by the rule that finds them. */
const PLANTED_RULE: Partial<Record<PlantedKey, string>> = {
  deceased_head: 'household.head_deceased',
  no_basic_medical: 'member.no_basic_medical',
  deceased_dibao: 'member.deceased_dibao',
  exited_below_line: 'household.exited_below_line',
  no_cadre: 'household.no_cadre',
};

function baseline(ledger: Ledger, ruleId?: string): string[] {
  return readPlanted(ledger)
    .filter((p) => PLANTED_RULE[p.key] && (!ruleId || PLANTED_RULE[p.key] === ruleId))
    .map((p) => `${PLANTED_RULE[p.key]}|${p.archiveNo}|${p.memberIdNumber ?? ''}|`)
    .sort();
}

// ── helpers to find records to spoil ───────────────────────────────────────────────────────────

const one = <T = number>(ledger: Ledger, sql: string, ...params: unknown[]): T => {
  const v = ledger.sqlite.prepare(sql).pluck().get(...params) as T | undefined;
  if (v === undefined) throw new Error(`nothing found for ${sql}`);
  return v;
};
const run = (ledger: Ledger, sql: string, ...params: unknown[]) => ledger.sqlite.prepare(sql).run(...params);

/** Households not planted by the generator and not cancelled, in archive order. */
const CLEAN = `SELECT h.id FROM households h WHERE h.status <> 'cancelled'
  AND h.archive_no NOT IN (SELECT j.value ->> 'archiveNo' FROM settings s, json_each(s.value) j WHERE s.key = 'demo.planted')`;
const cleanHousehold = (l: Ledger, extra = '', n = 0) => one(l, `${CLEAN} ${extra} ORDER BY h.archive_no LIMIT 1 OFFSET ${n}`);
const livingMember = (l: Ledger, householdId: number, extra = '') =>
  one(l, `SELECT id FROM members m WHERE household_id = ? AND removed = 0 AND deceased = 0 ${extra} ORDER BY id LIMIT 1`, householdId);
const archiveOf = (l: Ledger, householdId: number) => one<string>(l, 'SELECT archive_no FROM households WHERE id = ?', householdId);
const idOf = (l: Ledger, memberId: number) => one<string>(l, 'SELECT id_number FROM members WHERE id = ?', memberId);
const householdOf = (l: Ledger, memberId: number) => one(l, 'SELECT household_id FROM members WHERE id = ?', memberId);

interface Planted {
  householdId: number;
  memberId?: number;
  voucherId?: number;
}

const expectedKey = (l: Ledger, ruleId: string, p: Planted) =>
  `${ruleId}|${archiveOf(l, p.householdId)}|${p.memberId ? idOf(l, p.memberId) : ''}|${p.voucherId ?? ''}`;

/** A member of a clean household, changed by `set`. */
function spoilMember(l: Ledger, set: string, params: unknown[] = [], pick = ''): Planted {
  const householdId = cleanHousehold(l, pick ? `AND EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.removed = 0 AND m.deceased = 0 ${pick})` : '');
  const memberId = livingMember(l, householdId, pick);
  run(l, `UPDATE members SET ${set} WHERE id = ?`, ...params, memberId);
  return { householdId, memberId };
}

function spoilHousehold(l: Ledger, set: string, params: unknown[] = [], pick = ''): Planted {
  const householdId = cleanHousehold(l, pick);
  run(l, `UPDATE households SET ${set} WHERE id = ?`, ...params, householdId);
  return { householdId };
}

let userId = 0;
function user(l: Ledger): number {
  if (!userId || !l.sqlite.prepare('SELECT 1 FROM users WHERE id = ?').get(userId)) {
    userId = one(l, `INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('q', 'q', 'accountant', 'unusable', 'now') RETURNING id`);
  }
  return userId;
}

const account = (l: Ledger, code: string) => one(l, 'SELECT id FROM fund_accounts WHERE code = ?', code);

/** A balanced voucher paying `fen` to a household on `date`; posted when asked (as a system voucher). */
function payment(l: Ledger, householdId: number, date: string, posted: boolean): number {
  const u = user(l);
  const id = one(l, `INSERT INTO vouchers (year, date, memo, status, origin, prepared_by, prepared_at) VALUES (?, ?, '补助', 'draft', 'system', ?, 'now') RETURNING id`,
    Number(date.slice(0, 4)), date, u);
  run(l, `INSERT INTO voucher_lines (voucher_id, line_no, account_id, debit_fen, household_id) VALUES (?, 1, ?, 50000, ?)`, id, account(l, '5101.01'), householdId);
  run(l, `INSERT INTO voucher_lines (voucher_id, line_no, account_id, credit_fen) VALUES (?, 2, ?, 50000)`, id, account(l, '1001'));
  if (posted) {
    const number = one(l, `SELECT coalesce(max(number), 0) + 1 FROM vouchers WHERE year = ? AND status = 'posted'`, Number(date.slice(0, 4)));
    run(l, `UPDATE vouchers SET status = 'posted', number = ?, posted_by = ?, posted_at = 'now' WHERE id = ?`, number, u, id);
  }
  return id;
}

/** Leaves one member in the household (the others moved out) and records their death. */
function onlyMemberDies(l: Ledger, householdId: number, on: string): number {
  const memberId = livingMember(l, householdId, `AND relation = 'head'`);
  run(l, `UPDATE members SET removed = 1 WHERE household_id = ? AND id <> ?`, householdId, memberId);
  run(l, `UPDATE members SET deceased = 1, deceased_on = ? WHERE id = ?`, on, memberId);
  return memberId;
}

const AGE_BETWEEN = (from: number, to: number) =>
  `AND birth_date > date('${TODAY}', '-${to + 1} years') AND birth_date <= date('${TODAY}', '-${from} years')`;

/** Run for the planted household's village and township, the rule finds what it finds there in the county run. */
function expectScoped(l: Ledger, ruleId: string, householdId: number): void {
  const all: Finding[] = [];
  forEachFinding(l, { ruleIds: [ruleId], asOf: TODAY }, (f) => all.push(f));
  const { villageId, townshipId } = l.sqlite
    .prepare('SELECT h.village_id AS villageId, v.township_id AS townshipId FROM households h JOIN villages v ON v.id = h.village_id WHERE h.id = ?')
    .get(householdId) as { villageId: number; townshipId: number };
  for (const scope of [{ villageId }, { townshipId }]) {
    const scoped: Finding[] = [];
    forEachFinding(l, { ruleIds: [ruleId], asOf: TODAY, scope }, (f) => scoped.push(f));
    const inside = all.filter((f) => ('villageId' in scope ? f.villageId === villageId : f.townshipId === townshipId));
    expect(scoped).toEqual(inside);
    expect(scoped.some((f) => f.householdId === householdId)).toBe(true);
  }
}

// ── one planted record per rule ─────────────────────────────────────────────────────────────────

const PLANTS: Record<string, (l: Ledger) => Planted | Planted[]> = {
  'id.format': (l) => spoilMember(l, 'id_number = substr(id_number, 1, 17)'),
  'id.checksum': (l) => spoilMember(l, `id_number = substr(id_number, 1, 17) || CASE substr(id_number, 18) WHEN '0' THEN '1' ELSE '0' END`),
  'id.birth_mismatch': (l) => spoilMember(l, `birth_date = date(birth_date, '-1 day')`),
  'id.sex_mismatch': (l) => spoilMember(l, `sex = CASE sex WHEN 'M' THEN 'F' ELSE 'M' END`),
  'id.duplicate': (l) => {
    const a = livingMember(l, cleanHousehold(l));
    const other = cleanHousehold(l, '', 1);
    const b = livingMember(l, other);
    run(l, 'UPDATE members SET id_number = (SELECT id_number FROM members WHERE id = ?) WHERE id = ?', a, b);
    return [{ householdId: householdOf(l, a), memberId: a }, { householdId: other, memberId: b }];
  },
  'household.head_count': (l) => {
    const householdId = cleanHousehold(l, `AND (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.removed = 0) >= 2`);
    run(l, `UPDATE members SET relation = 'head' WHERE household_id = ? AND relation <> 'head' AND removed = 0`, householdId);
    return { householdId };
  },
  'household.head_deceased': (l) => {
    const householdId = cleanHousehold(l, `AND (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.removed = 0 AND m.deceased = 0) >= 2`);
    const memberId = livingMember(l, householdId, `AND relation = 'head'`);
    run(l, `UPDATE members SET deceased = 1, deceased_on = '2026-03-01' WHERE id = ?`, memberId);
    return { householdId, memberId };
  },
  'member.spouse_same_sex': (l) =>
    spoilMember(l, `sex = (SELECT sex FROM members hd WHERE hd.household_id = members.household_id AND hd.relation = 'head')`, [], `AND m.relation = 'spouse'`),
  'household.no_living_member': (l) => {
    const householdId = cleanHousehold(l);
    run(l, `UPDATE members SET deceased = 1, deceased_on = '2026-02-01' WHERE household_id = ?`, householdId);
    return { householdId };
  },
  'household.size_mismatch': (l) => spoilHousehold(l, 'size = size + 1'),
  'household.head_name_mismatch': (l) => {
    const p = spoilHousehold(l, `head_name = '某某某'`);
    return { ...p, memberId: livingMember(l, p.householdId, `AND relation = 'head'`) };
  },
  'member.birth_future': (l) => spoilMember(l, `birth_date = '2031-01-01'`),
  'member.death_date_impossible': (l) => spoilMember(l, `deceased = 1, deceased_on = '1901-01-01'`),
  'member.deceased_date_missing': (l) => spoilMember(l, 'deceased = 1, deceased_on = NULL'),
  'member.school_age_no_status': (l) => spoilMember(l, 'school_status = NULL', [], AGE_BETWEEN(6, 15)),
  'member.preschool_labour': (l) => spoilMember(l, `birth_date = date('${TODAY}', '-3 years'), labour_ability = 'ordinary'`),
  'member.education_empty': (l) => spoilMember(l, 'education = NULL, school_status = NULL', [], AGE_BETWEEN(20, 60)),
  'member.dropout_reason': (l) => spoilMember(l, `dropout_reason = 'illness'`, [], `AND school_status = 'not_in_school'`),
  'member.disability_incomplete': (l) => spoilMember(l, `health = 'disabled', disability_category = NULL, disability_grade = '2'`),
  'member.no_basic_medical': (l) => spoilMember(l, 'ins_basic_medical = 0, ins_critical_illness = 0, ins_supplementary = 0'),
  'member.critical_without_basic': (l) => spoilMember(l, 'ins_basic_medical = 0, ins_critical_illness = 1'),
  'member.supplementary_without_basic': (l) => spoilMember(l, 'ins_basic_medical = 0, ins_critical_illness = 0, ins_supplementary = 1'),
  'household.dibao_without_members': (l) => {
    const householdId = cleanHousehold(l, `AND h.attribute = '2'`);
    run(l, 'UPDATE members SET dibao = 0, dibao_class = NULL WHERE household_id = ?', householdId);
    return { householdId };
  },
  'member.deceased_dibao': (l) => spoilMember(l, `deceased = 1, deceased_on = '2026-01-05'`, [], 'AND dibao = 1'),
  'member.dibao_class_inconsistent': (l) => spoilMember(l, 'dibao_class = NULL', [], 'AND dibao = 1'),
  'member.dibao_in_general_household': (l) => {
    const householdId = cleanHousehold(l, `AND h.attribute = '1'`);
    const memberId = livingMember(l, householdId);
    run(l, `UPDATE members SET dibao = 1, dibao_class = 'class_b' WHERE id = ?`, memberId);
    return { householdId, memberId };
  },
  'household.exited_below_line': (l) => {
    const householdId = cleanHousehold(l, `AND h.status IN ('exited', 'exited_no_policy') AND EXISTS (SELECT 1 FROM incomes i WHERE i.household_id = h.id)`);
    run(l, 'UPDATE incomes SET amount_fen = 100 WHERE household_id = ?', householdId);
    return { householdId };
  },
  'income.negative': (l) => {
    const householdId = cleanHousehold(l, 'AND EXISTS (SELECT 1 FROM incomes i WHERE i.household_id = h.id)');
    run(l, `UPDATE incomes SET amount_fen = -amount_fen WHERE id = (SELECT min(id) FROM incomes WHERE household_id = ?)`, householdId);
    return { householdId };
  },
  'voucher.cancelled_household': (l) => {
    const householdId = cleanHousehold(l);
    run(l, `UPDATE households SET status = 'cancelled', status_since = '2026-01-20' WHERE id = ?`, householdId);
    payment(l, householdId, '2026-01-20', false); // the day of cancellation: not after it
    const voucherId = payment(l, householdId, '2026-02-10', true);
    // A payment reversed (红字冲销) is no longer a payment.
    const reversed = payment(l, householdId, '2026-03-10', false);
    const reversal = payment(l, householdId, '2026-03-11', false);
    run(l, `UPDATE vouchers SET origin = 'reversal', reverses_id = ? WHERE id = ?`, reversed, reversal);
    return { householdId, voucherId };
  },
  'voucher.paid_after_death': (l) => {
    const householdId = cleanHousehold(l);
    const memberId = onlyMemberDies(l, householdId, '2026-02-01');
    payment(l, householdId, '2026-01-15', true); // before the death
    const voucherId = payment(l, householdId, '2026-04-01', false);
    return { householdId, memberId, voucherId };
  },
  'share.deceased_holder': (l) => {
    const householdId = cleanHousehold(l);
    const u = user(l);
    const villageId = one(l, 'SELECT village_id FROM households WHERE id = ?', householdId);
    const assetId = one(l, `INSERT INTO assets (code, name, asset_class, category, ownership, operator, village_id, created_by, created_at, updated_at)
      VALUES ('ZC-Q-1', '村级光伏电站', 'business', 'photovoltaic', 'village_collective', 'collective', ?, ?, 'now', 'now') RETURNING id`, villageId, u);
    const share = `INSERT INTO asset_shares (asset_id, seq, certificate_no, holder_type, household_id, village_id, units, weight, from_date, to_date, withdrawn_on, withdraw_reason, created_by, created_at)
      VALUES (?, ?, ?, 'household', ?, ?, 1, 1, '2025-01-01', ?, ?, ?, ?, 'now')`;
    run(l, share, assetId, 1, 'GQ-ZC-Q-1-0001', householdId, villageId, null, null, null, u);
    run(l, share, assetId, 2, 'GQ-ZC-Q-1-0002', householdId, villageId, null, '2026-03-01', '户内成员均已死亡', u); // withdrawn: fine
    run(l, share, assetId, 3, 'GQ-ZC-Q-1-0003', householdId, villageId, '2025-12-31', null, null, u); // expired: fine
    const memberId = onlyMemberDies(l, householdId, '2026-02-01');
    return { householdId, memberId };
  },
  'household.phone_format': (l) => spoilHousehold(l, `phone = '1390000111'`),
  'member.phone_format': (l) => spoilMember(l, `phone = '0999-1234567'`),
  'household.no_cadre': (l) => {
    const householdId = cleanHousehold(l);
    run(l, `UPDATE household_cadres SET to_date = '2026-05-31' WHERE household_id = ? AND to_date IS NULL`, householdId);
    return { householdId };
  },
  'household.bank_account_missing': (l) => spoilHousehold(l, `bank_account = ''`),
  'household.relocation_before_identification': (l) =>
    spoilHousehold(l, `relocated = 1, relocation_type = 'centralized', relocation_year = identified_year - 1`),
  'household.relocation_incomplete': (l) => spoilHousehold(l, 'relocated = 1', [], 'AND h.relocated = 0'),
  'household.duplicate_causes': (l) => spoilHousehold(l, 'second_cause = main_cause'),
};

describe('data-quality rules on a generated county', () => {
  it('has at least 25 rules, each with an id, a severity and explanations in both languages', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(['error', 'warning', 'info']).toContain(r.severity);
      for (const text of [r.title.zh, r.title.en, r.explain.zh, r.explain.en]) expect(text.length).toBeGreaterThan(4);
    }
  });

  it('finds exactly the records the demo generator planted, and nothing else', () => {
    const l = fresh();
    expect(findings(l)).toEqual(baseline(l));
    expect(baseline(l)).toHaveLength(5);
    l.close();
  });

  it('lists every rule with its severity in docs/QUALITY.md', () => {
    const doc = fs.readFileSync(path.resolve('docs/QUALITY.md'), 'utf8').split('\n');
    for (const r of RULES) expect(doc.find((line) => line.startsWith(`| \`${r.id}\` |`)), r.id).toContain(` ${r.severity} |`);
  });

  it('plants a case for every rule', () => {
    expect(Object.keys(PLANTS).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id} finds the record planted for it and nothing else`, () => {
      const l = fresh();
      const planted = [PLANTS[rule.id]!(l)].flat();
      const expected = [...baseline(l, rule.id), ...planted.map((p) => expectedKey(l, rule.id, p))].sort();
      expect(findings(l, [rule.id])).toEqual(expected);
      expectScoped(l, rule.id, planted[0]!.householdId);
      l.close();
    });
  }
});

describe('scope, summaries and the pre-export check', () => {
  it('counts by rule, village and township add up', () => {
    const l = fresh();
    const r = runQuality(l, { asOf: TODAY });
    const total = r.totals.error + r.totals.warning + r.totals.info;
    expect(total).toBe(baseline(l).length);
    expect(r.rules.reduce((s, o) => s + o.count, 0)).toBe(total);
    for (const areas of [r.villages, r.townships]) {
      expect(areas.reduce((s, a) => s + a.bySeverity.error + a.bySeverity.warning + a.bySeverity.info, 0)).toBe(total);
    }
    expect(r.samples).toHaveLength(total);
    l.close();
  });

  it('preExportCheck returns the error-severity findings only', () => {
    const l = fresh();
    const errors = preExportCheck(l);
    expect(errors.every((f) => f.severity === 'error')).toBe(true);
    const errorRules = new Set(RULES.filter((r) => r.severity === 'error').map((r) => r.id));
    expect(errors.map((f) => key(l, f)).sort()).toEqual(baseline(l).filter((k) => errorRules.has(k.split('|')[0]!)));
    l.close();
  });
});

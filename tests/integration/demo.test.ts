import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../db/ledger';
import { verifyAuditChain } from '../../db/audit';
import { verifyPassword } from '../../db/system/passwords';
import { agreesWith, checkIdNumber } from '../../db/rules/idNumber';
import { deriveStatus } from '../../db/rules/status';
import { ageOn, aboveLine, netIncome, SCHOOL_AGE } from '../../db/rules/exit';
import { namePinyin } from '../../db/registry/pinyin';
import type { IncomeItem } from '../../db/codes';
import { DEMO_PASSWORD, DEMO_USERS, generateCounty, type GenerateOptions } from '../../db/demo/generate';
import { PLANTED_KEYS, readPlanted, type PlantedKey } from '../../db/demo/planted';
import { RARE_GIVEN } from '../../db/demo/names';

const dirs: string[] = [];
const open: Ledger[] = [];

function freshLedger(): Ledger {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-demo-'));
  dirs.push(dir);
  const ledger = openLedger(path.join(dir, 'ledger.sqlite'));
  open.push(ledger);
  return ledger;
}

afterAll(() => {
  for (const l of open) l.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Tables the generator writes (migrations seed others with their own timestamps). */
const GENERATED_TABLES = [
  'county', 'townships', 'villages', 'households', 'members', 'cadres', 'household_cadres', 'status_events',
  'poverty_lines', 'incomes', 'support_measures', 'users', 'settings',
];

/** Every generated row, in rowid order; password hashes are salted and so left out. */
function dump(ledger: Ledger): string {
  return GENERATED_TABLES.map((t) => {
    const rows = ledger.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[];
    if (t === 'users') for (const r of rows) delete r.password_hash;
    return `${t}\n${rows.map((r) => JSON.stringify(r)).join('\n')}`;
  }).join('\n\n');
}

type Row = Record<string, any>;
const all = (l: Ledger, sql: string, ...args: unknown[]) => l.sqlite.prepare(sql).all(...args) as Row[];
const one = (l: Ledger, sql: string, ...args: unknown[]) => l.sqlite.prepare(sql).pluck().get(...args);

function localIso(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Structural invariants every generated county must satisfy. */
function checkStructure(l: Ledger) {
  const today = new Date();
  const members = all(l, 'SELECT * FROM members ORDER BY id');
  for (const m of members) {
    const check = checkIdNumber(m.id_number, today);
    expect(check.ok, `${m.name} ${m.id_number}`).toBe(true);
    expect(agreesWith(m.id_number, m.birth_date, m.sex)).toEqual([]);
    expect(m.id_number.slice(0, 6)).toBe('552999');
    const py = namePinyin(m.name);
    expect([m.name_pinyin, m.name_initials]).toEqual([py.full, py.initials]);
    if (m.disability_category !== null || m.disability_grade !== null) expect(m.health).toBe('disabled');
    if (m.health === 'disabled') expect(m.disability_category && m.disability_grade).toBeTruthy();
    if (m.dibao_class !== null) expect(m.dibao).toBe(1);
    if (m.deceased_on !== null || m.deceased) expect([m.deceased, typeof m.deceased_on]).toEqual([1, 'string']);
    if (m.school_status === 'dropped_out') expect(m.dropout_reason).not.toBeNull();
  }
  expect(all(l, 'SELECT id_number FROM members GROUP BY id_number HAVING count(*) > 1')).toEqual([]);

  const households = all(l, 'SELECT * FROM households ORDER BY id');
  const heads = new Map(all(l, `SELECT household_id, count(*) n, min(name) name FROM members WHERE relation = 'head' AND removed = 0 GROUP BY household_id`)
    .map((r) => [r.household_id, r]));
  const sizes = new Map(all(l, 'SELECT household_id, count(*) n FROM members WHERE removed = 0 AND deceased = 0 GROUP BY household_id')
    .map((r) => [r.household_id, r.n]));
  const events = new Map<number, Row[]>();
  for (const e of all(l, 'SELECT * FROM status_events ORDER BY id')) {
    if (!events.has(e.household_id)) events.set(e.household_id, []);
    events.get(e.household_id)!.push(e);
  }
  for (const h of households) {
    expect(heads.get(h.id)?.n, h.archive_no).toBe(1);
    expect(h.head_name).toBe(heads.get(h.id)!.name);
    expect(h.size).toBe(sizes.get(h.id) ?? 0);
    expect(h.phone).toMatch(/^1[358]\d{9}$/);
    expect(h.bank_account).toMatch(/^\d{19}$/);
    // The status columns are what replaying the approved events gives.
    const evs = events.get(h.id) ?? [];
    expect(evs.every((e) => e.state === 'approved' && e.proposed_by === 2 && e.decided_by === 4)).toBe(true);
    const derived = deriveStatus(evs.map((e) => ({ id: e.id, type: e.type, eventDate: e.event_date, monitoringType: e.monitoring_type, cancelReason: e.cancel_reason })));
    expect({ status: h.status, monitoringType: h.monitoring_type, statusSince: h.status_since, policyEndsOn: h.policy_ends_on, reviewDue: h.review_due }, h.archive_no)
      .toEqual(derived);
  }
  expect(new Set(households.map((h) => h.archive_no)).size).toBe(households.length);

  // Incomes are whole fen and every line year has a poverty line.
  expect(one(l, `SELECT count(*) FROM incomes WHERE typeof(amount_fen) <> 'integer' OR amount_fen <= 0`)).toBe(0);
  expect(all(l, 'SELECT year FROM poverty_lines ORDER BY year').map((r) => r.year).slice(0, 13))
    .toEqual(Array.from({ length: 13 }, (_, i) => 2014 + i));
}

/** Which records show each planted condition; every check must find exactly its planted record. */
function findConditions(l: Ledger, today: string): Record<PlantedKey, string[]> {
  const active = `h.status <> 'cancelled'`;
  const living = 'm.deceased = 0 AND m.removed = 0';
  const memberKeys = (sql: string) => all(l, sql).map((r) => `${r.archive_no}/${r.id_number}`);
  const householdKeys = (sql: string, ...args: unknown[]) => all(l, sql, ...args).map((r) => r.archive_no as string);

  const schoolAge = all(l, `SELECT h.archive_no, m.id_number, m.birth_date, m.school_status FROM members m JOIN households h ON h.id = m.household_id WHERE ${active} AND ${living}`)
    .filter((m) => {
      const age = ageOn(m.birth_date, today);
      return age >= SCHOOL_AGE.from && age <= SCHOOL_AGE.to && [null, 'dropped_out', 'not_in_school'].includes(m.school_status);
    })
    .map((r) => `${r.archive_no}/${r.id_number}`);

  const lines = new Map(all(l, 'SELECT * FROM poverty_lines').map((r) => [r.year, r.per_capita_fen as number]));
  const incomeRows = all(l, `SELECT i.household_id, i.year, i.item, i.amount_fen FROM incomes i`);
  const byHouseholdYear = new Map<string, { item: IncomeItem; amountFen: number }[]>();
  for (const r of incomeRows) {
    const k = `${r.household_id}/${r.year}`;
    if (!byHouseholdYear.has(k)) byHouseholdYear.set(k, []);
    byHouseholdYear.get(k)!.push({ item: r.item, amountFen: r.amount_fen });
  }
  const exited = new Map(all(l, `SELECT id, archive_no, size FROM households WHERE status IN ('exited', 'exited_no_policy')`).map((h) => [h.id, h]));
  const belowLine = new Set<string>();
  for (const [k, items] of byHouseholdYear) {
    const [hid, year] = k.split('/').map(Number) as [number, number];
    const h = exited.get(hid);
    if (h && !aboveLine(netIncome(items).net, h.size, lines.get(year)!)) belowLine.add(h.archive_no);
  }

  return {
    school_dropout: schoolAge,
    no_basic_medical: memberKeys(`SELECT h.archive_no, m.id_number FROM members m JOIN households h ON h.id = m.household_id WHERE ${active} AND ${living} AND m.ins_basic_medical = 0`),
    unsafe_housing: householdKeys(`SELECT archive_no FROM households h WHERE ${active} AND housing_safety <> 'safe' AND housing_renovated_year IS NULL`),
    no_safe_water: householdKeys(`SELECT archive_no FROM households h WHERE ${active} AND safe_water = 0`),
    grace_period_ending: householdKeys(`SELECT archive_no FROM households h WHERE status = 'exited' AND policy_ends_on <= ?`, addDays(today, 90)),
    monitoring_overdue: householdKeys(`SELECT archive_no FROM households h WHERE monitoring_type IS NOT NULL AND review_due < ?`, today),
    no_cadre: householdKeys(`SELECT archive_no FROM households h WHERE ${active} AND NOT EXISTS (SELECT 1 FROM household_cadres c WHERE c.household_id = h.id AND c.to_date IS NULL)`),
    deceased_head: memberKeys(`SELECT h.archive_no, m.id_number FROM members m JOIN households h ON h.id = m.household_id WHERE ${active} AND m.relation = 'head' AND m.deceased = 1`),
    deceased_dibao: memberKeys(`SELECT h.archive_no, m.id_number FROM members m JOIN households h ON h.id = m.household_id WHERE m.deceased = 1 AND m.dibao = 1`),
    exited_below_line: [...belowLine],
  };
}

function checkPlanted(l: Ledger, today: string) {
  const planted = readPlanted(l);
  expect(planted.map((p) => p.key)).toEqual(PLANTED_KEYS);
  expect(new Set(planted.map((p) => p.archiveNo)).size).toBe(planted.length);
  const found = findConditions(l, today);
  for (const p of planted) {
    const expected = p.memberIdNumber ? `${p.archiveNo}/${p.memberIdNumber}` : p.archiveNo;
    expect(found[p.key], p.key).toEqual([expected]);
  }
}

describe('demo county generator', () => {
  it('generates the tiny county with consistent households and members', () => {
    const l = freshLedger();
    const progress: number[] = [];
    const summary = generateCounty(l, { scale: 'tiny', seed: 7, onProgress: (done) => progress.push(done) });
    expect(summary).toMatchObject({ townships: 2, villages: 6, households: 60 });
    expect(summary.members).toBe(one(l, 'SELECT count(*) FROM members'));
    expect(progress.at(-1)).toBe(60);
    checkStructure(l);
    checkPlanted(l, localIso());

    // Demo users, ids 1–5, all with the demo password; one audit row for the generation.
    const users = all(l, 'SELECT * FROM users ORDER BY id');
    expect(users.map((u) => [u.id, u.username, u.role])).toEqual(DEMO_USERS.map((u) => [u.id, u.username, u.role]));
    expect(users.every((u) => verifyPassword(DEMO_PASSWORD, u.password_hash))).toBe(true);
    const audit = all(l, 'SELECT * FROM audit_log');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: 0, entity: 'ledger', entity_id: 'demo', action: 'generate_demo' });
    expect(JSON.parse(audit[0]!.after)).toEqual(summary);
    expect(verifyAuditChain(l)).toMatchObject({ ok: true, rows: 1 });

    // Rare characters are there to exercise fonts and pinyin.
    const names = all(l, 'SELECT name FROM members').map((r) => r.name as string).join('');
    for (const c of RARE_GIVEN.slice(0, 4)) expect(names).toContain(c);
  });

  it('gives byte-identical contents for the same seed, and different ones for another seed', () => {
    const opts: GenerateOptions = { scale: 'tiny', seed: 42, today: '2026-03-15' };
    const a = freshLedger();
    const b = freshLedger();
    const c = freshLedger();
    generateCounty(a, opts);
    generateCounty(b, opts);
    generateCounty(c, { ...opts, seed: 43 });
    const dumpA = dump(a);
    expect(dumpA.length).toBeGreaterThan(10_000);
    expect(dump(b)).toBe(dumpA);
    expect(dump(c)).not.toBe(dumpA);
  });

  it('refuses a ledger that already holds a county', () => {
    const l = freshLedger();
    generateCounty(l, { scale: 'tiny', users: false });
    expect(() => generateCounty(l, { scale: 'tiny', users: false })).toThrow(/empty ledger/);
    expect(one(l, 'SELECT count(*) FROM users')).toBe(0);
    expect(one(l, 'SELECT count(*) FROM audit_log')).toBe(0);
  });

  describe('demo scale', () => {
    let l: Ledger;
    let ms = 0;
    beforeAll(() => {
      l = freshLedger();
      const t0 = performance.now();
      generateCounty(l, { scale: 'demo' });
      ms = performance.now() - t0;
    });

    it('loads in under 10 s', () => {
      expect(one(l, 'SELECT count(*) FROM households')).toBe(2000);
      const members = one(l, 'SELECT count(*) FROM members') as number;
      expect(members).toBeGreaterThan(6_300);
      expect(members).toBeLessThan(7_700);
      expect(ms).toBeLessThan(10_000);
    });

    it('is consistent and its planted records are the only ones with their conditions', () => {
      checkStructure(l);
      checkPlanted(l, localIso());
    });

    it('has a plausible mix', () => {
      const share = (sql: string) => (one(l, sql) as number) / 2000;
      expect(share(`SELECT count(*) FROM households WHERE attribute = '1'`)).toBeGreaterThan(0.6);
      expect(share(`SELECT count(*) FROM households WHERE status IN ('exited', 'exited_no_policy')`)).toBeGreaterThan(0.6);
      expect(share(`SELECT count(*) FROM households WHERE monitoring_type IS NOT NULL`)).toBeGreaterThan(0.02);
      expect(share('SELECT count(*) FROM households WHERE relocated = 1')).toBeGreaterThan(0.04);
      const deceased = (one(l, 'SELECT avg(deceased) FROM members') as number);
      expect(deceased).toBeGreaterThan(0.003);
      expect(deceased).toBeLessThan(0.03);
      const cadres = one(l, 'SELECT count(*) FROM cadres') as number;
      expect(cadres).toBeGreaterThan(200);
      expect(cadres).toBeLessThan(300);
      // Poverty incidence (poor people / rural registered population) varies around 2–3 %.
      const incidence = all(l, `SELECT v.rural_population pop,
          (SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id
            WHERE h.village_id = v.id AND h.status IN ('new_identified', 'poor', 'returned') AND m.deceased = 0 AND m.removed = 0) poor
        FROM villages v`).map((r) => r.poor / r.pop);
      expect(incidence.some((x) => x > 0.03)).toBe(true);
      expect(incidence.some((x) => x < 0.02)).toBe(true);
      expect(incidence.filter((x) => x >= 0.01 && x <= 0.05).length).toBeGreaterThan(incidence.length / 2);
    });
  });
});

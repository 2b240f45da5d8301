import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { api } from '../../electron/api/table';
import type { MethodDef } from '../../electron/api/define';
import { dispatch } from '../../electron/api/dispatch';
import { LedgerHost } from '../../electron/api/host';
import { SessionStore } from '../../electron/api/sessions';
import type { ApiResult } from '../../electron/api/result';
import { createHousehold } from '../../db/registry/households';
import { actorFor, tempDir } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';

/**
 * Junk in, structure out: every method of the API table, called by an administrator with
 * generated junk (random JSON and structured-clone values, objects with the right keys and wrong
 * types, huge strings, negative and non-finite numbers), must answer with a structured result —
 * never INTERNAL, never a thrown exception, nothing in the log — and a refused call must not have
 * written anything (audit_log count, every table's row count and a hash of every row).
 *
 * Skipped: setup.* (they create ledgers, and setup.createDemo starts a background job that
 * generates a county) and every method documented as starting a background job ("Start a
 * background job …", "… in a background job"): imports, batch printing, quality checks, packages.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const STARTS_A_JOB = /\b(start|starts|in) a background job\b/i;
const SKIP = (name: string, def: MethodDef) => name.startsWith('setup.') || STARTS_A_JOB.test(def.doc);
/** Refusals that write by design: a wrong password counts toward the lockout and is audited. */
const WRITES_WHEN_REFUSED = new Set(['auth.signIn']);

const methods = Object.entries(api as unknown as Record<string, MethodDef>);
export const skippedInFuzz = methods.filter(([name, def]) => SKIP(name, def)).map(([name]) => name);

let host: LedgerHost;
let adminId = 0;
const logged: string[] = [];

beforeAll(() => {
  host = new LedgerHost({ dataDir: tempDir('cl-fuzz-'), autoBackup: false, log: (message, err) => logged.push(`${message}: ${String((err as Error)?.stack ?? err)}`) });
  const ledger = host.createEmpty();
  adminId = actorFor(ledger, 'admin', 'admin').userId;
  const clerk = actorFor(ledger, 'registrar', 'clerk');
  actorFor(ledger, 'auditor', 'auditor');
  const { villageId } = seedVillage(ledger);
  for (let i = 0; i < 4; i++) createHousehold(ledger, clerk, household(villageId, `F-${i}`));
});

afterAll(() => host.close());

/** Row counts of every table, and a hash of every row of every table. */
function fingerprint(): { audit: number; counts: string; content: string } {
  const sqlite = host.ledger!.sqlite;
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const counts = createHash('sha256');
  const content = createHash('sha256');
  for (const t of tables) {
    counts.update(`${t}:${sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number};`);
    for (const row of sqlite.prepare(`SELECT * FROM "${t}"`).raw().iterate()) content.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return {
    audit: sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
    counts: counts.digest('hex'),
    content: content.digest('hex'),
  };
}

// ─── junk ─────────────────────────────────────────────────────────────────────────────────────

const HUGE = 'x'.repeat(1_000_000);
const HUGE_DIGITS = '9'.repeat(100_000);

/** One junk value: JSON values plus what Electron's structured clone can also carry. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.integer({ min: -5, max: 8 }),
  fc.integer(),
  fc.constantFrom(
    -1, 0, -0, 1.5, -1e9, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER, 1e308, NaN, Infinity, -Infinity,
    '', ' ', '-1', '1e999', 'null', '0x1F', HUGE, HUGE_DIGITS, '../../etc/passwd', '%', '_', "' OR 1=1 --", '\u0000', '\u{10FFFF}',
    '532999197003121234', '2025-02-30', '9999-99-99', 'admin', '__proto__', 'constructor', true, false, null, undefined,
    [], {}, [[[[]]]], { __proto__: { admin: true } }, JSON.parse('{"__proto__": {"polluted": 1}}'),
  ),
  fc.bigInt(),
  fc.date(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
);

/** Every property name the schema mentions, at any depth (members.*.idNumber → idNumber). */
function keysOf(schema: z.ZodType): { top: string[]; nested: Record<string, string[]> } {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const nested: Record<string, string[]> = {};
  const walk = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[] };
    if (n.properties) {
      nested[at] = Object.keys(n.properties);
      for (const [k, v] of Object.entries(n.properties)) walk(v, k);
    }
    if (n.items) walk(n.items, `${at}[]`);
    for (const alt of n.anyOf ?? []) walk(alt, at);
  };
  walk(json, '');
  return { top: nested[''] ?? [], nested };
}

/** Objects with the method's own keys (and nested keys) holding junk of the wrong type. */
function rightKeysWrongTypes(schema: z.ZodType): fc.Arbitrary<unknown> {
  const { top, nested } = keysOf(schema);
  if (!top.length) return fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 4 });
  const inner = (key: string): fc.Arbitrary<unknown> => {
    const sub = nested[key] ?? nested[`${key}[]`];
    if (!sub?.length) return junk;
    const obj = fc.record(Object.fromEntries(sub.map((k) => [k, junk])), { requiredKeys: [] });
    return fc.oneof(junk, obj, fc.array(obj, { maxLength: 3 }));
  };
  return fc.record(Object.fromEntries(top.map((k) => [k, inner(k)])), { requiredKeys: [] });
}

/** Small ids that exist next to ones that do not, so some calls get past validation. */
const plausible = fc.record({
  householdId: fc.integer({ min: -2, max: 6 }),
  memberId: fc.integer({ min: -2, max: 10 }),
  userId: fc.integer({ min: -2, max: 5 }),
  villageId: fc.integer({ min: -2, max: 3 }),
  offset: fc.integer({ min: -5, max: 10 }),
  limit: fc.integer({ min: -5, max: 1000 }),
  q: fc.oneof(fc.string({ maxLength: 45 }), fc.constantFrom('%', '_', 'lin', '5329', "'")),
  name: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('ledger.sqlite', 'ledger.manual.2025-01-01T00-00-00-000Z.sqlite', '../ledger.sqlite')),
  confirm: fc.oneof(fc.boolean(), junk),
  jobId: fc.oneof(fc.uuid(), fc.string()),
  reason: fc.oneof(fc.string({ maxLength: 250 }), junk),
  fields: fc.oneof(fc.constant({}), fc.object({ maxDepth: 1 }), junk),
}, { requiredKeys: [] });

function inputsFor(def: MethodDef): fc.Arbitrary<unknown> {
  return fc.oneof(junk, rightKeysWrongTypes(def.input), plausible, fc.constant(undefined), fc.constant(null));
}

// ─── the property ─────────────────────────────────────────────────────────────────────────────

async function callAsAdmin(method: string, input: unknown): Promise<ApiResult<unknown>> {
  const session = host.sessions.get(SessionStore.newId());
  session.userId = adminId;
  return dispatch(host, session, method, input);
}

const describeValue = (v: unknown) => {
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'string' && x.length > 80 ? `${x.slice(0, 20)}…(${x.length})` : x));
    return s === undefined ? String(v) : s.slice(0, 400);
  } catch {
    return String(v);
  }
};

describe('fuzz: junk input to every method, as an administrator', () => {
  it('skips only the methods that create ledgers or start long background jobs', () => {
    expect(skippedInFuzz).toEqual(expect.arrayContaining(['setup.status', 'setup.createDemo', 'setup.createEmpty', 'setup.createAdmin']));
    // Following and cancelling jobs is fuzzed; only starting them is not.
    expect(skippedInFuzz).not.toContain('jobs.get');
    expect(skippedInFuzz).not.toContain('jobs.cancel');
    expect(skippedInFuzz.length).toBeLessThan(methods.length / 4);
  });

  for (const [name, def] of methods) {
    if (SKIP(name, def)) continue;
    it(`${name}: a structured answer, never INTERNAL, and no write when refused`, async () => {
      await fc.assert(
        fc.asyncProperty(inputsFor(def), async (input) => {
          const before = fingerprint();
          const logBefore = logged.length;
          let result: ApiResult<unknown>;
          try {
            result = await callAsAdmin(name, input);
          } catch (err) {
            throw new Error(`${name} threw for ${describeValue(input)}: ${String(err)}`);
          }
          expect(typeof result.ok, `${name} answered without ok for ${describeValue(input)}`).toBe('boolean');
          if (!result.ok) {
            expect(result.error.code, `${name} → INTERNAL for ${describeValue(input)}: ${logged.slice(logBefore).join('\n')}`).not.toBe('INTERNAL');
            expect(typeof result.error.message).toBe('string');
            expect(typeof result.error.zh).toBe('string');
            if (!WRITES_WHEN_REFUSED.has(name)) {
              expect(fingerprint(), `${name} wrote although it refused ${describeValue(input)} (${result.error.code})`).toEqual(before);
            }
          }
          expect(logged.slice(logBefore), `${name} logged an unexpected failure`).toEqual([]);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});

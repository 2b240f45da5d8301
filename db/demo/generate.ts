/**
 * Deterministic generator of a SYNTHETIC county for demos, tests and benchmarks.
 *
 * Nobody in it is real: names are random combinations of common surnames and given-name
 * characters, ID numbers carry the made-up division code {@link DEMO_COUNTY_CODE} (province code
 * 55 is not assigned) and valid check digits, phones and bank accounts are random digits.
 *
 * Same seed (and same `today`) → identical table contents, except the password hash of the demo
 * users (salted) and the one audit row (its time and the load duration in its summary).
 *
 * Everything is written in ONE transaction with raw prepared statements (bulkLoad.ts); the L scale
 * (60,000 households, ≈ 250,000 members, ≈ 1.4 million rows) loads in roughly 10–15 s. What is
 * drawn and written lives by subject: villages.ts, households.ts (with members.ts and history.ts),
 * householdRows.ts, cadres.ts, incomes.ts, planting.ts, users.ts.
 *
 * Kept deliberately clean, so that alerts and data-quality checks can be tested against a known
 * answer: apart from the records listed in planted.ts, every school-age child is in school, every
 * member has basic medical insurance, unsafe housing has been renovated, water is safe, grace
 * periods end more than 90 days ahead, monitored households are reviewed on time, every household
 * that is not cancelled has a responsible cadre, no head has died, nobody deceased keeps dibao, and
 * exited households are above the poverty line in both recorded years. Status columns are always
 * what replaying the household's approved status events (rules/status.ts) gives.
 *
 * Demo users (only with `users: true`): admin, registrar, accountant, reviewer, auditor (ids 1–5),
 * all with the password {@link DEMO_PASSWORD}. FOR DEMO LEDGERS ONLY — never ship them in a real one.
 */
import type { Ledger } from '../ledger';
import { appendAudit } from '../audit';
import { SYSTEM_ACTOR } from '../actor';
import { bulkLoad } from './bulkLoad';
import { CadrePool } from './cadres';
import { demoContext } from './context';
import { localToday } from './dates';
import { HouseholdWriter } from './householdRows';
import { householdSizeWeights } from './households';
import { DEMO_COUNTY_CODE } from './identity';
import { incomeWriter, povertyLines, writePovertyLines } from './incomes';
import { PLANTED_SETTING_KEY } from './planted';
import { plantPositions } from './planting';
import { resolveScale, type Scale, type ScaleName } from './scales';
import { DEMO_PASSWORD, hashDemoPassword, writeDemoUsers } from './users';
import { writeCounty } from './villages';

export { DEMO_COUNTY_CODE } from './identity';
export { DEMO_COUNTY_NAME } from './villages';
export { POVERTY_LINE_YEARS } from './incomes';
export { DEMO_DECIDER_ID, DEMO_PASSWORD, DEMO_PROPOSER_ID, DEMO_USERS } from './users';

export const DEFAULT_SEED = 20140101;

export interface GenerateOptions {
  scale: ScaleName | Scale;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** Create the five demo users and the audit row (default true). */
  users?: boolean;
  /** The day the county is generated "as of", YYYY-MM-DD (default: the local date today). */
  today?: string;
}

export interface GenerateSummary {
  townships: number;
  villages: number;
  households: number;
  members: number;
  ms: number;
}

export function generateCounty(ledger: Ledger, opts: GenerateOptions): GenerateSummary {
  const started = performance.now();
  const scale = resolveScale(opts.scale);
  const withUsers = opts.users ?? true;
  const ctx = demoContext(opts.seed ?? DEFAULT_SEED, opts.today ?? localToday());
  const sqlite = ledger.sqlite;

  const existing = sqlite
    .prepare('SELECT (SELECT count(*) FROM county) + (SELECT count(*) FROM townships) + (SELECT count(*) FROM households)')
    .pluck()
    .get() as number;
  if (existing > 0) throw new Error('generateCounty needs an empty ledger (it already holds a county or households)');
  if (withUsers && (sqlite.prepare('SELECT count(*) FROM users').pluck().get() as number) > 0) {
    throw new Error('generateCounty with users: true needs a ledger without users');
  }
  // Hash before the transaction: scrypt is deliberately slow.
  const passwordHash = withUsers ? hashDemoPassword() : '';

  const lines = povertyLines(ctx.year);
  const H = scale.households;
  const households = new HouseholdWriter(ctx, sqlite, {
    sizeWeights: householdSizeWeights(scale.meanSize),
    plantAt: plantPositions(H),
    cadres: new CadrePool(ctx, sqlite),
    writeIncomes: incomeWriter(ctx, sqlite, lines),
  });

  let villages = 0;
  const load = () => {
    writePovertyLines(sqlite, lines);
    if (withUsers) writeDemoUsers(sqlite, passwordHash, ctx.todayIso);
    let g = 0; // household index in the county
    villages = writeCounty(ctx, sqlite, scale, (v, count) => {
      let registered = 0;
      for (let k = 0; k < count; k++, g++) {
        registered += households.write(v, k + 1, g);
        if ((g + 1) % 1000 === 0) opts.onProgress?.(g + 1, H);
      }
      return registered;
    });
    if (H % 1000 !== 0) opts.onProgress?.(H, H);
    sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(PLANTED_SETTING_KEY, JSON.stringify(households.planted));
  };

  return bulkLoad(sqlite, load, () => {
    const summary: GenerateSummary = {
      townships: scale.townships,
      villages,
      households: households.households,
      members: households.members,
      ms: Math.round(performance.now() - started),
    };
    if (withUsers) appendAudit(ledger, SYSTEM_ACTOR, { entity: 'ledger', entityId: 'demo', action: 'generate_demo', after: summary });
    return summary;
  });
}

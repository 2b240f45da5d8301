/** What every part of the demo generator shares: the random stream, the day "as of", unique phones. */
import type { Ledger } from '../ledger';
import { dayOf } from './dates';
import { phoneNumbers } from './identity';
import { Random } from './random';

export type Sqlite = Ledger['sqlite'];

export interface DemoContext {
  rng: Random;
  /** The day the county is generated "as of": day number, YYYY-MM-DD and year. */
  today: number;
  todayIso: string;
  year: number;
  /** A new mobile number, never handed out before. */
  phone: () => string;
  /** A day in [lo, hi] (lo when the range is empty). */
  randDay: (lo: number, hi: number) => number;
}

export function demoContext(seed: number, todayIso: string): DemoContext {
  const rng = new Random(seed);
  return {
    rng,
    today: dayOf(todayIso),
    todayIso,
    year: Number(todayIso.slice(0, 4)),
    phone: phoneNumbers(rng),
    randDay: (lo, hi) => (hi <= lo ? lo : rng.int(lo, hi)),
  };
}

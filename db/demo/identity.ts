/**
 * Phone numbers and ID numbers of the demo county: random-looking, never the same twice.
 * ID numbers carry the made-up division code {@link DEMO_COUNTY_CODE} and valid check digits.
 */
import { makeIdNumber } from '../rules/idNumber';
import { CACHED_DAYS, FIRST_CACHED_DAY, isoOf } from './dates';
import { pad } from './digits';
import type { Random } from './random';

/** Province code 55 is not assigned, so no real person has an ID number of this county. */
export const DEMO_COUNTY_CODE = '552999';

const PHONE_PREFIXES = ['13', '15', '18'] as const;

/**
 * Mobile numbers: the last nine digits run through a bijection of 0…999,999,999 (multiplying by a
 * number coprime to 10⁹), so they look random and never repeat. Draws its offset from `rng` now.
 */
export function phoneNumbers(rng: Random): () => string {
  const offset = rng.nextUint32() % 1e9;
  let count = 0;
  return () => {
    count++;
    return rng.pick(PHONE_PREFIXES) + pad((count * 387_420_489 + offset) % 1e9, 9);
  };
}

export type IdNumberFor = (birthDay: number, sex: 'M' | 'F') => { id: string; birth: string };

/**
 * ID numbers: per birth date and sex, sequence numbers are handed out in turn (odd for men, even
 * for women, 499 of each), starting at a date-dependent offset; never twice the same. When a date
 * runs out, the person is born a day earlier (`birth` is the date the number carries).
 */
export function idNumbers(): IdNumberFor {
  const issued = new Uint16Array(CACHED_DAYS * 2);
  return (birthDay, sex) => {
    for (let day = birthDay; ; day--) {
      const slot = (day - FIRST_CACHED_DAY) * 2 + (sex === 'M' ? 1 : 0);
      const k = issued[slot]!;
      if (k < 499) {
        issued[slot] = k + 1;
        const j = (k + (((day * 37) % 499) + 499)) % 499;
        const birth = isoOf(day);
        return { id: makeIdNumber(DEMO_COUNTY_CODE, birth, sex === 'M' ? 2 * j + 1 : 2 * j + 2, sex), birth };
      }
    }
  };
}

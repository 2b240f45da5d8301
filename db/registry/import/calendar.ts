/**
 * Calendar checks without building a Date: an import checks a birth date on every member row, and
 * `new Date(…).toISOString()` per row was a visible share of a large import.
 */

/** Whether y-m-d is a real day of the (proleptic) Gregorian calendar, as a Date round trip would say for years 0–9999. */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 0 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Whether `s` is YYYY-MM-DD and a real day (isoDate in db/shared/zod.ts). */
export function isIsoDay(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = digit(s, i);
    if (c < 0 || c > 9) return false;
  }
  return isRealDay(
    digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3),
    digit(s, 5) * 10 + digit(s, 6),
    digit(s, 8) * 10 + digit(s, 9),
  );
}

/**
 * Calendar arithmetic of the demo generator on day numbers (days since 1970-01-01, UTC: no time
 * zones, no DST). Generating a county touches millions of dates, so they are plain integers and
 * each is formatted once.
 */
const DAY_MS = 86_400_000;

export function ymd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The day number of a YYYY-MM-DD date. */
export function dayOf(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return ymd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Dates from 1890 to 2150 are formatted once each. */
export const FIRST_CACHED_DAY = ymd(1890, 1, 1);
export const CACHED_DAYS = ymd(2150, 1, 1) - FIRST_CACHED_DAY;
const isoCache: (string | undefined)[] = new Array(CACHED_DAYS);

/** YYYY-MM-DD of a day number. */
export function isoOf(day: number): string {
  const i = day - FIRST_CACHED_DAY;
  let iso = isoCache[i];
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (i >= 0 && i < isoCache.length) isoCache[i] = iso;
  }
  return iso;
}

/** A timestamp on a day: `time` is HH:MM:SS.mmm (UTC). */
export function timestampOf(day: number, time: string): string {
  return `${isoOf(day)}T${time}Z`;
}

/** rules/status.ts `addMonths` on day numbers: same calendar day, clamped to the month's end. */
export function addMonthsDay(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), last)) / DAY_MS;
}

/** The local date today, YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

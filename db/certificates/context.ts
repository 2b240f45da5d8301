/** What every printed document of one print run shares: the county, the time, who prints, the language. */
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import type { Lang } from '../codes';

export interface CountyInfo {
  name: string;
  designatedHospital: string;
  pairedHospital: string;
  officePhone: string;
}

export interface PrintContext {
  lang: Lang;
  /** Cards are small: some labels are shortened on them. */
  layout: 'a4' | 'cards';
  year: number;
  county: CountyInfo;
  /** Local wall-clock time of the office with its offset, e.g. 2026-05-06T08:30:00+08:00. */
  printedAt: string;
  /** The date part of printedAt. */
  today: string;
  /** Display name of the user who prints. */
  printedBy: string;
  /** The office that issues certificates and takes objections to notices: the county's 乡村振兴局. */
  office: string;
}

/** ISO 8601 local date-time with the UTC offset (what the office's clock shows). */
export function localIsoNow(now = new Date()): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export function readCounty(ledger: Ledger): CountyInfo {
  const row = ledger.sqlite
    .prepare(`SELECT name, designated_hospital AS designatedHospital, paired_hospital AS pairedHospital, office_phone AS officePhone FROM county LIMIT 1`)
    .get() as CountyInfo | undefined;
  return row ?? { name: '', designatedHospital: '', pairedHospital: '', officePhone: '' };
}

export function printContext(
  ledger: Ledger,
  actor: Actor,
  opts: { lang: Lang; layout: 'a4' | 'cards'; year: number },
  now = new Date(),
): PrintContext {
  const displayName = ledger.sqlite.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(actor.userId) as string | undefined;
  const printedAt = localIsoNow(now);
  const county = readCounty(ledger);
  const office = opts.lang === 'zh' ? `${county.name}乡村振兴局` : `${county.name} Rural Revitalisation Bureau`;
  return { ...opts, county, printedAt, today: printedAt.slice(0, 10), printedBy: displayName ?? actor.userName, office };
}

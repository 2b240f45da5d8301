/**
 * Poverty incidence by township (the whole county) or by village (one township), against the exit
 * threshold: below 2 %, or 3 % when the county is western (registry/incidence.ts `measure`).
 *
 * Poor people are counted as the household list counts them: the households the list selects with
 * the poor statuses (rules/status.ts POOR_STATUSES) and the unit's area, and the sum of their sizes
 * (living members who have not moved out) — the same people registry/incidence.ts counts from the
 * member rows. Each unit's `drill` opens exactly those households.
 */
import type { Ledger } from '../ledger';
import { POOR_STATUSES } from '../rules/status';
import { measure, type IncidenceRow } from '../registry/incidence';
import { getCounty } from '../registry/villages';
import type { HouseholdStatus } from '../codes';
import { areaDrill, groupHouseholds, type Drill } from './households';
import type { AreaFilter } from './schemas';

export interface IncidenceUnit extends IncidenceRow {
  level: 'township' | 'village';
  poorHouseholds: number;
  drill: Drill;
}

const POOR = [...POOR_STATUSES] as HouseholdStatus[];

export function incidenceByArea(ledger: Ledger, area: AreaFilter) {
  const county = getCounty(ledger);
  const thresholdPct: 2 | 3 = county?.western ? 3 : 2;
  const townshipId = area.townshipId ?? (area.villageId !== undefined
    ? (ledger.sqlite.prepare('SELECT township_id FROM villages WHERE id = ?').pluck().get(area.villageId) as number | undefined)
    : undefined);
  const level = townshipId === undefined ? 'township' : 'village';

  const units = (level === 'township'
    ? ledger.sqlite.prepare(`SELECT t.id, t.code, t.name, coalesce(sum(v.rural_population), 0) AS ruralPopulation
                               FROM townships t LEFT JOIN villages v ON v.township_id = t.id GROUP BY t.id ORDER BY t.code`).all()
    : ledger.sqlite.prepare(`SELECT v.id, v.code, v.name, v.rural_population AS ruralPopulation
                               FROM villages v WHERE v.township_id = ? ORDER BY v.code`).all(townshipId)
  ) as { id: number; code: string; name: string; ruralPopulation: number }[];

  const poorDrill: Drill = { ...(townshipId === undefined ? {} : { townshipId }), statuses: POOR };
  const poor = new Map(groupHouseholds(ledger, poorDrill, { unit: level === 'township' ? 'v.township_id' : 'h.village_id' })
    .map((r) => [Number(r.unit), r]));

  const rows: IncidenceUnit[] = units.map((u) => {
    const p = poor.get(u.id);
    const poorPeople = p?.people ?? 0;
    return {
      ...u,
      level,
      poorPeople,
      poorHouseholds: p?.households ?? 0,
      ...measure(poorPeople, u.ruralPopulation, thresholdPct),
      drill: level === 'township' ? { townshipId: u.id, statuses: POOR } : { townshipId, villageId: u.id, statuses: POOR },
    };
  });
  const poorPeople = rows.reduce((n, r) => n + r.poorPeople, 0);
  const ruralPopulation = rows.reduce((n, r) => n + r.ruralPopulation, 0);
  return {
    thresholdPct,
    level,
    /** The county, or the chosen township, as a whole. */
    total: {
      poorPeople,
      ruralPopulation,
      poorHouseholds: rows.reduce((n, r) => n + r.poorHouseholds, 0),
      ...measure(poorPeople, ruralPopulation, thresholdPct),
      drill: { ...areaDrill({ townshipId }), statuses: POOR } as Drill,
    },
    units: rows,
  };
}

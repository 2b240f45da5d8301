/**
 * Poverty incidence (贫困发生率) = poor people ÷ rural registered population, per village,
 * township and county, against the exit threshold: below 2%, or 3% in the western provinces.
 * Poor people are the living members (not removed, not deceased) of households whose status is
 * new_identified, poor or returned. Integer arithmetic only: the comparison is exact.
 */
import { z } from 'zod';
import type { Ledger } from '../ledger';
import { id } from '../shared/zod';
import { POOR_STATUSES } from '../rules/status';
import { getCounty } from './villages';

export const incidenceQuery = z.object({ townshipId: id.optional() });

export interface IncidenceRow {
  id: number;
  code: string;
  name: string;
  poorPeople: number;
  ruralPopulation: number;
  /** In basis points (1/10,000), rounded half up; null without a rural population. */
  incidenceBp: number | null;
  /** Strictly below the threshold; null without a rural population. */
  belowThreshold: boolean | null;
}

export interface VillageIncidence extends IncidenceRow {
  townshipId: number;
  township: string;
  poorVillage: boolean;
  exitYear: number | null;
}

export interface IncidenceReport {
  thresholdPct: 2 | 3;
  county: IncidenceRow;
  townships: IncidenceRow[];
  villages: VillageIncidence[];
}

export function measure(poor: number, rural: number, thresholdPct: number): Pick<IncidenceRow, 'incidenceBp' | 'belowThreshold'> {
  if (rural <= 0) return { incidenceBp: null, belowThreshold: null };
  return {
    incidenceBp: Math.floor((poor * 20_000 + rural) / (2 * rural)),
    belowThreshold: poor * 100 < thresholdPct * rural,
  };
}

const POOR_LIST = POOR_STATUSES.map((s) => `'${s}'`).join(', ');

export function incidence(ledger: Ledger, raw: z.input<typeof incidenceQuery>): IncidenceReport {
  const q = incidenceQuery.parse(raw);
  const county = getCounty(ledger);
  const thresholdPct = county?.western ? 3 : 2;
  const rows = ledger.sqlite
    .prepare(
      `WITH poor AS (
         SELECT h.village_id, count(*) AS n FROM members m JOIN households h ON h.id = m.household_id
          WHERE h.status IN (${POOR_LIST}) AND m.removed = 0 AND m.deceased = 0 GROUP BY h.village_id)
       SELECT v.id, v.code, v.name, v.township_id AS townshipId, t.name AS township, t.code AS townshipCode,
              v.poor_village AS poorVillage, v.exit_year AS exitYear, v.rural_population AS ruralPopulation,
              coalesce(poor.n, 0) AS poorPeople
         FROM villages v JOIN townships t ON t.id = v.township_id LEFT JOIN poor ON poor.village_id = v.id
        ORDER BY v.code`,
    )
    .all() as (Omit<VillageIncidence, 'poorVillage' | 'incidenceBp' | 'belowThreshold'> & { poorVillage: number; townshipCode: string })[];

  const villages: VillageIncidence[] = [];
  const towns = new Map<number, IncidenceRow>();
  let poorAll = 0;
  let ruralAll = 0;
  for (const r of rows) {
    poorAll += r.poorPeople;
    ruralAll += r.ruralPopulation;
    const t = towns.get(r.townshipId) ?? { id: r.townshipId, code: r.townshipCode, name: r.township, poorPeople: 0, ruralPopulation: 0, incidenceBp: null, belowThreshold: null };
    t.poorPeople += r.poorPeople;
    t.ruralPopulation += r.ruralPopulation;
    towns.set(r.townshipId, t);
    if (q.townshipId && r.townshipId !== q.townshipId) continue;
    const { townshipCode: _code, ...v } = r;
    villages.push({ ...v, poorVillage: r.poorVillage === 1, ...measure(r.poorPeople, r.ruralPopulation, thresholdPct) });
  }
  const townships = [...towns.values()].map((t) => ({ ...t, ...measure(t.poorPeople, t.ruralPopulation, thresholdPct) }));
  return {
    thresholdPct,
    county: {
      id: county?.id ?? 0, code: county?.code ?? '', name: county?.name ?? '',
      poorPeople: poorAll, ruralPopulation: ruralAll, ...measure(poorAll, ruralAll, thresholdPct),
    },
    townships,
    villages,
  };
}

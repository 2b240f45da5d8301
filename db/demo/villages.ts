/**
 * The demo county itself, its townships and villages, with division codes under
 * {@link DEMO_COUNTY_CODE}. Each village's households are written as soon as the village is.
 */
import { apportion } from '../rules/apportion';
import type { DemoContext, Sqlite } from './context';
import { digitsOf, pad } from './digits';
import { DEMO_COUNTY_CODE } from './identity';
import { CADRE_UNITS, personName, placeStems } from './names';
import type { Scale } from './scales';

export const DEMO_COUNTY_NAME = '示范县';

const MINORITIES = ['07', '06', '14', '16', '20', '03'] as const;

/** What a village's households take from it. */
export interface VillageCtx {
  id: number;
  code: string;
  name: string;
  townshipName: string;
  archivePrefix: string;
  /** Digits of the household sequence number after {@link archivePrefix}. */
  archiveWidth: number;
  /** Probability that a household of this village is currently poor or returned to poverty. */
  poorShare: number;
  /** rural registered population = registered (living) members × factor / 1000. */
  factorPermille: number;
  han: number;
  minority: string;
  doctor: string;
  doctorPhone: string;
  groups: number;
}

/**
 * Writes the county, its townships and villages; `writeHouseholds` writes the given number of
 * households of a village and returns how many living registered members they have, from which
 * the village's rural population is set. Returns the number of villages.
 */
export function writeCounty(
  ctx: DemoContext,
  sqlite: Sqlite,
  scale: Required<Scale>,
  writeHouseholds: (v: VillageCtx, households: number) => number,
): number {
  const { rng, phone } = ctx;
  const insertCounty = sqlite.prepare(
    `INSERT INTO county (id, code, name, province, western, designated_hospital, paired_hospital, office_phone)
     VALUES (1, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const insertTownship = sqlite.prepare('INSERT INTO townships (id, code, name) VALUES (?, ?, ?)');
  const insertVillage = sqlite.prepare(
    `INSERT INTO villages (id, code, township_id, name, poor_village, exit_year, rural_population, first_secretary,
       first_secretary_phone, work_team, work_team_unit)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const setPopulation = sqlite.prepare('UPDATE villages SET rural_population = ? WHERE id = ?');

  insertCounty.run(DEMO_COUNTY_CODE, DEMO_COUNTY_NAME, '示范省', '示范县人民医院', '省第一人民医院', `0999-${rng.digits(7)}`);

  const stems = placeStems(rng, scale.townships + scale.villages);
  const villagesPer = apportion(scale.villages, Array.from({ length: scale.townships }, (_, i) => ({ key: i, weight: 1 })));
  const maxVillagesPerTownship = Math.max(...villagesPer.values());
  if (scale.townships > 999 || maxVillagesPerTownship > 999) throw new RangeError('Demo scale too large for 9/12-digit codes');
  const householdsPer = apportion(scale.households, Array.from({ length: scale.villages }, (_, i) => ({ key: i, weight: rng.int(60, 140) })));
  const maxHouseholdsPerVillage = Math.max(...householdsPer.values());
  const tw = Math.max(2, digitsOf(scale.townships));
  const vw = Math.max(2, digitsOf(maxVillagesPerTownship));
  const hw = Math.max(3, digitsOf(maxHouseholdsPerVillage));

  let stem = 0;
  let villageId = 0;
  for (let t = 0; t < scale.townships; t++) {
    const zhen = t % 5 !== 2 && t % 5 !== 4;
    const tName = stems[stem++]! + (zhen ? '镇' : '乡');
    const tCode = DEMO_COUNTY_CODE + pad(scale.townships <= 99 ? (zhen ? 100 : 200) + t + 1 : t + 1, 3);
    insertTownship.run(t + 1, tCode, tName);
    const nv = villagesPer.get(t)!;
    for (let j = 0; j < nv; j++) {
      villageId++;
      const vName = stems[stem++]! + '村';
      const vCode = tCode + pad(nv <= 199 ? 200 + j + 1 : j + 1, 3);
      const poorVillage = rng.chance(0.3);
      const teamUnit = rng.pick(CADRE_UNITS);
      const secretary = personName(rng, rng.chance(0.75) ? 'M' : 'F');
      const workTeam = `队长${secretary}（第一书记），队员${personName(rng, 'M')}、${personName(rng, 'F')}`;
      insertVillage.run(villageId, vCode, t + 1, vName, poorVillage ? 1 : 0, poorVillage ? rng.int(2016, 2020) : null,
        secretary, phone(), workTeam, teamUnit);

      // Poverty incidence (poor + returned members / rural population) aimed around 2–3 %.
      const incidence = rng.weighted([[rng.int(10, 19), 25], [rng.int(20, 30), 45], [rng.int(31, 45), 30]]); // per mille
      const factorPermille = rng.int(6000, 10000);
      const minorityVillage = rng.chance(0.4);
      const v: VillageCtx = {
        id: villageId,
        code: vCode,
        name: vName,
        townshipName: tName,
        archivePrefix: DEMO_COUNTY_CODE + pad(t + 1, tw) + pad(j + 1, vw),
        archiveWidth: hw,
        poorShare: (incidence * factorPermille) / 1_000_000,
        factorPermille,
        han: minorityVillage ? 0.3 : 0.95,
        minority: rng.pick(MINORITIES),
        doctor: personName(rng, rng.chance(0.6) ? 'M' : 'F'),
        doctorPhone: phone(),
        groups: rng.int(4, 12),
      };

      const registered = writeHouseholds(v, householdsPer.get(villageId - 1)!);
      setPopulation.run(Math.floor((registered * v.factorPermille) / 1000), villageId);
    }
  }
  return villageId;
}

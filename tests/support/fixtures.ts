import { makeIdNumber } from '../../db/rules/idNumber';
import type { Ledger } from '../../db/ledger';
import type { CreateHouseholdInput } from '../../db/registry/schemas';

/** One township and one village, enough to register households into. */
export function seedVillage(ledger: Ledger): { townshipId: number; villageId: number } {
  const t = ledger.sqlite.prepare(`INSERT INTO townships (code, name) VALUES ('532999101', '青山镇') RETURNING id`).get() as { id: number };
  const v = ledger.sqlite
    .prepare(`INSERT INTO villages (code, township_id, name, rural_population) VALUES ('532999101201', ?, '石桥村', 1200) RETURNING id`)
    .get(t.id) as { id: number };
  return { townshipId: t.id, villageId: v.id };
}

let seq = 100;
export function household(villageId: number, archiveNo: string, overrides: Partial<CreateHouseholdInput> = {}): CreateHouseholdInput {
  seq += 2;
  return {
    archiveNo,
    villageId,
    attribute: '1',
    mainCause: 'illness',
    identifiedYear: 2016,
    members: [
      { name: '林海', idNumber: makeIdNumber('532999', '1970-03-12', seq, 'M'), relation: 'head' },
      { name: '周玥', idNumber: makeIdNumber('532999', '1972-08-30', seq + 1, 'F'), relation: 'spouse' },
    ],
    ...overrides,
  };
}

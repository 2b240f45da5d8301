import { describe, expect, it } from 'vitest';
import { addMember, changeHead, createHousehold, updateHousehold, updateMember } from '../../db/registry/households';
import { buildHouseholdWhere, getHousehold, HOUSEHOLD_FROM, householdQuery, listHouseholds } from '../../db/registry/queries';
import { createTownship, createVillage, getVillage, saveCounty, updateVillage } from '../../db/registry/villages';
import { incidence } from '../../db/registry/incidence';
import { decideStatusEvents, proposeStatusEvent } from '../../db/registry/status';
import { assignCadre, createCadre, endAssignment, householdCadreList, listCadres } from '../../db/registry/cadres';
import { addMeasure, deleteMeasure, listMeasures, updateMeasure } from '../../db/registry/measures';
import { careCounts, careList } from '../../db/registry/care';
import { LedgerError } from '../../db/errors';
import { makeIdNumber } from '../../db/rules/idNumber';
import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { actorFor, tempLedger } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';

function refusal(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

function setup() {
  const ledger = tempLedger();
  const { townshipId, villageId } = seedVillage(ledger);
  const admin = actorFor(ledger, 'admin', 'boss');
  const clerk = actorFor(ledger, 'registrar', 'clerk');
  const reviewer = actorFor(ledger, 'reviewer', 'chief');
  return { ledger, townshipId, villageId, admin, clerk, reviewer };
}

describe('updates keep the checks of registration', () => {
  it('changes only the household fields named and refuses inconsistent ones', () => {
    const { ledger, villageId, clerk } = setup();
    const { id } = createHousehold(ledger, clerk, household(villageId, 'U-1', { address: '石桥村3组', bankAccount: '6228480012345678' }));
    updateHousehold(ledger, clerk, { householdId: id, fields: { phone: '13900001111' } });
    const h = getHousehold(ledger, id).household;
    expect(h).toMatchObject({ phone: '13900001111', address: '石桥村3组', bankAccount: '6228480012345678' });
    const err = refusal(() => updateHousehold(ledger, clerk, { householdId: id, fields: { secondCause: 'illness' } }));
    expect(err.detail.field).toBe('fields.secondCause');
    expect(err.zh).toContain('致贫原因');
  });

  it('checks a changed member against the ID number, and a new ID brings its own birth date', () => {
    const { ledger, villageId, clerk } = setup();
    const { id } = createHousehold(ledger, clerk, household(villageId, 'U-2'));
    const spouse = getHousehold(ledger, id).members.find((m) => m.relation === 'spouse')!;
    expect(refusal(() => updateMember(ledger, clerk, { memberId: spouse.id, fields: { birthDate: '1990-01-01' } })).detail.field).toBe('fields.birthDate');
    expect(refusal(() => updateMember(ledger, clerk, { memberId: spouse.id, fields: { dibaoClass: 'class_a' } })).detail.field).toBe('fields.dibaoClass');
    const newId = makeIdNumber('532999', '1973-01-09', 222, 'F');
    updateMember(ledger, clerk, { memberId: spouse.id, fields: { idNumber: newId, insBasicMedical: true } });
    expect(getHousehold(ledger, id).members.find((m) => m.id === spouse.id)).toMatchObject({ idNumber: newId, birthDate: '1973-01-09', insBasicMedical: true, name: spouse.name });
  });

  it('changes the head in one step', () => {
    const { ledger, villageId, clerk } = setup();
    const { id } = createHousehold(ledger, clerk, household(villageId, 'U-3'));
    const [head, spouse] = getHousehold(ledger, id).members;
    updateMember(ledger, clerk, { memberId: head!.id, fields: { deceased: true, deceasedOn: '2024-01-02' } });
    expect(refusal(() => updateMember(ledger, clerk, { memberId: spouse!.id, fields: { relation: 'head' } })).detail.field).toBe('fields.relation');
    changeHead(ledger, clerk, { memberId: spouse!.id, formerHeadRelation: 'spouse' });
    const after = getHousehold(ledger, id);
    expect(after.household).toMatchObject({ headName: spouse!.name, size: 1 });
    expect(after.members.find((m) => m.id === head!.id)!.relation).toBe('spouse');
  });
});

describe('villages and poverty incidence', () => {
  it('edits a village and refuses an exit year for a village that is not poor', () => {
    const { ledger, villageId, clerk } = setup();
    const v = getVillage(ledger, villageId);
    const fields = { name: v.name, poorVillage: true, exitYear: 2019, ruralPopulation: 1500, firstSecretary: '陈立', firstSecretaryPhone: '13800001111', workTeam: '陈立、黄敏、李军', workTeamUnit: '县财政局' };
    expect(updateVillage(ledger, clerk, { villageId, fields })).toMatchObject({ ruralPopulation: 1500, firstSecretary: '陈立', workTeamUnit: '县财政局' });
    expect(refusal(() => updateVillage(ledger, clerk, { villageId, fields: { ...fields, poorVillage: false } })).detail.field).toBe('exitYear');
  });

  it('creates townships and villages under the county code', () => {
    const { ledger, admin } = setup();
    saveCounty(ledger, admin, { code: '532999', name: '青山县' });
    expect(refusal(() => createTownship(ledger, admin, { code: '533000101', name: '外乡' })).detail.field).toBe('code');
    const t = createTownship(ledger, admin, { code: '532999102', name: '红岩乡' });
    expect(refusal(() => createVillage(ledger, admin, { code: '532999101999', townshipId: t.id, name: '错村' })).detail.field).toBe('code');
    expect(createVillage(ledger, admin, { code: '532999102201', townshipId: t.id, name: '新村', ruralPopulation: 800 }).id).toBeGreaterThan(0);
  });

  it('counts living members of poor households against the rural population, 2% or 3% in the west', () => {
    const { ledger, villageId, townshipId, admin, clerk, reviewer } = setup();
    saveCounty(ledger, admin, { code: '532999', name: '青山县' });
    const other = createVillage(ledger, admin, { code: '532999101202', townshipId, name: '河口村', ruralPopulation: 100 }).id;
    // 石桥村 (1,200 people): 3 poor households of 2, one member deceased in one of them → 5 poor people.
    const ids = ['I-1', 'I-2', 'I-3'].map((no) => createHousehold(ledger, clerk, household(villageId, no)).id);
    const spouse = getHousehold(ledger, ids[0]!).members.find((m) => m.relation === 'spouse')!;
    updateMember(ledger, clerk, { memberId: spouse.id, fields: { deceased: true } });
    // An exited household in the same village does not count.
    const exited = createHousehold(ledger, clerk, household(villageId, 'I-4')).id;
    const id = proposeStatusEvent(ledger, clerk, { householdId: exited, type: 'cancel', eventDate: '2020-01-01', reason: '重复登记', cancelReason: 'duplicate' }).id;
    decideStatusEvents(ledger, reviewer, { eventIds: [id], decision: 'approve' });
    // 河口村 (100 people): 1 household of 2 → 2%.
    createHousehold(ledger, clerk, household(other, 'I-5'));

    let report = incidence(ledger, {});
    expect(report.thresholdPct).toBe(2);
    const byName = Object.fromEntries(report.villages.map((v) => [v.name, v]));
    expect(byName['石桥村']).toMatchObject({ poorPeople: 5, ruralPopulation: 1200, incidenceBp: 42, belowThreshold: true });
    expect(byName['河口村']).toMatchObject({ poorPeople: 2, ruralPopulation: 100, incidenceBp: 200, belowThreshold: false });
    expect(report.townships).toEqual([expect.objectContaining({ poorPeople: 7, ruralPopulation: 1300, incidenceBp: 54, belowThreshold: true })]);
    expect(report.county).toMatchObject({ name: '青山县', poorPeople: 7, ruralPopulation: 1300 });

    saveCounty(ledger, admin, { code: '532999', name: '青山县', western: true });
    report = incidence(ledger, {});
    expect(report.thresholdPct).toBe(3);
    expect(report.villages.find((v) => v.id === other)!.belowThreshold).toBe(true);
  });
});

describe('help and care', () => {
  function withHousehold(): { ledger: Ledger; clerk: Actor; householdId: number; villageId: number } {
    const s = setup();
    const householdId = createHousehold(s.ledger, s.clerk, household(s.villageId, 'C-1')).id;
    return { ledger: s.ledger, clerk: s.clerk, householdId, villageId: s.villageId };
  }

  it('assigns responsible cadres and ends assignments', () => {
    const { ledger, clerk, householdId } = withHousehold();
    const cadre = createCadre(ledger, clerk, { name: '黄敏', unit: '县财政局', post: '科员', phone: '13800002222' });
    const a = assignCadre(ledger, clerk, { householdId, cadreId: cadre.id, fromDate: '2021-03-01' });
    expect(refusal(() => assignCadre(ledger, clerk, { householdId, cadreId: cadre.id, fromDate: '2021-04-01' })).detail.field).toBe('cadreId');
    expect(listCadres(ledger, { q: '财政' }).rows).toEqual([expect.objectContaining({ name: '黄敏', households: 1 })]);
    expect(listHouseholds(ledger, { cadreId: cadre.id }).total).toBe(1);
    expect(refusal(() => endAssignment(ledger, clerk, { assignmentId: a.id, toDate: '2020-01-01' })).detail.field).toBe('toDate');
    endAssignment(ledger, clerk, { assignmentId: a.id, toDate: '2023-12-31' });
    expect(householdCadreList(ledger, householdId)[0]).toMatchObject({ name: '黄敏', toDate: '2023-12-31' });
    expect(listCadres(ledger, {}).rows[0]!.households).toBe(0);
  });

  it('records support measures per year', () => {
    const { ledger, clerk, householdId } = withHousehold();
    const m = addMeasure(ledger, clerk, { householdId, year: 2024, measure: 'employment', detail: '公益岗位', amountFen: 6_000_00 });
    addMeasure(ledger, clerk, { householdId, year: 2023, measure: 'health' });
    updateMeasure(ledger, clerk, { measureId: m.id, fields: { year: 2024, measure: 'public_welfare_post', detail: '护林员', amountFen: 8_000_00 } });
    expect(listMeasures(ledger, householdId).map((x) => [x.year, x.measure, x.amountFen])).toEqual([[2024, 'public_welfare_post', 8_000_00], [2023, 'health', 0]]);
    deleteMeasure(ledger, clerk, { measureId: m.id });
    expect(listMeasures(ledger, householdId)).toHaveLength(1);
  });

  it('lists left-behind and disabled people who are living and still in the household', () => {
    const { ledger, clerk, householdId } = withHousehold();
    const child = addMember(ledger, clerk, { householdId, member: { name: '林小', idNumber: makeIdNumber('532999', '2015-06-01', 301, 'M'), relation: 'son', leftBehind: 'child', schoolStatus: 'primary' } });
    addMember(ledger, clerk, { householdId, member: { name: '林奶', idNumber: makeIdNumber('532999', '1945-06-01', 302, 'F'), relation: 'mother', leftBehind: 'elderly', health: 'disabled', disabilityCategory: 'visual', disabilityGrade: '2' } });
    addMember(ledger, clerk, { householdId, member: { name: '林爷', idNumber: makeIdNumber('532999', '1943-06-01', 303, 'M'), relation: 'father', leftBehind: 'elderly', deceased: true } });
    expect(careCounts(ledger, {})).toEqual({ child: 1, woman: 0, elderly: 1, disabled: 1 });
    const list = careList(ledger, { kind: 'child' });
    expect(list.rows).toEqual([expect.objectContaining({ memberId: child.id, name: '林小', archiveNo: 'C-1', village: '石桥村' })]);
    expect(listHouseholds(ledger, { leftBehind: 'elderly' }).total).toBe(1);
  });
});

describe('finding people fast', () => {
  it('serves every kind of search text from index range scans, never a table scan', () => {
    const { ledger } = setup();
    for (const q of ['13900001111', '532999197003', 'linhai', 'lh', '林海', 'H-00']) {
      const w = buildHouseholdWhere(householdQuery.parse({ q }));
      const plan = (ledger.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT h.id ${HOUSEHOLD_FROM} WHERE ${w.clauses.join(' AND ')}`).all(w.params) as { detail: string }[])
        .map((p) => p.detail);
      expect(plan.filter((d) => /^SCAN (h|m|members|households)\b/.test(d)), q).toEqual([]);
    }
  });

  it('finds a household by name, pinyin, initials, ID prefix and member phone', () => {
    const { ledger, villageId, clerk } = setup();
    const h = household(villageId, 'F-1');
    h.members[1] = { ...h.members[1]!, phone: '13712345678' };
    const { id } = createHousehold(ledger, clerk, h);
    for (const q of ['林海', 'linhai', 'lh', h.members[0]!.idNumber.slice(0, 12), '1371234', 'F-1']) {
      expect(listHouseholds(ledger, { q }).rows.map((r) => r.id), q).toEqual([id]);
    }
  });
});

/**
 * The import's fast paths (db/registry/import/memberCheck.ts, bulk.ts): a row confirmed without
 * zod yields exactly what the schema yields and any doubt goes to the schema; a large import that
 * drops and rebuilds the secondary indexes leaves the schema as it was, whether it commits or is
 * cancelled part-way.
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../db/registry/import';
import { quickMemberValues } from '../../db/registry/import/memberCheck';
import { memberInput } from '../../db/registry/schemas';
import { listHouseholds } from '../../db/registry/queries';
import { LedgerError } from '../../db/errors';
import { makeIdNumber } from '../../db/rules/idNumber';
import type { Ledger } from '../../db/ledger';
import { actorFor, count, tempLedger } from '../support/tmp';
import { seedVillage } from '../support/fixtures';
import { rosterRows, rosterXlsx } from '../support/roster';

const id = makeIdNumber('532999', '1980-03-12', 101, 'M');
const clean = {
  idNumber: id, name: '林海', sex: 'M', birthDate: '1980-03-12', relation: 'head', ethnicity: '01', education: 'junior',
  schoolStatus: undefined, dropoutReason: undefined, health: 'healthy', disabilityCategory: undefined, disabilityGrade: undefined,
  chronicCertificate: 'MB-1', labourAbility: 'ordinary', migrantMonths: 6, migrantPlace: '昆明', insBasicMedical: true,
  insCriticalIllness: false, insSupplementary: undefined, insBasicPension: true, dibao: true, dibaoClass: undefined,
  leftBehind: undefined, deceased: false, deceasedOn: undefined, phone: '139 1234-5678',
};
const bare = { idNumber: id, name: '林海', relation: 'head' };

/** Undefined keys left out, as a plain object compares. */
const plain = (o: object) => JSON.parse(JSON.stringify(o)) as unknown;

describe('confirming a member row without zod', () => {
  it('gives what the schema gives for clean rows, defaults included', () => {
    for (const raw of [clean, bare, { ...bare, phone: '', migrantMonths: 0 }, { ...clean, deceased: true, deceasedOn: '2024-02-29' }]) {
      const quick = quickMemberValues(raw);
      expect(quick, JSON.stringify(raw)).not.toBeNull();
      expect(plain(quick!)).toEqual(plain(memberInput.parse(raw)));
    }
  });

  it('leaves every doubtful row to the schema, and the schema refuses each of them', () => {
    const doubtful: Record<string, unknown>[] = [
      { ...bare, idNumber: undefined },
      { ...bare, idNumber: `${id.slice(0, 17)}0` === id ? `${id.slice(0, 17)}1` : `${id.slice(0, 17)}0` },
      { ...bare, idNumber: 5329991980031210 },
      { ...bare, name: undefined },
      { ...bare, name: '' },
      { ...bare, name: '林'.repeat(31) },
      { ...bare, relation: undefined },
      { ...bare, relation: '户主' },
      { ...bare, sex: 'X' },
      { ...bare, ethnicity: '汉' },
      { ...bare, health: 'ill' },
      { ...bare, education: 'phd' },
      { ...bare, leftBehind: 'yes' },
      { ...bare, birthDate: '1980-02-30' },
      { ...bare, birthDate: '80-03-12' },
      { ...bare, deceasedOn: '2024-13-01' },
      { ...bare, migrantMonths: 13 },
      { ...bare, migrantMonths: -1 },
      { ...bare, migrantMonths: 2.5 },
      { ...bare, chronicCertificate: 'x'.repeat(41) },
      { ...bare, migrantPlace: 'x'.repeat(61) },
      { ...bare, phone: '12345' },
      { ...bare, phone: '1391234567890' },
      { ...bare, phone: 13912345678 },
      { ...bare, dibao: '是' },
    ];
    for (const raw of doubtful) {
      expect(quickMemberValues(raw), JSON.stringify(raw)).toBeNull();
      expect(memberInput.safeParse(raw).success, JSON.stringify(raw)).toBe(false);
    }
  });

  it('never confirms a row the schema would change, such as untrimmed text', () => {
    for (const raw of [{ ...bare, name: ' 林海 ' }, { ...bare, migrantPlace: ' 昆明' }]) {
      const quick = quickMemberValues(raw);
      if (quick) expect(plain(quick)).toEqual(plain(memberInput.parse(raw)));
    }
  });
});

const indexes = (ledger: Ledger) => ledger.sqlite
  .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all();

describe('a large import rebuilds the indexes', () => {
  const quietIo = { progress() {}, checkCancelled() {} };
  const file = (buf: Buffer) => ({ fileName: 'roster.xlsx', base64: buf.toString('base64') });

  it('leaves the schema as it was, and the lists and searches find the rows', async () => {
    const ledger = tempLedger();
    seedVillage(ledger);
    const clerk = actorFor(ledger, 'registrar', 'clerk');
    const before = indexes(ledger);
    const rows = rosterRows(2_100);
    expect(rows.length).toBeGreaterThanOrEqual(5_000);
    const result = runImport(ledger, clerk, file(await rosterXlsx(rows)), quietIo);
    expect(result).toMatchObject({ households: 2_100, members: rows.length });
    expect(indexes(ledger)).toEqual(before);
    expect((ledger.sqlite.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    expect(listHouseholds(ledger, { q: 'IMP-002100' }).total).toBe(1);
    expect(listHouseholds(ledger, { q: rows[rows.length - 1]!.idNumber as string }).total).toBe(1);
    expect(listHouseholds(ledger, { labourAbility: 'ordinary' }).total).toBeGreaterThan(0);
    // The connection's page cache is back to its own size.
    expect(ledger.sqlite.pragma('cache_size', { simple: true })).toBe(tempLedger().sqlite.pragma('cache_size', { simple: true }));
  });

  it('cancelled while writing: nothing written, every index still there', async () => {
    const ledger = tempLedger();
    seedVillage(ledger);
    const clerk = actorFor(ledger, 'registrar', 'clerk');
    const before = indexes(ledger);
    const rows = rosterRows(2_100);
    let calls = 0;
    const io = {
      progress(done: number) {
        // Past the checks (one tick per 500 rows) and into the writing.
        if (done > rows.length + 1_000) calls++;
      },
      checkCancelled() {
        if (calls > 0) throw new LedgerError('CANCELLED', { en: 'Cancelled', zh: '已取消' });
      },
    };
    const buf = await rosterXlsx(rows);
    expect(() => runImport(ledger, clerk, file(buf), io)).toThrow(LedgerError);
    expect(calls).toBeGreaterThan(0);
    expect(count(ledger, 'households')).toBe(0);
    expect(count(ledger, 'members')).toBe(0);
    expect(indexes(ledger)).toEqual(before);
  });
});

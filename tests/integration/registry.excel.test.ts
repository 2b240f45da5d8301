import { describe, expect, it } from 'vitest';
import { runImport, type ImportFileInput } from '../../db/registry/import';
import { exportHouseholds, XLSX_MIME } from '../../db/registry/export';
import type { LedgerError } from '../../db/errors';
import { tasks } from '../../electron/jobs/tasks';
import type { Ledger } from '../../db/ledger';
import { actorFor, count, tempLedger } from '../support/tmp';
import { seedVillage } from '../support/fixtures';
import { rosterRows, rosterXlsx } from '../support/roster';

const quietIo = { progress() {}, checkCancelled() {} };
const file = (buf: Buffer): ImportFileInput => ({ fileName: 'roster.xlsx', base64: buf.toString('base64') });

/** Every member as stored, without the row ids, in a stable order. */
function snapshot(ledger: Ledger) {
  return ledger.sqlite
    .prepare(
      `SELECT h.archive_no, h.group_name, h.address, h.phone, h.attribute, h.main_cause, h.identified_year, h.safe_water, h.housing_safety,
              h.head_name, h.size, m.id_number, m.name, m.name_pinyin, m.sex, m.birth_date, m.relation, m.ethnicity, m.education,
              m.school_status, m.health, m.labour_ability, m.ins_basic_medical, m.ins_basic_pension, m.dibao, m.dibao_class, m.deceased
         FROM members m JOIN households h ON h.id = m.household_id ORDER BY m.id_number`,
    )
    .all();
}

describe('exporting households', () => {
  it('round-trips: an exported list imports into another ledger unchanged', async () => {
    const source = tempLedger();
    seedVillage(source);
    const clerk = actorFor(source, 'registrar', 'clerk');
    const rows = rosterRows(25);
    Object.assign(rows[1]!, { dibao: '是', dibaoClass: '一类（A类）', health: '残疾', disabilityCategory: '肢体残疾', disabilityGrade: '二级' });
    runImport(source, clerk, file(await rosterXlsx(rows)), quietIo);

    const exported = await exportHouseholds(source, clerk, {});
    expect(exported.mime).toBe(XLSX_MIME);
    expect(exported.fileName).toMatch(/\.xlsx$/);
    expect(count(source, 'audit_log')).toBe(3);

    const target = tempLedger();
    seedVillage(target);
    const result = runImport(target, actorFor(target, 'registrar', 'clerk'), { fileName: exported.fileName, base64: exported.base64 }, quietIo);
    expect(result.members).toBe(rows.length);
    expect(snapshot(target)).toEqual(snapshot(source));
  });

  it('exports only what the filter selects', async () => {
    const ledger = tempLedger();
    seedVillage(ledger);
    const clerk = actorFor(ledger, 'registrar', 'clerk');
    runImport(ledger, clerk, file(await rosterXlsx(rosterRows(10))), quietIo);
    const exported = await exportHouseholds(ledger, clerk, { q: 'IMP-000004' });
    const back = tempLedger();
    seedVillage(back);
    expect(runImport(back, actorFor(back, 'registrar', 'clerk'), { fileName: 'x.xlsx', base64: exported.base64 }, quietIo)).toMatchObject({ households: 1, members: 4 });
  });
});

describe('the import tasks (what the job worker runs)', () => {
  it('preview and import open their own connection to the ledger file; a second run is refused with every problem', async () => {
    const ledger = tempLedger();
    seedVillage(ledger);
    const actor = actorFor(ledger, 'registrar', 'clerk', 'registry.importStart');
    const input = file(await rosterXlsx(rosterRows(30)));
    const progress: number[] = [];
    const io = { progress: (done: number) => progress.push(done), checkCancelled() {} };

    expect(tasks.previewRegistryImport({ file: ledger.path, input })).toMatchObject({ ok: true, households: 30, members: 73 });
    expect(tasks.importRegistry({ file: ledger.path, actor, input }, io)).toMatchObject({ households: 30, members: 73 });
    expect(count(ledger, 'members')).toBe(73);
    expect(progress.at(-1)).toBe(146);

    let problems: unknown[] = [];
    try {
      tasks.importRegistry({ file: ledger.path, actor, input }, io);
    } catch (err) {
      problems = (err as LedgerError).detail.problems ?? [];
    }
    expect(problems).toHaveLength(30 + 73); // every archive number and every ID number is already registered
    expect(count(ledger, 'members')).toBe(73);
  });
});

import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { invalid, notFound } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import type { Page } from '../shared/zod';
import { POSTED_ROLE_LINES } from './figures';
import { beneficiariesInput, projectFields, projectQuery, updateProjectInput, type ProjectFields } from './schemas';

export interface ProjectHead {
  id: number;
  code: string;
  name: string;
}

export function getProjectHead(ledger: Ledger, projectId: number): ProjectHead {
  const row = ledger.sqlite.prepare('SELECT id, code, name FROM projects WHERE id = ?').get(projectId) as ProjectHead | undefined;
  if (!row) notFound('Project', '项目', projectId);
  return row;
}

function checkFields(ledger: Ledger, f: ProjectFields, selfId = -1): void {
  if (ledger.sqlite.prepare('SELECT 1 FROM projects WHERE code = ? AND id <> ?').get(f.code, selfId)) {
    invalid('code', `Project code ${f.code} is already used`, `项目编号 ${f.code} 已被使用`);
  }
  if (f.plannedStart && f.plannedEnd && f.plannedEnd < f.plannedStart) {
    invalid('plannedEnd', 'The planned end is before the planned start', '计划完工日期早于计划开工日期');
  }
  if (f.status === 'accepted' && !f.acceptedOn) invalid('acceptedOn', 'An accepted project needs its acceptance date', '已验收项目须填写验收日期');
  if (f.status !== 'accepted' && f.acceptedOn) invalid('status', 'An acceptance date needs the status "accepted"', '填写验收日期时，项目状态应为“已验收”');
  f.villageIds.forEach((villageId, i) => {
    if (!ledger.sqlite.prepare('SELECT 1 FROM villages WHERE id = ?').get(villageId)) {
      invalid(`villageIds.${i}`, `Village ${villageId} does not exist`, `行政村 ${villageId} 不存在`);
    }
  });
}

function writeVillages(ledger: Ledger, projectId: number, villageIds: number[]): void {
  ledger.sqlite.prepare('DELETE FROM project_villages WHERE project_id = ?').run(projectId);
  const insert = ledger.sqlite.prepare('INSERT INTO project_villages (project_id, village_id) VALUES (?, ?)');
  for (const v of new Set(villageIds)) insert.run(projectId, v);
}

const WRITE_COLUMNS = `code = @code, name = @name, type = @type, year = @year, budget_fen = @budgetFen, site = @site, content = @content,
  implementer = @implementer, responsible = @responsible, planned_start = @plannedStart, planned_end = @plannedEnd,
  status = @status, accepted_on = @acceptedOn, updated_at = @at`;

const params = (f: ProjectFields, at: string) => {
  const { villageIds: _villages, ...rest } = f;
  return { ...rest, plannedStart: f.plannedStart ?? null, plannedEnd: f.plannedEnd ?? null, acceptedOn: f.acceptedOn ?? null, at };
};

export function createProject(ledger: Ledger, actor: Actor, raw: z.input<typeof projectFields>): { id: number } {
  const input = projectFields.parse(raw);
  return inTransaction(ledger, () => {
    checkFields(ledger, input);
    const at = nowIso();
    const created = ledger.sqlite
      .prepare(`INSERT INTO projects (code, name, type, year, budget_fen, site, content, implementer, responsible, planned_start,
                  planned_end, status, accepted_on, created_at, updated_at)
                VALUES (@code, @name, @type, @year, @budgetFen, @site, @content, @implementer, @responsible, @plannedStart,
                  @plannedEnd, @status, @acceptedOn, @at, @at) RETURNING id`)
      .get(params(input, at)) as { id: number };
    writeVillages(ledger, created.id, input.villageIds);
    appendAudit(ledger, actor, { entity: 'project', entityId: created.id, action: 'create', after: input });
    return created;
  });
}

export function updateProject(ledger: Ledger, actor: Actor, raw: z.input<typeof updateProjectInput>): void {
  const { projectId, fields } = updateProjectInput.parse(raw);
  inTransaction(ledger, () => {
    const before = getProject(ledger, projectId);
    const next = projectFields.parse({ ...before, ...fields, villageIds: fields.villageIds ?? before.villages.map((v) => v.id) });
    checkFields(ledger, next, projectId);
    ledger.sqlite.prepare(`UPDATE projects SET ${WRITE_COLUMNS} WHERE id = @id`).run({ ...params(next, nowIso()), id: projectId });
    writeVillages(ledger, projectId, next.villageIds);
    appendAudit(ledger, actor, { entity: 'project', entityId: projectId, action: 'update', before, after: next });
  });
}

/** Replaces the list of households that benefit from a project. */
export function setBeneficiaries(ledger: Ledger, actor: Actor, raw: z.input<typeof beneficiariesInput>): { count: number } {
  const input = beneficiariesInput.parse(raw);
  return inTransaction(ledger, () => {
    getProjectHead(ledger, input.projectId);
    const before = ledger.sqlite.prepare('SELECT household_id FROM project_households WHERE project_id = ? ORDER BY household_id').pluck().all(input.projectId);
    const ids = [...new Set(input.householdIds)].sort((a, b) => a - b);
    ids.forEach((householdId, i) => {
      if (!ledger.sqlite.prepare('SELECT 1 FROM households WHERE id = ?').get(householdId)) {
        invalid(`householdIds.${i}`, `Household ${householdId} does not exist`, `户 ${householdId} 不存在`);
      }
    });
    ledger.sqlite.prepare('DELETE FROM project_households WHERE project_id = ?').run(input.projectId);
    const insert = ledger.sqlite.prepare('INSERT INTO project_households (project_id, household_id) VALUES (?, ?)');
    for (const h of ids) insert.run(input.projectId, h);
    appendAudit(ledger, actor, { entity: 'project', entityId: input.projectId, action: 'set_beneficiaries', before, after: ids });
    return { count: ids.length };
  });
}

const PROJECT_COLUMNS = `p.id, p.code, p.name, p.type, p.year, p.budget_fen AS budgetFen, p.site, p.content, p.implementer,
  p.responsible, p.planned_start AS plannedStart, p.planned_end AS plannedEnd, p.status, p.accepted_on AS acceptedOn`;

export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  type: string;
  year: number;
  budgetFen: number;
  site: string;
  content: string;
  implementer: string;
  responsible: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  status: string;
  acceptedOn: string | null;
}

export interface ProjectView extends ProjectRow {
  allocatedFen: number;
  spentFen: number;
  villages: { id: number; name: string }[];
  beneficiaries: { id: number; archiveNo: string; headName: string; village: string; size: number }[];
}

export function getProject(ledger: Ledger, projectId: number): ProjectView {
  const row = ledger.sqlite.prepare(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.id = ?`).get(projectId) as ProjectRow | undefined;
  if (!row) notFound('Project', '项目', projectId);
  const villages = ledger.sqlite
    .prepare('SELECT v.id, v.name FROM project_villages pv JOIN villages v ON v.id = pv.village_id WHERE pv.project_id = ? ORDER BY v.code')
    .all(projectId) as ProjectView['villages'];
  const beneficiaries = ledger.sqlite
    .prepare(`SELECT h.id, h.archive_no AS archiveNo, h.head_name AS headName, v.name AS village, h.size
                FROM project_households ph JOIN households h ON h.id = ph.household_id JOIN villages v ON v.id = h.village_id
               WHERE ph.project_id = ? ORDER BY h.archive_no`)
    .all(projectId) as ProjectView['beneficiaries'];
  const allocatedFen = ledger.sqlite.prepare('SELECT coalesce(sum(amount_fen), 0) FROM fund_allocations WHERE project_id = ?').pluck().get(projectId) as number;
  const spentFen = ledger.sqlite
    .prepare(`SELECT coalesce(sum(l.debit_fen) - sum(l.credit_fen), 0) ${POSTED_ROLE_LINES('use')} WHERE l.project_id = ?`)
    .pluck().get(projectId) as number;
  return { ...row, allocatedFen, spentFen, villages, beneficiaries };
}

export interface ProjectListRow extends ProjectRow {
  villages: string;
  beneficiaryHouseholds: number;
}

export function listProjects(ledger: Ledger, raw: z.input<typeof projectQuery>): Page<ProjectListRow> {
  const q = projectQuery.parse(raw);
  const where = `WHERE (@q = '' OR p.code LIKE @like OR p.name LIKE @like OR p.implementer LIKE @like)
    AND (@year IS NULL OR p.year = @year) AND (@type IS NULL OR p.type = @type) AND (@status IS NULL OR p.status = @status)
    AND (@villageId IS NULL OR p.id IN (SELECT project_id FROM project_villages WHERE village_id = @villageId))`;
  const args = { q: q.q, like: `%${q.q}%`, year: q.year ?? null, type: q.type ?? null, status: q.status ?? null, villageId: q.villageId ?? null };
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM projects p ${where}`).pluck().get(args) as number;
  const rows = ledger.sqlite
    .prepare(`SELECT ${PROJECT_COLUMNS},
                (SELECT group_concat(v.name, '、') FROM project_villages pv JOIN villages v ON v.id = pv.village_id WHERE pv.project_id = p.id) AS villages,
                (SELECT count(*) FROM project_households ph WHERE ph.project_id = p.id) AS beneficiaryHouseholds
                FROM projects p ${where} ORDER BY p.year DESC, p.code LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: q.limit, offset: q.offset }) as (ProjectListRow & { villages: string | null })[];
  return { rows: rows.map((r) => ({ ...r, villages: r.villages ?? '' })), total, offset: q.offset, limit: q.limit };
}

/** Every project, lightly, for pickers. */
export function projectOptions(ledger: Ledger): (ProjectHead & { year: number; type: string })[] {
  return ledger.sqlite.prepare('SELECT id, code, name, year, type FROM projects ORDER BY year DESC, code').all() as (ProjectHead & { year: number; type: string })[];
}

/** The county, its townships and administrative villages (行政村), as the office keeps them. */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { county, townships, villages } from '../schema';
import { appendAudit } from '../audit';
import { invalid, notFound } from '../errors';
import { inTransaction } from '../shared/tx';
import { id, year } from '../shared/zod';
import { phone, text } from './schemas';

export const countyInput = z.object({
  code: z.string().trim().regex(/^\d{6}$/, 'A county division code has 6 digits'),
  name: text(40).min(1, 'A name is required'),
  province: text(20).default(''),
  western: z.boolean().default(false),
  designatedHospital: text(60).default(''),
  pairedHospital: text(60).default(''),
  officePhone: phone.default(''),
});

export const townshipInput = z.object({
  code: z.string().trim().regex(/^\d{9}$/, 'A township code has 9 digits'),
  name: text(30).min(1, 'A name is required'),
});

const villageFields = z.object({
  name: text(30).min(1, 'A name is required'),
  poorVillage: z.boolean().default(false),
  exitYear: year.nullish(),
  ruralPopulation: z.number().int().min(0).max(1_000_000).default(0),
  firstSecretary: text(30).default(''),
  firstSecretaryPhone: phone.default(''),
  workTeam: text(300).default(''),
  workTeamUnit: text(60).default(''),
});
export const createVillageInput = villageFields.extend({
  code: z.string().trim().regex(/^\d{12}$/, 'An administrative village code has 12 digits'),
  townshipId: id,
});
export const updateVillageInput = z.object({ villageId: id, fields: villageFields });

export type CountyView = typeof county.$inferSelect;

export function getCounty(ledger: Ledger): CountyView | null {
  return ledger.db.select().from(county).get() ?? null;
}

/** The one county row: created the first time, changed afterwards. */
export function saveCounty(ledger: Ledger, actor: Actor, raw: z.input<typeof countyInput>): CountyView {
  const input = countyInput.parse(raw);
  return inTransaction(ledger, () => {
    const before = getCounty(ledger);
    if (before) ledger.db.update(county).set(input).where(eq(county.id, before.id)).run();
    else ledger.db.insert(county).values({ id: 1, ...input }).run();
    appendAudit(ledger, actor, { entity: 'county', entityId: before?.id ?? 1, action: before ? 'update' : 'create', before, after: input });
    return getCounty(ledger)!;
  });
}

export function createTownship(ledger: Ledger, actor: Actor, raw: z.input<typeof townshipInput>): { id: number } {
  const input = townshipInput.parse(raw);
  return inTransaction(ledger, () => {
    if (ledger.db.select().from(townships).where(eq(townships.code, input.code)).get()) {
      invalid('code', `Township code ${input.code} is already used`, `乡镇代码 ${input.code} 已被使用`);
    }
    const c = getCounty(ledger);
    if (c && !input.code.startsWith(c.code)) {
      invalid('code', `A township code starts with the county code ${c.code}`, `乡镇代码应以本县代码 ${c.code} 开头`);
    }
    const row = ledger.db.insert(townships).values(input).returning({ id: townships.id }).get();
    appendAudit(ledger, actor, { entity: 'township', entityId: row.id, action: 'create', after: input });
    return row;
  });
}

export function createVillage(ledger: Ledger, actor: Actor, raw: z.input<typeof createVillageInput>): { id: number } {
  const input = createVillageInput.parse(raw);
  return inTransaction(ledger, () => {
    const township = ledger.db.select().from(townships).where(eq(townships.id, input.townshipId)).get();
    if (!township) invalid('townshipId', `Township ${input.townshipId} does not exist`, `乡镇 ${input.townshipId} 不存在`);
    if (!input.code.startsWith(township.code)) {
      invalid('code', `A village code starts with its township's code ${township.code}`, `行政村代码应以所属乡镇代码 ${township.code} 开头`);
    }
    if (ledger.db.select().from(villages).where(eq(villages.code, input.code)).get()) {
      invalid('code', `Village code ${input.code} is already used`, `行政村代码 ${input.code} 已被使用`);
    }
    checkExitYear(input);
    const row = ledger.db.insert(villages).values({ ...input, exitYear: input.exitYear ?? null }).returning({ id: villages.id }).get();
    appendAudit(ledger, actor, { entity: 'village', entityId: row.id, action: 'create', after: input });
    return row;
  });
}

function checkExitYear(v: { poorVillage: boolean; exitYear?: number | null }): void {
  if (v.exitYear && !v.poorVillage) invalid('exitYear', 'Only a poor village has an exit year', '只有贫困村才有退出年份');
}

export type VillageView = typeof villages.$inferSelect & { township: string };

export function getVillage(ledger: Ledger, villageId: number): VillageView {
  const v = ledger.db.select().from(villages).where(eq(villages.id, villageId)).get();
  if (!v) notFound('Village', '行政村', villageId);
  const t = ledger.db.select({ name: townships.name }).from(townships).where(eq(townships.id, v.townshipId)).get();
  return { ...v, township: t?.name ?? '' };
}

/** Edits the village record (population, poor-village flag and exit year, first secretary, work team). */
export function updateVillage(ledger: Ledger, actor: Actor, raw: z.input<typeof updateVillageInput>): VillageView {
  const { villageId, fields } = updateVillageInput.parse(raw);
  return inTransaction(ledger, () => {
    const before = getVillage(ledger, villageId);
    checkExitYear(fields);
    ledger.db.update(villages).set({ ...fields, exitYear: fields.exitYear ?? null }).where(eq(villages.id, villageId)).run();
    appendAudit(ledger, actor, { entity: 'village', entityId: villageId, action: 'update', before, after: fields });
    return getVillage(ledger, villageId);
  });
}

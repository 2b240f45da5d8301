import { z } from 'zod';
import { zCode, isoDate, year, id } from '../shared/zod';
import { checkIdNumber, normalizeIdNumber } from '../rules/idNumber';

export const text = (max: number) => z.string().trim().max(max);
export const phone = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => s === '' || /^\d{7,12}$/.test(s), { message: 'A phone number has 7 to 12 digits', params: { zh: '电话号码应为 7 到 12 位数字' } });

/** Normalises (full-width digits, spaces) and checks the GB 11643 check digit. */
export const idNumberField = z.string().transform((raw, ctx) => {
  const result = checkIdNumber(normalizeIdNumber(raw));
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message.en, params: { zh: result.message.zh } });
    return z.NEVER;
  }
  return result.id;
});

export const memberInput = z.object({
  idNumber: idNumberField,
  name: text(30).min(1, 'A name is required'),
  sex: zCode('sex').optional(),
  birthDate: isoDate.optional(),
  relation: zCode('relation'),
  ethnicity: zCode('ethnicity').default('01'),
  education: zCode('education').nullish(),
  schoolStatus: zCode('schoolStatus').nullish(),
  dropoutReason: zCode('dropoutReason').nullish(),
  health: zCode('health').default('healthy'),
  disabilityCategory: zCode('disabilityCategory').nullish(),
  disabilityGrade: zCode('disabilityGrade').nullish(),
  chronicCertificate: text(40).default(''),
  labourAbility: zCode('labourAbility').nullish(),
  migrantMonths: z.number().int().min(0).max(12).default(0),
  migrantPlace: text(60).default(''),
  insBasicMedical: z.boolean().default(false),
  insCriticalIllness: z.boolean().default(false),
  insSupplementary: z.boolean().default(false),
  insBasicPension: z.boolean().default(false),
  dibao: z.boolean().default(false),
  dibaoClass: zCode('dibaoClass').nullish(),
  leftBehind: zCode('leftBehind').nullish(),
  deceased: z.boolean().default(false),
  deceasedOn: isoDate.nullish(),
  phone: phone.default(''),
});
export type MemberInput = z.input<typeof memberInput>;
export type MemberValues = z.output<typeof memberInput>;

export const householdFields = z.object({
  archiveNo: text(30).min(1, 'An archive number is required'),
  villageId: id,
  groupName: text(20).default(''),
  address: text(120).default(''),
  phone: phone.default(''),
  bankName: text(60).default(''),
  bankAccount: z
    .string()
    .transform((s) => s.replace(/\s/g, ''))
    .refine((s) => s === '' || /^\d{8,30}$/.test(s), { message: 'A bank account has 8 to 30 digits', params: { zh: '银行账号应为 8 到 30 位数字' } })
    .default(''),
  attribute: zCode('householdAttribute'),
  mainCause: zCode('povertyCause'),
  secondCause: zCode('povertyCause').nullish(),
  thirdCause: zCode('povertyCause').nullish(),
  identifiedYear: year,
  relocated: z.boolean().default(false),
  relocationType: zCode('relocationType').nullish(),
  relocationYear: year.nullish(),
  relocationSite: text(120).default(''),
  housingSafety: zCode('housingSafety').default('safe'),
  housingRenovatedYear: year.nullish(),
  safeWater: z.boolean().default(true),
  familyDoctor: text(30).default(''),
  familyDoctorPhone: phone.default(''),
  familyDoctorContract: text(40).default(''),
});
export type HouseholdFields = z.output<typeof householdFields>;

export const createHouseholdInput = householdFields.extend({
  members: z.array(memberInput).min(1, 'A household needs at least one member'),
});
export type CreateHouseholdInput = z.input<typeof createHouseholdInput>;

/**
 * The same fields, each optional and WITHOUT its default: a patch changes only what it names
 * (`.partial()` would keep the defaults and quietly blank every field the patch leaves out).
 */
function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional();
  }
  return z.object(shape) as unknown as ReturnType<z.ZodObject<S>['partial']>;
}

export const householdPatch = patchOf(householdFields);
export type HouseholdPatch = z.output<typeof householdPatch>;
export const memberPatch = patchOf(memberInput);
export type MemberPatch = z.output<typeof memberPatch>;

export const updateHouseholdInput = z.object({ householdId: id, fields: householdPatch });
export const updateMemberInput = z.object({ memberId: id, fields: memberPatch });
export const addMemberInput = z.object({ householdId: id, member: memberInput });
export const removeMemberInput = z.object({ memberId: id, reason: z.string().trim().min(1).max(200) });
export const changeHeadInput = z.object({
  memberId: id,
  formerHeadRelation: zCode('relation').refine((r) => r !== 'head', 'The former head needs another relation'),
});

/** View model of the health card (健康卡) from the ledger. */
import type { Ledger } from '../ledger';
import { labelOf, type InsuranceKind, type Lang } from '../codes';
import { ageOn } from '../rules/exit';
import { medicalCover } from '../rules/medicalCover';
import type { MemberView } from '../registry/queries';
import type { HealthCardData, HealthMember } from '../../electron/print/types';
import type { PrintContext } from './context';
import { asOfDate, householdFacts, placeOf } from './householdFacts';

const INSURANCE_FLAGS: [InsuranceKind, keyof MemberView][] = [
  ['basic_medical', 'insBasicMedical'],
  ['critical_illness', 'insCriticalIllness'],
  ['supplementary', 'insSupplementary'],
  ['basic_pension', 'insBasicPension'],
];

/** Short names where the insurance column is narrow: on cards, and in English (whose full names run to four lines). */
const SHORT_INSURANCE: Record<InsuranceKind, { zh: string; en: string }> = {
  basic_medical: { zh: '基本医保', en: 'Basic medical' },
  critical_illness: { zh: '大病保险', en: 'Critical illness' },
  supplementary: { zh: '补充医保', en: 'Supplementary' },
  basic_pension: { zh: '养老保险', en: 'Pension' },
};

function insuranceLabel(kind: InsuranceKind, ctx: PrintContext): string {
  return ctx.layout === 'cards' || ctx.lang === 'en' ? SHORT_INSURANCE[kind][ctx.lang] : labelOf('insuranceKind', kind, ctx.lang);
}

function disabilityLabel(m: MemberView, lang: Lang): string | undefined {
  if (m.health !== 'disabled' || (!m.disabilityCategory && !m.disabilityGrade)) return undefined;
  const parts = [
    m.disabilityCategory ? labelOf('disabilityCategory', m.disabilityCategory, lang) : '',
    m.disabilityGrade ? labelOf('disabilityGrade', m.disabilityGrade, lang) : '',
  ].filter(Boolean);
  return parts.join(lang === 'zh' ? ' ' : ', ');
}

function healthMember(m: MemberView, asOf: string, ctx: PrintContext): HealthMember {
  const lang = ctx.lang;
  const disability = disabilityLabel(m, lang);
  return {
    name: m.name,
    relationLabel: labelOf('relation', m.relation, lang),
    age: ageOn(m.birthDate, asOf),
    healthLabel: labelOf('health', m.health, lang),
    ...(disability ? { disabilityLabel: disability } : {}),
    ...(m.chronicCertificate ? { chronicCertificate: m.chronicCertificate } : {}),
    insuranceLabels: INSURANCE_FLAGS.filter(([, flag]) => m[flag] === true).map(([kind]) => insuranceLabel(kind, ctx)),
  };
}

export function healthCardData(ledger: Ledger, householdId: number, ctx: PrintContext, serial = ''): HealthCardData {
  const { household: h, living } = householdFacts(ledger, householdId);
  const asOf = asOfDate(ctx.year, ctx.today);
  const dash = '—';
  const place = placeOf(h, ctx.county.name);
  return {
    serial,
    archiveNo: h.archiveNo,
    county: place.county,
    township: place.township,
    village: place.village,
    headName: h.headName,
    members: living.map((m) => healthMember(m, asOf, ctx)),
    familyDoctor: {
      name: h.familyDoctor || dash,
      phone: h.familyDoctorPhone || dash,
      ...(h.familyDoctorContract ? { contractNo: h.familyDoctorContract } : {}),
    },
    ...medicalCover(h.status, living),
    designatedHospital: ctx.county.designatedHospital || dash,
    pairedHospital: ctx.county.pairedHospital || dash,
    year: ctx.year,
    printedAt: ctx.printedAt,
    printedBy: ctx.printedBy,
  };
}

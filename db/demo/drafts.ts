/** A household as drawn in memory before it is written: its members and its status history. */
import type {
  CancelReason,
  DibaoClass,
  DisabilityCategory,
  DisabilityGrade,
  Education,
  Health,
  HouseholdAttribute,
  HouseholdStatus,
  LabourAbility,
  LeftBehind,
  MonitoringType,
  PovertyCause,
  Relation,
  SchoolStatus,
  StatusEventType,
} from '../codes';

export interface MemberDraft {
  relation: Relation;
  sex: 'M' | 'F';
  surname: string;
  name: string;
  birthDate: string;
  age: number;
  yearAge: number;
  ethnicity: string;
  education: Education | null;
  schoolStatus: SchoolStatus | null;
  dropoutReason: string | null;
  health: Health;
  disabilityCategory: DisabilityCategory | null;
  disabilityGrade: DisabilityGrade | null;
  chronicCertificate: string;
  labourAbility: LabourAbility | null;
  migrantMonths: number;
  migrantPlace: string;
  insBasicMedical: boolean;
  insCriticalIllness: boolean;
  insSupplementary: boolean;
  insBasicPension: boolean;
  dibao: boolean;
  dibaoClass: DibaoClass | null;
  leftBehind: LeftBehind | null;
  deceased: boolean;
  deceasedOn: string | null;
  phone: string;
  removed: boolean;
}

export interface EventDraft {
  type: StatusEventType;
  monitoringType: MonitoringType | null;
  cancelReason: CancelReason | null;
  day: number;
  reason: string;
  evidence: string;
}

export interface HouseholdDraft {
  attribute: HouseholdAttribute;
  status: HouseholdStatus;
  monitoringType: MonitoringType | null;
  cancelReason: CancelReason | null;
  identifiedYear: number;
  causes: PovertyCause[];
  members: MemberDraft[];
  events: EventDraft[];
  statusSinceDay: number;
  policyEndsDay: number | null;
  reviewDueDay: number | null;
  dibaoClass: DibaoClass | null;
}

/** Still counted in the household: neither deceased nor moved out. */
export const living = (m: MemberDraft) => !m.deceased && !m.removed;

export const inSchool = (m: MemberDraft) =>
  m.schoolStatus !== null && m.schoolStatus !== 'not_in_school' && m.schoolStatus !== 'dropped_out' && m.schoolStatus !== 'preschool';

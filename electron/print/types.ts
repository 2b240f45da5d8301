/**
 * View models of the printed documents. They carry display-ready values: labels are already in the
 * print language (the caller translates code lists), money is integer fen, dates are ISO strings.
 */

export type Lang = 'zh' | 'en';

/** `a4`: one document per A4 page. `cards`: cards 2×2 per A4 sheet (≈A6 each) with cut marks. */
export type Layout = 'a4' | 'cards';

export interface GuaranteeItem {
  /** e.g. 不愁吃穿 / Food and clothing */
  label: string;
  ok: boolean;
  note?: string;
}

export interface Cadre {
  name: string;
  unit: string;
  post: string;
  phone: string;
}

export interface SupportMeasure {
  year: number;
  label: string;
  detail: string;
}

export interface IncomeLine {
  label: string;
  /** integer fen */
  fen: number;
}

export interface AssistanceCardData {
  serial: string;
  archiveNo: string;
  county: string;
  township: string;
  village: string;
  group?: string;
  headName: string;
  address: string;
  /** number of household members */
  size: number;
  attributeLabel: string;
  mainCauseLabel: string;
  otherCauseLabels: string[];
  statusLabel: string;
  /** food/clothing, compulsory education, basic medical, housing safety, safe water */
  guarantees: GuaranteeItem[];
  cadres: Cadre[];
  measures: SupportMeasure[];
  /** money received this year, by type */
  incomes: IncomeLine[];
  year: number;
  /** ISO date-time, printed as written (local wall-clock time of the office) */
  printedAt: string;
  printedBy: string;
}

export interface HealthMember {
  name: string;
  relationLabel: string;
  age: number;
  healthLabel: string;
  disabilityLabel?: string;
  chronicCertificate?: string;
  insuranceLabels: string[];
}

export interface HealthCardData {
  serial: string;
  archiveNo: string;
  county: string;
  township: string;
  village: string;
  headName: string;
  members: HealthMember[];
  familyDoctor: { name: string; phone: string; contractNo?: string };
  treatmentFirstPayLater: boolean;
  oneStopSettlement: boolean;
  designatedHospital: string;
  pairedHospital: string;
  year: number;
  printedAt: string;
  printedBy: string;
}

export interface ShareCertificateData {
  serial: string;
  certificateNo: string;
  holderName: string;
  archiveNo?: string;
  village: string;
  assetName: string;
  assetCategoryLabel: string;
  /** number of shares held */
  units: number;
  /** distribution weight of the holding (e.g. 1.5 for households that lost the ability to work) */
  weight: number;
  /** ISO date */
  effectiveFrom: string;
  /** ISO date; absent = until withdrawn */
  effectiveTo?: string;
  issuer: string;
  printedAt: string;
}

export type NoticeKind = 'identification' | 'exit' | 'monitoring' | 'fund_use' | 'distribution';

export interface NoticeColumn {
  key: string;
  label: string;
  /** Relative width (default 1): columns share the page width in these proportions. */
  weight?: number;
  /** Default: amounts and counts (digits with separators) right, text left. */
  align?: 'left' | 'center' | 'right';
}

export interface NoticeData {
  serial: string;
  kind: NoticeKind;
  title: string;
  village: string;
  township: string;
  county: string;
  /** posting period, ISO dates (inclusive) */
  periodFrom: string;
  periodTo: string;
  intro: string;
  columns: NoticeColumn[];
  rows: Record<string, string>[];
  /** A bold closing row (e.g. 合计), by column key; printed after every row, without a sequence number. */
  totals?: Record<string, string>;
  /** the office that takes objections; its phone is the only phone a notice may show */
  contact: { unit: string; phone: string };
  printedAt: string;
}

export type PrintableDoc =
  | { type: 'assistance_card'; data: AssistanceCardData }
  | { type: 'health_card'; data: HealthCardData }
  | { type: 'share_certificate'; data: ShareCertificateData }
  | { type: 'notice'; data: NoticeData };

export type DocType = PrintableDoc['type'];

/**
 * Exports of personal data (names with ID numbers, phones, bank accounts or payments): every such
 * file says so on its first lines, and every export is audited — who, what, which filter, how many
 * rows, and whether the private numbers were masked or full.
 */
import type { Ledger } from './ledger';
import type { Actor } from './actor';
import type { Lang } from './codes';
import { appendAudit } from './audit';
import { inTransaction } from './shared/tx';
import { seesInFull, type PrivateField } from './rules/mask';

/** Both languages always: a file travels further than the screen it was made on. */
export const PERSONAL_DATA_NOTE = '含个人信息 Contains personal information';

/** The notice line of a personal-data export: always the bilingual warning, then what was masked. */
export function personalDataNote(lang: Lang, masked: readonly PrivateField[], importable = false): string {
  if (masked.length === 0) return `${PERSONAL_DATA_NOTE}${lang === 'zh' ? '，请妥善保管' : ' — keep it safe'}`;
  const names: Record<PrivateField, [string, string]> = { idNumber: ['身份证号', 'ID numbers'], phone: ['电话', 'phones'], bankAccount: ['银行账号', 'bank accounts'] };
  const list = masked.map((f) => names[f][lang === 'zh' ? 0 : 1]).join(lang === 'zh' ? '、' : ', ');
  const tail = importable ? (lang === 'zh' ? '，不能再导入' : '; it cannot be imported back') : '';
  return lang === 'zh' ? `${PERSONAL_DATA_NOTE}（${list}已脱敏${tail}）` : `${PERSONAL_DATA_NOTE} (${list} masked${tail})`;
}

/** Which of `fields` `role` gets masked. */
export const maskedFields = (role: Actor['role'] | null, fields: readonly PrivateField[]): PrivateField[] =>
  fields.filter((f) => !seesInFull(role, f));

export interface ExportRecord {
  /** Audit entity and action, e.g. household / export_xlsx. */
  entity: string;
  entityId: string | number;
  action: string;
  /** The filter or parameters that chose the rows. */
  scope: unknown;
  rows: number;
  /** The private fields the file carries, and which of them were masked for the actor. */
  fields: readonly PrivateField[];
  masked: readonly PrivateField[];
  /** Anything else worth keeping (households, members, totals, format). */
  extra?: Record<string, unknown>;
}

/** One audit row for one export, in its own transaction (an export writes nothing else). */
export function auditExport(ledger: Ledger, actor: Actor, r: ExportRecord): void {
  inTransaction(ledger, () => {
    appendAudit(ledger, actor, {
      entity: r.entity,
      entityId: r.entityId,
      action: r.action,
      after: { scope: r.scope, rows: r.rows, personalData: true, fields: r.fields, masked: r.masked, full: r.fields.filter((f) => !r.masked.includes(f)), ...r.extra },
    });
  });
}

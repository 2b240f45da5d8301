/**
 * Registering prints: serials, reprint links and the audit row of every print, in one transaction.
 *
 * Serials are continuous per document type and year. The PDF must show them, so the printer asks
 * for the next serials (`nextSeq`), renders, and then registers with the first serial it used; the
 * transaction checks that nobody registered a print of that type and year in between (else it
 * refuses with SerialsTakenError and the printer renders again with fresh serials). A serial is
 * therefore taken only in the transaction that registers the print: a failed or cancelled print
 * leaves no gap.
 *
 * A reprint is the same document type for the same subject (household, share, or village and
 * notice kind) and year printed again, in whatever language or layout: it supersedes the earlier
 * prints. Share certificates are not for a year, so their reprints link across years.
 */
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { LedgerError, fail } from '../errors';
import { inTransaction } from '../shared/tx';
import { MAX_SEQ, formatSerial, type PrintDocType } from './serials';
import type { PrintSubject } from './plan';

export interface RegisterPrintsInput {
  docType: PrintDocType;
  year: number;
  lang: 'zh' | 'en';
  layout: 'a4' | 'cards';
  /** In the order of the documents in the file; serial i goes to subject i. */
  subjects: readonly PrintSubject[];
  /** The seq of the first serial the file shows. */
  firstSeq: number;
  printedAt: string;
  fileName: string;
  fileSha256: string;
}

export interface PrintRecord {
  id: number;
  serial: string;
  docType: PrintDocType;
  year: number;
  seq: number;
  subjectKey: string;
  ref: string;
  householdId: number | null;
  villageId: number | null;
  noticeKind: string | null;
  reprintOf: number | null;
  reprintCount: number;
}

/** Another print of the same type and year was registered while this one was drawn. */
export class SerialsTakenError extends LedgerError {
  constructor(readonly expected: number, readonly actual: number) {
    super('CONFLICT', {
      en: `Serials from ${expected} were taken by another print in the meantime`,
      zh: `编号（自 ${expected} 起）已被同时进行的另一次打印占用`,
    }, { field: 'serial' });
  }
}

/** SQL: print `b` is the same document as print `a` (see above); `a` and `b` are table aliases. */
export const sameDocument = (a: string, b: string): string =>
  `${b}.doc_type = ${a}.doc_type AND ${b}.subject_key = ${a}.subject_key AND (${b}.year = ${a}.year OR ${a}.doc_type = 'share_certificate')`;

export function nextSeq(ledger: Ledger, docType: PrintDocType, year: number): number {
  const max = ledger.sqlite.prepare('SELECT max(seq) FROM print_register WHERE doc_type = ? AND year = ?').pluck().get(docType, year) as number | null;
  return (max ?? 0) + 1;
}

export function serialsFrom(docType: PrintDocType, year: number, firstSeq: number, count: number): string[] {
  if (firstSeq + count - 1 > MAX_SEQ) {
    fail('RULE', `More than ${MAX_SEQ} prints of this type in ${year}`, `${year} 年该类证卡打印已超过 ${MAX_SEQ} 份`);
  }
  return Array.from({ length: count }, (_, i) => formatSerial(docType, year, firstSeq + i));
}

export function registerPrints(ledger: Ledger, actor: Actor, input: RegisterPrintsInput): PrintRecord[] {
  const { docType, year } = input;
  const last = ledger.sqlite.prepare(
    `SELECT q.id, q.reprint_of AS reprintOf, q.reprint_count AS reprintCount
       FROM print_register q, (SELECT @docType AS doc_type, @subjectKey AS subject_key, @year AS year) a
      WHERE ${sameDocument('a', 'q')} ORDER BY q.id DESC LIMIT 1`,
  );
  const insert = ledger.sqlite.prepare(
    `INSERT INTO print_register (serial, doc_type, year, seq, subject_key, ref, household_id, village_id, certificate_no,
       notice_kind, lang, layout, printed_by, printed_at, reprint_of, reprint_count, file_name, file_sha256)
     VALUES (@serial, @docType, @year, @seq, @subjectKey, @ref, @householdId, @villageId, @certificateNo,
       @noticeKind, @lang, @layout, @printedBy, @printedAt, @reprintOf, @reprintCount, @fileName, @fileSha256)
     RETURNING id`,
  );
  return inTransaction(ledger, () => {
    const first = nextSeq(ledger, docType, year);
    if (first !== input.firstSeq) throw new SerialsTakenError(input.firstSeq, first);
    const serials = serialsFrom(docType, year, first, input.subjects.length);
    return input.subjects.map((s, i): PrintRecord => {
      const prior = last.get({ docType, subjectKey: s.key, year }) as { id: number; reprintOf: number | null; reprintCount: number } | undefined;
      const row = {
        serial: serials[i]!,
        docType,
        year,
        seq: first + i,
        subjectKey: s.key,
        ref: s.ref,
        householdId: s.householdId,
        villageId: s.villageId,
        certificateNo: s.certificateNo,
        noticeKind: s.noticeKind,
        lang: input.lang,
        layout: input.layout,
        printedBy: actor.userId,
        printedAt: input.printedAt,
        reprintOf: prior ? (prior.reprintOf ?? prior.id) : null,
        reprintCount: prior ? prior.reprintCount + 1 : 0,
        fileName: input.fileName,
        fileSha256: input.fileSha256,
      };
      const { id } = insert.get(row) as { id: number };
      appendAudit(ledger, actor, { entity: 'print', entityId: row.serial, action: prior ? 'reprint' : 'print', after: { id, ...row } });
      return {
        id, serial: row.serial, docType, year, seq: row.seq, subjectKey: s.key, ref: s.ref, householdId: s.householdId,
        villageId: s.villageId, noticeKind: s.noticeKind, reprintOf: row.reprintOf, reprintCount: row.reprintCount,
      };
    });
  });
}

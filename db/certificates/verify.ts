/**
 * Checking a printed document against the register: by its serial, or by the text of its QR code
 * (`CL|<docType>|<archiveNo, certificateNo or notice kind>|<serial>`).
 *
 * - `unknown`: no print with that serial (or the text is neither a serial nor our QR text);
 * - `mismatch`: the QR names another document type or another archive number than the register
 *   recorded for that serial — the card was altered or forged;
 * - `superseded`: a genuine print, but the same document was printed again later (reprint);
 * - `valid`: a genuine print and the latest one.
 * The answer carries no ID number, phone or bank account: only what the card itself shows.
 */
import type { Ledger } from '../ledger';
import { parseQrText, parseSerial, type ParsedQr } from './serials';
import { printBySerial, type PrintRegisterRow } from './registerQueries';

export type VerifyStatus = 'valid' | 'superseded' | 'unknown' | 'mismatch';

export interface VerifyResult {
  status: VerifyStatus;
  /** The serial looked up, when the text held one. */
  serial: string | null;
  qr: ParsedQr | null;
  record: PrintRegisterRow | null;
  household: { archiveNo: string; headName: string; village: string; township: string } | null;
  /** Whether the QR's document type and archive number agree with the register (null without a QR). */
  typeMatches: boolean | null;
  refMatches: boolean | null;
  /** Why, in both languages. */
  reason: { en: string; zh: string };
}

function unknown(serial: string | null, qr: ParsedQr | null, reason: { en: string; zh: string }): VerifyResult {
  return { status: 'unknown', serial, qr, record: null, household: null, typeMatches: null, refMatches: null, reason };
}

export function verifyPrint(ledger: Ledger, text: string): VerifyResult {
  const qr = parseQrText(text);
  const serial = qr ? qr.serial : parseSerial(text) ? text.trim().toUpperCase() : null;
  if (!serial) {
    return unknown(null, null, {
      en: 'This is neither a print serial (e.g. AC-2026-000001) nor the text of a County Ledger QR code',
      zh: '既不是打印编号（如 AC-2026-000001），也不是本系统二维码的内容',
    });
  }
  const record = printBySerial(ledger, serial);
  if (!record) {
    return unknown(serial, qr, { en: `No print with serial ${serial} is registered`, zh: `打印登记中没有编号 ${serial}` });
  }
  const household = record.archiveNo !== null
    ? { archiveNo: record.archiveNo, headName: record.headName ?? '', village: record.village ?? '', township: record.township ?? '' }
    : null;
  const typeMatches = qr ? qr.docType === record.docType : null;
  const refMatches = qr ? qr.ref === record.ref : null;
  const base = { serial, qr, record, household, typeMatches, refMatches };
  if (typeMatches === false || refMatches === false) {
    const what = typeMatches === false ? `document type ${qr!.docType}` : `"${qr!.ref}"`;
    return {
      ...base,
      status: 'mismatch',
      reason: {
        en: `The QR code names ${what}, but serial ${serial} was registered for ${record.docType} "${record.ref}": the document was altered or forged`,
        zh: `二维码中的${typeMatches === false ? `证卡类型 ${qr!.docType}` : `编号“${qr!.ref}”`}与登记不符（登记为 ${record.docType}“${record.ref}”），证卡可能被篡改或伪造`,
      },
    };
  }
  if (!record.latest) {
    return {
      ...base,
      status: 'superseded',
      reason: {
        en: `A genuine print, but superseded: the same document was reprinted as ${record.latestSerial}`,
        zh: `真实打印，但已作废：同一证卡已重新打印，新编号为 ${record.latestSerial}`,
      },
    };
  }
  return { ...base, status: 'valid', reason: { en: 'A genuine print and the latest one', zh: '真实有效，且为最新打印' } };
}

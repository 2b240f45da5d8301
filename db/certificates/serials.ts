/**
 * Print serials and QR texts. PURE module (the renderer uses it to read what a user pasted).
 *
 * Serial: `<prefix>-<year>-<seq>`, seq zero-padded to 6 digits, one running sequence per document
 * type and year (the year the document is for): AC-2026-000001, HC-2026-000123, NT-2026-000007.
 * QR text: `CL|<docType>|<archiveNo, certificateNo or notice kind>|<serial>` (electron/print).
 */

export const PRINT_DOC_TYPES = ['assistance_card', 'health_card', 'share_certificate', 'notice'] as const;
export type PrintDocType = (typeof PRINT_DOC_TYPES)[number];

export const SERIAL_PREFIX: Record<PrintDocType, string> = {
  assistance_card: 'AC',
  health_card: 'HC',
  share_certificate: 'SC',
  notice: 'NT',
};

const SEQ_DIGITS = 6;
export const MAX_SEQ = 10 ** SEQ_DIGITS - 1;

export const SERIAL_PATTERN = /^(AC|HC|SC|NT)-(\d{4})-(\d{6})$/;

export function formatSerial(docType: PrintDocType, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`serial sequence out of range: ${seq}`);
  return `${SERIAL_PREFIX[docType]}-${year}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

export interface ParsedSerial {
  docType: PrintDocType;
  year: number;
  seq: number;
}

export function parseSerial(text: string): ParsedSerial | null {
  const m = SERIAL_PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  const docType = PRINT_DOC_TYPES.find((t) => SERIAL_PREFIX[t] === m[1]);
  return docType ? { docType, year: Number(m[2]), seq: Number(m[3]) } : null;
}

export interface ParsedQr {
  docType: string;
  ref: string;
  serial: string;
}

/** `CL|type|ref|serial` → its parts; null when the text is not one of our QR texts. */
export function parseQrText(text: string): ParsedQr | null {
  const m = /^CL\|([a-z_]+)\|([^|\r\n]*)\|([^|\r\n]+)$/.exec(text.trim());
  return m ? { docType: m[1]!, ref: m[2]!, serial: m[3]!.trim().toUpperCase() } : null;
}

/** File name of a print: the serial, or the first and last serial of a batch. */
export function printFileName(serials: readonly string[]): string {
  const first = serials[0];
  const last = serials.at(-1);
  if (!first || !last) throw new Error('a print has at least one serial');
  return first === last ? `${first}.pdf` : `${first}_${last}.pdf`;
}

/** What printFileName produces, and nothing else (no path, no traversal). */
export const PRINT_FILE_PATTERN = /^(AC|HC|SC|NT)-\d{4}-\d{6}(_(AC|HC|SC|NT)-\d{4}-\d{6})?\.pdf$/;

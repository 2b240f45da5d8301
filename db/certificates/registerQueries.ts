/** Reading the print register: the paged list and one record by serial. */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Page } from '../shared/zod';
import type { PrintDocType } from './serials';
import { registerQuery } from './schemas';
import { sameDocument } from './register';

export interface PrintRegisterRow {
  id: number;
  serial: string;
  docType: PrintDocType;
  year: number;
  seq: number;
  /** As printed in the QR code (archive number at print time, or the notice kind). */
  ref: string;
  householdId: number | null;
  /** The household's archive number and head today. */
  archiveNo: string | null;
  headName: string | null;
  villageId: number | null;
  village: string | null;
  township: string | null;
  noticeKind: string | null;
  lang: 'zh' | 'en';
  layout: 'a4' | 'cards';
  printedBy: number;
  printedByName: string;
  printedAt: string;
  reprintOf: number | null;
  reprintOfSerial: string | null;
  reprintCount: number;
  fileName: string;
  fileSha256: string;
  /** The latest print of the same document (type, subject, year); false = superseded by a reprint. */
  latest: boolean;
  latestSerial: string;
}

const SELECT = `SELECT p.id, p.serial, p.doc_type AS docType, p.year, p.seq, p.ref, p.household_id AS householdId,
    h.archive_no AS archiveNo, h.head_name AS headName, v.id AS villageId, v.name AS village, t.name AS township,
    p.notice_kind AS noticeKind, p.lang, p.layout, p.printed_by AS printedBy,
    coalesce(u.display_name, '#' || p.printed_by) AS printedByName, p.printed_at AS printedAt,
    p.reprint_of AS reprintOf, f.serial AS reprintOfSerial, p.reprint_count AS reprintCount,
    p.file_name AS fileName, p.file_sha256 AS fileSha256,
    (SELECT q.serial FROM print_register q WHERE ${sameDocument('p', 'q')} ORDER BY q.id DESC LIMIT 1) AS latestSerial`;

const FROM = `FROM print_register p
  LEFT JOIN households h ON h.id = p.household_id
  LEFT JOIN villages v ON v.id = coalesce(p.village_id, h.village_id)
  LEFT JOIN townships t ON t.id = v.township_id
  LEFT JOIN users u ON u.id = p.printed_by
  LEFT JOIN print_register f ON f.id = p.reprint_of`;

type RawRow = Omit<PrintRegisterRow, 'latest'>;
const toRow = (r: RawRow): PrintRegisterRow => ({ ...r, latest: r.latestSerial === r.serial });

export function printBySerial(ledger: Ledger, serial: string): PrintRegisterRow | null {
  const row = ledger.sqlite.prepare(`${SELECT} ${FROM} WHERE p.serial = ?`).get(serial) as RawRow | undefined;
  return row ? toRow(row) : null;
}

export function listPrints(ledger: Ledger, raw: z.input<typeof registerQuery>): Page<PrintRegisterRow> {
  const q = registerQuery.parse(raw);
  const clauses: string[] = [];
  const params: Record<string, unknown> = { limit: q.limit, offset: q.offset };
  const add = (clause: string, key: string, value: unknown) => {
    if (value === undefined) return;
    clauses.push(clause);
    params[key] = value;
  };
  add('p.doc_type = @docType', 'docType', q.docType);
  add('p.year = @year', 'year', q.year);
  add('v.id = @villageId', 'villageId', q.villageId);
  add('p.household_id = @householdId', 'householdId', q.householdId);
  add('substr(p.printed_at, 1, 10) >= @from', 'from', q.from);
  add('substr(p.printed_at, 1, 10) <= @to', 'to', q.to);
  if (q.q) {
    add(`(p.serial = upper(@q) OR h.archive_no >= @q AND h.archive_no < @q || char(1114111)
          OR h.head_name >= @q AND h.head_name < @q || char(1114111))`, 'q', q.q);
  }
  if (q.latestOnly) {
    clauses.push(`NOT EXISTS (SELECT 1 FROM print_register n WHERE ${sameDocument('p', 'n')} AND n.id > p.id)`);
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = ledger.sqlite.prepare(`SELECT count(*) ${FROM} ${where}`).pluck().get(params) as number;
  const rows = ledger.sqlite.prepare(`${SELECT} ${FROM} ${where} ORDER BY p.id DESC LIMIT @limit OFFSET @offset`).all(params) as RawRow[];
  return { rows: rows.map(toRow), total, offset: q.offset, limit: q.limit };
}

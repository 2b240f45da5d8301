import { sqliteTable, integer, text, index, uniqueIndex, check, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { typeChecks } from './strict';
import { households, villages } from './registry';
import { users } from './system';

/**
 * The print register (证卡打印登记): one row per printed document. Rows are never changed or
 * removed (triggers in the certificates_append_only migration), so a card in someone's hand can
 * always be checked against what the office printed.
 *
 * - `serial` is `<prefix>-<year>-<seq>` (e.g. `HC-2026-000123`); `seq` runs 1, 2, 3 … per
 *   document type and year with no gap, and is assigned in the transaction that inserts the row.
 * - `subject_key` names what the document is about (`household:12`, `village:3:exit`); the same
 *   type, subject and year printed again is a reprint: `reprint_of` points to the first print and
 *   `reprint_count` is 1 for the first reprint, 2 for the second …
 * - `ref` is the identifier printed in the QR code (archive number, certificate number or notice
 *   kind), kept as printed so that a QR text can be compared with the register.
 */
export const printRegister = sqliteTable('print_register', {
  id: integer('id').primaryKey(),
  serial: text('serial').notNull().unique(),
  docType: text('doc_type').notNull(),
  year: integer('year').notNull(),
  seq: integer('seq').notNull(),
  subjectKey: text('subject_key').notNull(),
  ref: text('ref').notNull(),
  householdId: integer('household_id').references(() => households.id),
  villageId: integer('village_id').references(() => villages.id),
  certificateNo: text('certificate_no'),
  noticeKind: text('notice_kind'),
  lang: text('lang').notNull(),
  layout: text('layout').notNull(),
  printedBy: integer('printed_by').notNull().references(() => users.id),
  printedAt: text('printed_at').notNull(),
  reprintOf: integer('reprint_of').references((): AnySQLiteColumn => printRegister.id),
  reprintCount: integer('reprint_count').notNull().default(0),
  /** The PDF this document was printed into (under <dataDir>/prints) and that file's SHA-256 (hex). */
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
}, (t) => [
  ...typeChecks('print_register', t),
  check('print_register_doc_type_code', sql`"doc_type" IN ('assistance_card', 'health_card', 'share_certificate', 'notice')`),
  check('print_register_lang_code', sql`"lang" IN ('zh', 'en')`),
  check('print_register_layout_code', sql`"layout" IN ('a4', 'cards')`),
  check('print_register_seq_positive', sql`"seq" > 0`),
  check('print_register_reprint', sql`("reprint_of" IS NULL) = ("reprint_count" = 0)`),
  uniqueIndex('print_register_type_year_seq').on(t.docType, t.year, t.seq),
  index('print_register_subject').on(t.docType, t.subjectKey, t.year),
  index('print_register_household').on(t.householdId),
  index('print_register_village').on(t.villageId),
  index('print_register_printed_at').on(t.printedAt),
]);

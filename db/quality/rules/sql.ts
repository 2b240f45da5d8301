/**
 * SQL fragments the rules share, so that "a current member", "an age" or "a payment" mean the
 * same thing in every rule. Aliases: h = households, m = members, v = vouchers, l = voucher_lines.
 */

/** A household still on the books: cancelled (注销) households are left out of most rules. */
export const OPEN_HOUSEHOLD = `h.status <> 'cancelled'`;

/** A member who still counts in the household: not moved out, not deceased. */
export const LIVING_MEMBER = `m.removed = 0 AND m.deceased = 0`;

/** Completed years of age of member m on @asOf. */
export const AGE = `(CAST(substr(@asOf, 1, 4) AS INTEGER) - CAST(substr(m.birth_date, 1, 4) AS INTEGER) - (substr(@asOf, 6) < substr(m.birth_date, 6)))`;

/** An ID number whose positions can be read: 17 digits and a digit or X. */
export const READABLE_ID = `length(m.id_number) = 18 AND substr(m.id_number, 1, 17) NOT GLOB '*[^0-9]*' AND substr(m.id_number, 18) GLOB '[0-9X]'`;

/** The birth date an ID number encodes, as YYYY-MM-DD. */
export const ID_BIRTH = `substr(m.id_number, 7, 4) || '-' || substr(m.id_number, 11, 2) || '-' || substr(m.id_number, 13, 2)`;

/** The sex an ID number encodes (digit 17: odd men, even women). */
export const ID_SEX = `CASE CAST(substr(m.id_number, 17, 1) AS INTEGER) % 2 WHEN 1 THEN 'M' ELSE 'F' END`;

/** Exactly 11 digits (a mainland mobile number), for a column expression. */
export const elevenDigits = (col: string) => `(length(${col}) = 11 AND ${col} NOT GLOB '*[^0-9]*')`;

/**
 * A payment to a household: a debit on an expense account carrying the household (as
 * db/funds/benefits.ts counts benefits), on a voucher that is not itself a reversal and has not
 * been reversed (红字冲销 cancels it). Drafts and reviewed vouchers count too: they are caught
 * before they are posted.
 */
export const PAYMENT_LINES = `voucher_lines l
  JOIN vouchers v ON v.id = l.voucher_id
  JOIN fund_accounts a ON a.id = l.account_id AND a.type = 'expense'`;
export const PAYMENT_WHERE = `l.household_id IS NOT NULL AND l.debit_fen > 0 AND v.origin <> 'reversal'
  AND NOT EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = v.id)`;

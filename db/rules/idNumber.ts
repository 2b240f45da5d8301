// Chinese 18-digit resident identity number (GB 11643-1999).
// Layout: 6-digit division code, 8-digit birth date YYYYMMDD, 3-digit sequence (odd = male,
// even = female), 1 check character (ISO 7064 MOD 11-2, '0'-'9' or 'X').

export type IdProblem = 'empty' | 'excelMangled' | 'length' | 'format' | 'birthDate' | 'checksum';

export type IdCheck =
  | { ok: true; id: string; birthDate: string; sex: 'M' | 'F'; divisionCode: string }
  | { ok: false; reason: IdProblem; message: { zh: string; en: string } };

// Weight of position i (0-based, left to right) is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Full-width → half-width, drop every kind of whitespace, lowercase x → X. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200B-\u200D\u2060]/g, '')
    .replace(/x/g, 'X');
}

export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`idCheckDigit needs exactly 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Local calendar date of `d` as YYYYMMDD (clerks work in local time). */
function compactLocalDate(d: Date): string {
  return `${pad(d.getFullYear(), 4)}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`;
}

function fail(reason: IdProblem, zh: string, en: string): IdCheck {
  return { ok: false, reason, message: { zh, en } };
}

const EXCEL_MESSAGE = {
  zh:
    '身份证号码被 Excel 当成了数字（显示为科学计数法、带“.0”或末尾变成 000），' +
    'Excel 只保留 15 位有效数字，后面的数字已经丢失，无法恢复。' +
    '请把该列单元格格式设置为“文本”，再按身份证原件重新录入号码。',
  en:
    'Excel turned this ID number into a number (scientific notation, a trailing ".0", or ' +
    'trailing 000). Excel keeps only 15 significant digits, so the last digits were lost and ' +
    'cannot be recovered. Format the column as Text and re-enter the ID number from the ID card.',
};

function looksExcelMangled(id: string): boolean {
  if (/^\d+(\.\d+)?E[+-]?\d+$/i.test(id)) return true; // 1.10105E+17
  if (/^\d+\.0+$/.test(id)) return true; // 110105194912310000.0
  // A number with more than 15 significant digits comes back with zeros in place of the tail.
  return /^\d{15}000$/.test(id) && idCheckDigit(id.slice(0, 17)) !== id[17];
}

export function checkIdNumber(raw: string, today: Date = new Date()): IdCheck {
  const id = normalizeIdNumber(raw);
  if (id === '') return fail('empty', '身份证号码为空。', 'The ID number is empty.');
  if (looksExcelMangled(id)) return fail('excelMangled', EXCEL_MESSAGE.zh, EXCEL_MESSAGE.en);
  if (id.length !== 18) {
    return fail(
      'length',
      `身份证号码应为 18 位，实际为 ${id.length} 位。`,
      `An ID number has 18 characters; this one has ${id.length}.`,
    );
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail(
      'format',
      '身份证号码前 17 位必须是数字，最后一位是数字或 X。',
      'The first 17 characters of an ID number must be digits and the last a digit or X.',
    );
  }

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(year, month, day)) {
    return fail(
      'birthDate',
      `身份证号码中的出生日期 ${birthDate} 不是有效日期。`,
      `The birth date in the ID number, ${birthDate}, is not a real date.`,
    );
  }
  if (year < 1900) {
    return fail(
      'birthDate',
      `身份证号码中的出生日期 ${birthDate} 早于 1900 年。`,
      `The birth date in the ID number, ${birthDate}, is before 1900.`,
    );
  }
  if (id.slice(6, 14) > compactLocalDate(today)) {
    return fail(
      'birthDate',
      `身份证号码中的出生日期 ${birthDate} 晚于今天。`,
      `The birth date in the ID number, ${birthDate}, is in the future.`,
    );
  }

  // The expected check digit is deliberately not shown: "fixing" only the last character would
  // hide a typo elsewhere in the number.
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) {
    return fail(
      'checksum',
      '身份证号码校验位不符，可能有数字录错，请与身份证原件核对。',
      'The check digit does not match; a digit is probably mistyped. Compare with the ID card.',
    );
  }

  return {
    ok: true,
    id,
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    divisionCode: id.slice(0, 6),
  };
}

/**
 * Builds a valid synthetic ID (demo and test data only). If the parity of `seq3` does not match
 * `sex` (odd = male), it is moved by one: up, or down when it is already 999.
 */
export function makeIdNumber(
  divisionCode6: string,
  birthDate: string,
  seq3: number,
  sex: 'M' | 'F',
): string {
  if (!/^\d{6}$/.test(divisionCode6)) throw new RangeError(`division code must be 6 digits: ${divisionCode6}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`birth date must be a real YYYY-MM-DD date: ${birthDate}`);
  }
  if (!Number.isInteger(seq3) || seq3 < 0 || seq3 > 999) throw new RangeError(`seq3 must be 0..999: ${seq3}`);
  let seq = seq3;
  if ((seq % 2 === 1) !== (sex === 'M')) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${divisionCode6}${m[1]}${m[2]}${m[3]}${pad(seq, 3)}`;
  return first17 + idCheckDigit(first17);
}

/**
 * Which of the recorded birth date (YYYY-MM-DD) and sex disagree with what the ID number encodes.
 * Only the positions are read (the check digit is not verified here); an ID too malformed to read
 * confirms nothing, so both fields are reported.
 */
export function agreesWith(id: string, birthDate: string, sex: 'M' | 'F'): ('birthDate' | 'sex')[] {
  const n = normalizeIdNumber(id);
  if (!/^\d{17}[\dX]$/.test(n)) return ['birthDate', 'sex'];
  const problems: ('birthDate' | 'sex')[] = [];
  if (`${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}` !== birthDate) problems.push('birthDate');
  if ((Number(n[16]) % 2 === 1 ? 'M' : 'F') !== sex) problems.push('sex');
  return problems;
}

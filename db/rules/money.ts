// Money is integer fen (1 yuan = 100 fen). Plain `number` at the boundary (always a safe integer),
// BigInt for anything that multiplies. No floating point touches an amount.

export class MoneyError extends Error {
  readonly zh: string;
  constructor(en: string, zh: string) {
    super(en);
    this.name = 'MoneyError';
    this.zh = zh;
  }
}

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

function toBigInt(value: number | bigint, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(`${what} must be a safe integer, got ${value}`, `${what} 必须是安全范围内的整数，实际为 ${value}`);
  }
  return BigInt(value);
}

const AMOUNT = /^(?<sign1>[+-]?)[¥￥]?(?<sign2>[+-]?)(?<int>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?<frac>\d*))?元?$/;

/**
 * Parses a yuan amount written by a person or a spreadsheet into fen, exactly.
 * Accepts full-width characters, a '¥'/'￥' prefix, a '元' suffix, '+'/'-' signs and 3-digit
 * comma grouping. More than two decimals are rejected unless the extra ones are zeros ('1.230'
 * loses nothing).
 */
export function parseYuan(text: string): number {
  const s = text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200B-\u200D\u2060]/g, '');
  const shown = JSON.stringify(text);
  const m = AMOUNT.exec(s);
  const g = m?.groups;
  if (!g || (g.sign1 && g.sign2) || !/\d/.test(s)) {
    throw new MoneyError(`Not an amount of money: ${shown}`, `不是有效的金额：${shown}`);
  }
  const frac = (g.frac ?? '').replace(/0+$/, '');
  if (frac.length > 2) {
    throw new MoneyError(
      `An amount can have at most 2 decimal places (fen): ${shown}`,
      `金额最多保留两位小数（到分）：${shown}`,
    );
  }
  const intPart = (g.int ?? '').replace(/,/g, '') || '0';
  const magnitude = BigInt(intPart) * 100n + BigInt(frac.padEnd(2, '0'));
  if (magnitude > MAX_FEN) {
    throw new MoneyError(`Amount is too large: ${shown}`, `金额过大：${shown}`);
  }
  const fen = Number(magnitude);
  const negative = g.sign1 === '-' || g.sign2 === '-';
  return negative && fen !== 0 ? -fen : fen;
}

/** '1,234.56', '-0.07'; grouping (default true) inserts thousands separators. */
export function formatFen(fen: number | bigint, opts: { grouping?: boolean } = {}): string {
  const v = toBigInt(fen, 'Amount in fen');
  const abs = v < 0n ? -v : v;
  let yuan = (abs / 100n).toString();
  if (opts.grouping ?? true) yuan = yuan.replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${v < 0n ? '-' : ''}${yuan}.${cents}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;

/**
 * Chinese capital amount (大写金额), following 《支付结算办法》附件《正确填写票据和结算凭证的基本规定》:
 * - 整 after 元 when there are no 角 and no 分. After 角 the rule says 整 "may be omitted"; we omit
 *   it by default (壹佰元壹角). Pass `zhengAfterJiao: true` for the stricter 《会计基础工作规范》
 *   reading (壹佰元壹角整). Never after 分.
 * - A run of zeros between two non-zero digits is written as one 零 — except zeros at the end of a
 *   万/亿 group or of the yuan part, which the unit absorbs, as in spoken numerals: 壹拾万柒仟元,
 *   陆佰元叁角陆分 (the rule allows writing or omitting 零 there; we always omit). A zero 角
 *   before non-zero 分 is always written: 壹拾元零伍分.
 * - Groups of four digits with 万 and 亿 (万亿 for 10^12), 负 for negatives, 0 → 零元整.
 */
export function capitalAmount(fen: number | bigint, opts: { zhengAfterJiao?: boolean } = {}): string {
  const v = toBigInt(fen, 'Amount in fen');
  if (v === 0n) return '零元整';
  const abs = v < 0n ? -v : v;
  const yuan = abs / 100n;
  const jiao = Number((abs / 10n) % 10n);
  const fenDigit = Number(abs % 10n);

  let out = '';
  let pendingZero = false;
  const write = (text: string) => {
    if (pendingZero) out += '零';
    pendingZero = false;
    out += text;
  };

  if (yuan > 0n) {
    const digits = yuan.toString();
    let groupNonZero = false; // current 4-digit group
    let sectionNonZero = false; // current 8-digit 亿 section
    for (let i = 0; i < digits.length; i++) {
      const pos = digits.length - 1 - i; // 0 = 元 digit
      const d = Number(digits[i]);
      if (d === 0) {
        if (out) pendingZero = true;
      } else {
        write(DIGITS[d]! + SMALL_UNITS[pos % 4]!);
        groupNonZero = sectionNonZero = true;
      }
      if (pos % 4 !== 0) continue;
      const group = pos / 4;
      if (group === 0) {
        out += '元';
        pendingZero = false;
      } else if (group % 2 === 1 && groupNonZero) {
        out += '万';
        pendingZero = false;
      } else if (group % 2 === 0 && sectionNonZero) {
        out += '亿'.repeat(group / 2);
        pendingZero = false;
      }
      groupNonZero = false;
      if (group % 2 === 0) sectionNonZero = false;
    }
  }

  if (jiao !== 0) write(DIGITS[jiao]! + '角');
  else if (out) pendingZero = true;
  if (fenDigit !== 0) write(DIGITS[fenDigit]! + '分');
  else if (jiao === 0 || opts.zhengAfterJiao) out += '整';

  return (v < 0n ? '负' : '') + out;
}

/** floor(a × b / c) and its remainder, exact, for non-negative integers and c > 0. */
export function mulDiv(
  a: bigint | number,
  b: bigint | number,
  c: bigint | number,
): { quotient: bigint; remainder: bigint } {
  const [x, y, z] = [toBigInt(a, 'a'), toBigInt(b, 'b'), toBigInt(c, 'c')];
  if (x < 0n || y < 0n || z <= 0n) {
    throw new RangeError(`mulDiv needs a, b ≥ 0 and c > 0 (got ${x}, ${y}, ${z})`);
  }
  const product = x * y;
  return { quotient: product / z, remainder: product % z };
}

/** Exact sum of fen amounts; throws if any value or the total is not a safe integer. */
export function sumFen(values: Iterable<number>): number {
  let total = 0n;
  for (const v of values) total += toBigInt(v, 'Amount in fen');
  if (total > MAX_FEN || total < -MAX_FEN) {
    throw new MoneyError(`Sum ${total} fen is outside the safe integer range`, `合计 ${total} 分超出安全整数范围`);
  }
  return Number(total);
}

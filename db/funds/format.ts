// PURE module (no runtime imports): shared by the ledger and the renderer.

/** 记-2026-0001: the word 记 (general voucher), the year, the number padded to four digits. */
export function voucherNo(year: number, number: number | null): string | null {
  return number === null ? null : `记-${year}-${String(number).padStart(4, '0')}`;
}

/** Basis points (1/100 of a percent, an integer) as "45.67%". */
export function percentText(bp: number | null): string {
  if (bp === null) return '—';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** part / whole in basis points (45.67% → 4567), truncated, exact; null when whole is 0. */
export function basisPoints(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Number((BigInt(part) * 10000n) / BigInt(whole));
}

/** The dimensions a voucher line can carry, and the line column of each. */
export const DIMENSIONS = ['source', 'project', 'village', 'household', 'asset'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const dimensionField = {
  source: 'sourceId',
  project: 'projectId',
  village: 'villageId',
  household: 'householdId',
  asset: 'assetId',
} as const satisfies Record<Dimension, string>;

export const ACCOUNT_TYPES = ['asset', 'liability', 'net_asset', 'income', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type Side = 'debit' | 'credit';

/** The first digit of a top-level code names its type, as in Chinese charts of accounts. */
export const TYPE_DIGIT: Record<AccountType, string> = { asset: '1', liability: '2', net_asset: '3', income: '4', expense: '5' };
export const NORMAL_SIDE: Record<AccountType, Side> = { asset: 'debit', liability: 'credit', net_asset: 'credit', income: 'credit', expense: 'debit' };

/** Seeded accounts the code refers to (db/migrations/*_funds_chart.sql). */
export const BANK_ACCOUNT = '1001';
const RECEIPT_BY_TYPE: Record<string, string> = { integrated: '4002', counterpart: '4003', donation: '4004' };
const SPECIAL_BY_LEVEL: Record<string, string> = { central: '4001.01', provincial: '4001.02', city: '4001.03', county: '4001.04' };

/** The receipt account a source's money is credited to when it arrives. */
export function receiptAccountCode(type: string, level: string): string {
  return RECEIPT_BY_TYPE[type] ?? SPECIAL_BY_LEVEL[level] ?? '4001.04';
}

export type VoucherStatus = 'draft' | 'reviewed' | 'posted';

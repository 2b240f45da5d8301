import { z } from 'zod';
import { codesOf, type CodeListName, type CodeOf } from '../codes';

/** A value from one of the code lists in db/codes.ts. */
export function zCode<N extends CodeListName>(list: N) {
  return z.enum(codesOf(list) as [CodeOf<N>, ...CodeOf<N>[]]);
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine(isRealDate, 'Not a real calendar date');

export const year = z.number().int().min(1990).max(2100);
export const id = z.number().int().positive();
/** Integer fen; money never travels as a float. */
export const fen = z.number().int().refine(Number.isSafeInteger, 'Amount too large');
export const nonNegativeFen = fen.refine((v) => v >= 0, 'Amount may not be negative');

export const pageInput = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
  limit: number;
}

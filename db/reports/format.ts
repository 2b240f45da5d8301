// PURE module: how a report cell reads, on screen and in the PDF alike.
import { formatFen } from '../rules/money';
import { percentText } from '../funds/format';
import type { Cell, CellKind } from './model';

/** Counts grouped, money in yuan with two decimals, percentages with two, '—' for no percentage. */
export function cellText(kind: CellKind, v: Cell): string {
  if (v === null || v === undefined) return kind === 'percent' ? '—' : '';
  if (typeof v === 'string') return v;
  if (kind === 'money') return formatFen(v);
  if (kind === 'percent') return percentText(v);
  if (kind === 'int') return v.toLocaleString('en-US');
  return String(v);
}

import { useEffect, useState } from 'react';
import { Input, Typography } from 'antd';
import { formatFen, parseYuan } from '../../../db/rules/money';
import { useI18n } from '../i18n';

/** An amount in fen shown as yuan; empty for null and, when `blankZero`, for zero (voucher columns). */
export function Money({ fen, blankZero = false, strong = false }: { fen: number | null | undefined; blankZero?: boolean; strong?: boolean }) {
  if (fen === null || fen === undefined || (blankZero && fen === 0)) return null;
  const text = <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatFen(fen)}</span>;
  return strong ? <Typography.Text strong>{text}</Typography.Text> : text;
}

export const moneyColumn = { align: 'right' as const, render: (v: number) => <Money fen={v} /> };

/**
 * Yuan typed by a person ("1,234.5", "¥12", full-width digits) held as integer fen. The value is
 * null while the text is not an amount, so a form rule can refuse it.
 */
export function MoneyInput({ value, onChange, label, placeholder, id, style }: {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  label: string;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}) {
  const { lang } = useI18n();
  const [text, setText] = useState(value === null || value === undefined || value === 0 ? '' : formatFen(value));
  const [bad, setBad] = useState<string | null>(null);
  useEffect(() => {
    let current: number | null = null;
    try {
      current = text.trim() ? parseYuan(text) : 0;
    } catch {
      current = null;
    }
    if (value !== undefined && value !== current) setText(value === null || value === 0 ? '' : formatFen(value));
    // Only an outside change of value rewrites the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const change = (next: string) => {
    setText(next);
    try {
      const fen = next.trim() ? parseYuan(next) : 0;
      setBad(null);
      onChange?.(fen);
    } catch (err) {
      const e = err as Error & { zh?: string };
      setBad(lang === 'zh' ? e.zh ?? e.message : e.message);
      onChange?.(null);
    }
  };
  return (
    <Input
      id={id}
      aria-label={label}
      aria-invalid={bad ? true : undefined}
      title={bad ?? undefined}
      status={bad ? 'error' : undefined}
      inputMode="decimal"
      placeholder={placeholder}
      value={text}
      onChange={(e) => change(e.target.value)}
      onBlur={() => !bad && text.trim() && setText(formatFen(parseYuan(text)))}
      style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', ...style }}
    />
  );
}

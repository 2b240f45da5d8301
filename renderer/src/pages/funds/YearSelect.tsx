import { Select } from 'antd';
import { useI18n } from '../../i18n';

const thisYear = new Date().getFullYear();

/** A year filter: this year and the ten before, or (when `allowAll`) every year. */
export function YearSelect({ value, onChange, allowAll = true }: { value?: number; onChange: (year: number | undefined) => void; allowAll?: boolean }) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('funds.year')}
      placeholder={t('funds.allYears')}
      allowClear={allowAll}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={Array.from({ length: 12 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }))}
      style={{ width: 120 }}
    />
  );
}

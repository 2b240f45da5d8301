import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';

interface Option {
  value: number;
  label: string;
}

/** One household, found by head name, pinyin, initials or archive number (registry.households). */
export function HouseholdPicker({ value, onChange, villageId }: { value?: number; onChange: (id: number | undefined) => void; villageId?: number }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call('registry.households', { q, villageId, limit: 20 })
        .then((page) => live && setOptions(page.rows.map((h) => ({ value: h.id, label: `${h.archiveNo} ${h.headName} · ${h.village}` }))))
        .catch(() => live && setOptions([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, villageId]);

  return (
    <Select
      aria-label={t('certificates.household')}
      placeholder={t('certificates.householdSearch')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      style={{ minWidth: 340 }}
    />
  );
}

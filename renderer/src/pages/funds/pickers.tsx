import { useState } from 'react';
import { Select } from 'antd';
import { call } from '../../api';
import { useCall } from '../../app/useCall';
import { useI18n } from '../../i18n';

/** The lists every funds form picks from, loaded once per screen. */
export function useFundOptions() {
  const accounts = useCall('funds.accounts', {});
  const sources = useCall('funds.sourceOptions', {});
  const projects = useCall('funds.projectOptions', {});
  const villages = useCall('registry.villageOptions', {});
  return { accounts: accounts.data ?? [], sources: sources.data ?? [], projects: projects.data ?? [], villages: villages.data ?? [] };
}
export type FundOptions = ReturnType<typeof useFundOptions>;

interface PickerProps {
  value?: number | null;
  onChange?: (v: number | null) => void;
  label: string;
  id?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
}

function Picker({ options, value, onChange, label, id, style, allowClear = true }: PickerProps & { options: { value: number; label: string }[] }) {
  return (
    <Select
      id={id}
      aria-label={label}
      placeholder={label}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      style={{ minWidth: 160, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

/** Accounts by code and name; `leavesOnly` for voucher lines, which only go on active leaf accounts. */
export function AccountSelect({ accounts, leavesOnly = false, ...props }: PickerProps & { accounts: FundOptions['accounts']; leavesOnly?: boolean }) {
  const { lang } = useI18n();
  const options = accounts
    .filter((a) => !leavesOnly || (a.leaf && a.active))
    .map((a) => ({ value: a.id, label: `${a.code} ${lang === 'zh' ? a.nameZh : a.nameEn}` }));
  return <Picker options={options} {...props} />;
}

export function SourceSelect({ sources, ...props }: PickerProps & { sources: FundOptions['sources'] }) {
  return <Picker options={sources.map((s) => ({ value: s.id, label: `${s.docNo} ${s.title}` }))} {...props} />;
}

export function ProjectSelect({ projects, ...props }: PickerProps & { projects: FundOptions['projects'] }) {
  return <Picker options={projects.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} {...props} />;
}

export function VillageSelect({ villages, ...props }: PickerProps & { villages: FundOptions['villages'] }) {
  return <Picker options={villages.map((v) => ({ value: v.id, label: v.name }))} {...props} />;
}

/** Households searched as you type (name, pinyin, archive number…), through the registry. */
export function HouseholdPicker({ initialLabel, ...props }: PickerProps & { initialLabel?: string | null }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>(
    props.value && initialLabel ? [{ value: props.value, label: initialLabel }] : [],
  );
  const search = async (q: string) => {
    if (!q.trim()) return;
    const page = await call('registry.households', { q, limit: 20 });
    setOptions(page.rows.map((h) => ({ value: h.id, label: `${h.archiveNo} ${h.headName}（${h.village}）` })));
  };
  return (
    <Select
      id={props.id}
      aria-label={props.label}
      placeholder={props.label}
      allowClear
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={options}
      style={{ minWidth: 180, ...props.style }}
      popupMatchSelectWidth={false}
    />
  );
}

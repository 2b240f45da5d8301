import { Select } from 'antd';
import { codeLists, type CodeListName } from '../../../db/codes';
import { useI18n } from '../i18n';

/** A select over one of the ledger's code lists, labelled in the current language. */
export function CodeSelect({ list, value, onChange, label, allowClear = true, style, id }: {
  list: CodeListName;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  label: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  const { lang } = useI18n();
  const entries: readonly { code: string; zh: string; en: string }[] = codeLists[list];
  return (
    <Select
      id={id}
      aria-label={label}
      placeholder={label}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={entries.map((e) => ({ value: e.code, label: e[lang] }))}
      style={{ minWidth: 140, ...style }}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

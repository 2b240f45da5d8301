import { Flex, Select } from 'antd';
import { useCall } from '../../app/useCall';
import { useI18n } from '../../i18n';

export interface Scope {
  townshipId?: number;
  villageId?: number;
}

/** The whole county, one township, or one village. */
export function ScopePicker({ value, onChange, villageOnly = false }: { value: Scope; onChange: (s: Scope) => void; villageOnly?: boolean }) {
  const { t } = useI18n();
  const townships = useCall('registry.townships', {}).data ?? [];
  const villages = useCall('registry.villageOptions', {}).data ?? [];
  const shown = value.townshipId ? villages.filter((v) => v.townshipId === value.townshipId) : villages;
  return (
    <Flex gap={8} wrap>
      {!villageOnly && (
        <Select
          aria-label={t('quality.township')}
          placeholder={t('quality.allTownships')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 180 }}
          value={value.townshipId}
          onChange={(townshipId?: number) => onChange({ townshipId })}
          options={townships.map((x) => ({ value: x.id, label: x.name }))}
        />
      )}
      <Select
        aria-label={t('quality.village')}
        placeholder={t('quality.allVillages')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 180 }}
        value={value.villageId}
        onChange={(villageId?: number) => onChange({ townshipId: value.townshipId, villageId })}
        options={shown.map((x) => ({ value: x.id, label: x.name }))}
      />
    </Flex>
  );
}

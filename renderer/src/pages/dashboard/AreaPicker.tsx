/** Township and village pickers for the dashboard, the alert lists and the reports. */
import { Select } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';

export interface Area {
  townshipId?: number;
  villageId?: number;
}

export function AreaPicker({ value, onChange }: { value: Area; onChange: (area: Area) => void }) {
  const { t } = useI18n();
  const townships = useCall('registry.townships', {});
  const villages = useCall('registry.villageOptions', {});
  const choices = (villages.data ?? []).filter((v) => !value.townshipId || v.townshipId === value.townshipId);
  return (
    <>
      <Select
        aria-label={t('dashboard.township')}
        placeholder={t('dashboard.wholeCounty')}
        allowClear
        value={value.townshipId}
        onChange={(v) => onChange({ townshipId: v ?? undefined })}
        options={(townships.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }))}
        style={{ minWidth: 150 }}
      />
      <Select
        aria-label={t('dashboard.village')}
        placeholder={t('dashboard.village')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.villageId}
        onChange={(v) => {
          const village = choices.find((c) => c.id === v);
          onChange({ townshipId: village?.townshipId ?? value.townshipId, villageId: v ?? undefined });
        }}
        options={choices.map((v) => ({ value: v.id, label: v.name }))}
        style={{ minWidth: 160 }}
      />
    </>
  );
}

/** The area held in the address bar's parameters. */
export function areaOf(params: URLSearchParams): Area {
  const n = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  return { townshipId: n('townshipId'), villageId: n('villageId') };
}

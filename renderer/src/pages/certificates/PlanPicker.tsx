import { Select } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';

/** The asset-income distribution plans a notice can be posted for: approved or paid, newest first. */
export function PlanPicker({ value, onChange }: { value?: number; onChange: (planId: number) => void }) {
  const { t } = useI18n();
  const plans = useCall('assets.plans', { limit: 200 });
  const rows = (plans.data?.rows ?? []).filter((p) => p.status === 'approved' || p.status === 'paid');
  return (
    <Select
      aria-label={t('certificates.plan')}
      placeholder={rows.length || plans.loading ? t('certificates.planPlaceholder') : t('certificates.noPlans')}
      showSearch={{ optionFilterProp: 'label' }}
      loading={plans.loading}
      value={value}
      onChange={onChange}
      options={rows.map((p) => ({ value: p.id, label: `${p.assetName} · ${p.title}` }))}
      style={{ width: 420, maxWidth: '100%' }}
    />
  );
}

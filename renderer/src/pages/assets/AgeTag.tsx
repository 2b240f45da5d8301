import { Tag } from 'antd';
import { useI18n } from '../../i18n';

/** Days since the oldest undistributed income was received: amber after 90 days, red after a year. */
export function AgeTag({ days }: { days: number | null }) {
  const { t } = useI18n();
  if (days === null) return <Tag>{t('assets.nothingWaiting')}</Tag>;
  const color = days > 365 ? 'red' : days > 90 ? 'orange' : 'blue';
  return <Tag color={color}>{t('assets.daysWaiting', { days })}</Tag>;
}

import { Tag } from 'antd';
import { useI18n } from '../../i18n';

const COLORS: Record<string, string> = { draft: 'default', approved: 'blue', paid: 'green', reversing: 'orange', reversed: 'red', cancelled: 'default' };

export function PlanStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`assets.planStatus.${status}`)}</Tag>;
}

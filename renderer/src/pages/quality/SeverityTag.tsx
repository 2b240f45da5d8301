import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { Severity } from '../../../../db/quality/types';

const COLOR: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return <Tag color={COLOR[severity]}>{t(`quality.severity.${severity}`)}</Tag>;
}

import { Tag } from 'antd';
import { useI18n } from '../../i18n';

const COLOR: Record<string, string> = { draft: 'default', reviewed: 'blue', posted: 'green' };

/** A voucher's status, and its origin when it is not an ordinary voucher. */
export function StatusTag({ status, origin }: { status: string; origin?: string }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={COLOR[status]}>{t(`funds.statusOf.${status}`)}</Tag>
      {origin && origin !== 'manual' && <Tag color={origin === 'reversal' ? 'red' : 'purple'}>{t(`funds.originOf.${origin}`)}</Tag>}
    </>
  );
}

import { Button, Card, Flex, Progress, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { JobView } from '../../components/useJob';

/** A running batch: how far it is, and a way to stop it (nothing is registered then). */
export function BatchProgress({ job, percent, onCancel }: { job: JobView; percent: number; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <Card style={{ marginTop: 16 }}>
      <Flex align="center" gap={16}>
        <Progress percent={percent} aria-label={t('common.progress')} style={{ flex: 1 }} />
        <Button danger onClick={onCancel}>{t('certificates.cancelBatch')}</Button>
      </Flex>
      <Typography.Text type="secondary" role="status">
        {job.total > 0 ? t('certificates.batchProgress', { done: job.done, total: job.total }) : t('certificates.working')}
      </Typography.Text>
    </Card>
  );
}

import { useState } from 'react';
import { Alert, Button, Flex, Input, Table, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { useSession } from '../../app/session';

/** Auditors browse who did what, and check that the chain of audit rows is unbroken. */
export function AuditTrail() {
  const { t } = useI18n();
  const { user } = useSession();
  const allowed = user?.role === 'admin' || user?.role === 'auditor';
  const [filter, setFilter] = useState<{ entity?: string; userName?: string }>({});
  const [page, setPage] = useState({ current: 1, size: 20 });
  const { data, loading } = useCall('audit.list', allowed ? { ...filter, offset: (page.current - 1) * page.size, limit: page.size } : null);
  const [verdict, setVerdict] = useState<ApiOutput<'audit.verify'> | null>(null);

  if (!allowed) return <Alert type="info" showIcon title={t('audit.auditorsOnly')} />;

  return (
    <section aria-labelledby="audit-title">
      <Typography.Title level={3} id="audit-title">{t('nav.audit')}</Typography.Title>
      <Flex gap={8} style={{ marginBottom: 16 }} wrap>
        <Input.Search aria-label={t('audit.entity')} placeholder={t('audit.entity')} allowClear onSearch={(v) => setFilter((f) => ({ ...f, entity: v || undefined }))} style={{ width: 200 }} />
        <Input.Search aria-label={t('audit.user')} placeholder={t('audit.user')} allowClear onSearch={(v) => setFilter((f) => ({ ...f, userName: v || undefined }))} style={{ width: 200 }} />
        <Button onClick={async () => setVerdict(await call('audit.verify', {}))}>{t('audit.verify')}</Button>
      </Flex>
      {verdict && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          title={verdict.ok ? t('audit.intact', { rows: verdict.rows }) : t('audit.broken', { seq: verdict.brokenAt })}
        />
      )}
      <Table
        rowKey="seq"
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, onChange: (current, size) => setPage({ current, size }) }}
        expandable={{ expandedRowRender: (r) => <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{`before: ${r.before ?? '—'}\nafter: ${r.after ?? '—'}`}</pre> }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), dataIndex: 'at' },
          { title: t('audit.user'), dataIndex: 'userName' },
          { title: t('audit.method'), dataIndex: 'method' },
          { title: t('audit.entity'), dataIndex: 'entity' },
          { title: 'ID', dataIndex: 'entityId' },
          { title: t('audit.action'), dataIndex: 'action' },
        ]}
      />
    </section>
  );
}

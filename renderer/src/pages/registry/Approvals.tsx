import { useState } from 'react';
import { Alert, Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { errorText } from '../../components/errors';
import { useRegistryRoles } from './roles';

type Row = ApiOutput<'registry.pendingStatus'>['rows'][number];

/** The reviewer's queue: status changes waiting for a decision; several may be approved at once. */
export function Approvals() {
  const { t, lang, label } = useI18n();
  const roles = useRegistryRoles();
  const [page, setPage] = useState({ current: 1, size: 50 });
  const { data, loading, reload } = useCall('registry.pendingStatus', { offset: (page.current - 1) * page.size, limit: page.size });
  const [selected, setSelected] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await call('registry.decideStatus', { eventIds: selected, decision, note });
      setSelected([]);
      setNote('');
      reload();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="approvals-title">
      <Typography.Title level={3} id="approvals-title">{t('reg.approvals.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('reg.approvals.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      {roles.decide && (
        <Flex gap={8} style={{ marginBottom: 12 }} wrap>
          <Input aria-label={t('reg.status.note')} placeholder={t('reg.status.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 320 }} />
          <Button type="primary" disabled={!selected.length} loading={busy} onClick={() => decide('approve')}>{t('reg.approvals.approveSelected', { count: selected.length })}</Button>
          <Button danger disabled={!selected.length || !note.trim()} loading={busy} onClick={() => decide('reject')}>{t('reg.approvals.rejectSelected', { count: selected.length })}</Button>
        </Flex>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        rowSelection={roles.decide ? {
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (r: Row) => ({ disabled: r.proposedBy === roles.userId, 'aria-label': `${r.archiveNo} ${label('statusEventType', r.type)}` }),
        } : undefined}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        columns={[
          { title: t('registry.archiveNo'), dataIndex: 'archiveNo', render: (v: string, r: Row) => <a href={href(`registry/household/${r.householdId}?tab=status`)}>{v}</a> },
          { title: t('registry.headName'), dataIndex: 'headName' },
          { title: t('registry.village'), dataIndex: 'village' },
          { title: t('registry.status'), dataIndex: 'status', render: (v: string) => label('householdStatus', v) },
          {
            title: t('reg.status.type'), dataIndex: 'type',
            render: (v: string, r: Row) => <>{label('statusEventType', v)}{r.monitoringType && <Tag color="orange" style={{ marginLeft: 6 }}>{label('monitoringType', r.monitoringType)}</Tag>}</>,
          },
          { title: t('reg.status.date'), dataIndex: 'eventDate' },
          { title: t('reg.status.reason'), dataIndex: 'reason' },
          { title: t('reg.approvals.proposer'), dataIndex: 'proposedByName' },
        ]}
      />
    </section>
  );
}

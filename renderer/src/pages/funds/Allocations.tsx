import { Table } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { moneyColumn } from '../../components/Money';

/** The allocations of one source or of one project (remount it with a new key to reload). */
export function Allocations({ sourceId, projectId }: { sourceId?: number; projectId?: number }) {
  const { t } = useI18n();
  const { data, loading } = useCall('funds.allocations', { sourceId, projectId });
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={data ?? []}
      locale={{ emptyText: t('funds.noAllocations') }}
      columns={[
        { title: t('funds.allocatedOn'), dataIndex: 'allocatedOn' },
        sourceId
          ? { title: t('funds.project'), dataIndex: 'projectName', render: (v: string, r) => <a href={href(`funds/project/${r.projectId}`)}>{r.projectCode} {v}</a> }
          : { title: t('funds.source'), dataIndex: 'sourceDocNo', render: (v: string, r) => `${v} ${r.sourceTitle}` },
        { title: t('funds.allocationDocNo'), dataIndex: 'docNo' },
        { title: t('funds.amount'), dataIndex: 'amountFen', ...moneyColumn },
        { title: t('funds.note'), dataIndex: 'note' },
      ]}
    />
  );
}

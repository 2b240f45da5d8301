import { useState } from 'react';
import { Select, Table } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href, navigate } from '../../app/router';
import { moneyColumn } from '../../components/Money';
import { PlanStatusTag } from './PlanStatusTag';

const STATUSES = ['draft', 'approved', 'paid', 'reversing', 'reversed', 'cancelled'] as const;

/** Distribution plans, newest first, of one asset or all. */
export function PlanTable({ assetId }: { assetId?: number }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<(typeof STATUSES)[number] | undefined>();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const plans = useCall('assets.plans', { assetId, status, offset: (page.current - 1) * page.size, limit: page.size });
  return (
    <>
      <Select aria-label={t('assets.planStatusFilter')} placeholder={t('assets.planStatusFilter')} allowClear value={status}
        onChange={(v) => { setStatus(v); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 180, marginBottom: 8 }}
        options={STATUSES.map((s) => ({ value: s, label: t(`assets.planStatus.${s}`) }))} />
      <Table
        rowKey="id"
        size="small"
        loading={plans.loading}
        dataSource={plans.data?.rows ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: t('assets.noPlans') }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`assets/plan/${r.id}`) })}
        pagination={{ current: page.current, pageSize: page.size, total: plans.data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        columns={[
          { title: t('assets.planTitle'), dataIndex: 'title', render: (v: string, r) => <a href={href(`assets/plan/${r.id}`)}>{v}</a> },
          ...(assetId ? [] : [{ title: t('assets.asset'), key: 'asset', render: (_: unknown, r: { assetCode: string; assetName: string }) => `${r.assetCode} ${r.assetName}` }]),
          { title: t('assets.asOf'), dataIndex: 'asOf', width: 110 },
          { title: t('assets.total'), dataIndex: 'totalFen', ...moneyColumn },
          { title: t('assets.postPart'), dataIndex: 'postFen', ...moneyColumn },
          { title: t('assets.worksPart'), dataIndex: 'worksFen', ...moneyColumn },
          { title: t('assets.sharesPart'), dataIndex: 'sharesFen', ...moneyColumn },
          { title: t('assets.preparedBy'), dataIndex: 'preparedBy' },
          { title: t('assets.approvedBy'), dataIndex: 'approvedBy' },
          { title: t('assets.payDate'), dataIndex: 'payDate' },
          { title: t('assets.status'), dataIndex: 'status', render: (v: string) => <PlanStatusTag status={v} /> },
        ]}
      />
    </>
  );
}

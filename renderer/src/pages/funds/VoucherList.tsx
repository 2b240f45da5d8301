import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href, navigate } from '../../app/router';
import { moneyColumn } from './money';
import { useFundRoles } from './roles';
import { StatusTag } from './StatusTag';
import { YearSelect } from './YearSelect';

type Status = 'draft' | 'reviewed' | 'posted';

/** 凭证: drafts and reviewed vouchers waiting first, then the posted ones by number. */
export function VoucherList() {
  const { t } = useI18n();
  const roles = useFundRoles();
  const [filter, setFilter] = useState<{ year?: number; status?: Status; q: string; from?: string; to?: string }>({ q: '' });
  const [page, setPage] = useState({ current: 1, size: 20 });
  const { data, loading } = useCall('funds.vouchers', { ...filter, offset: (page.current - 1) * page.size, limit: page.size });
  const set = (change: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setPage((p) => ({ ...p, current: 1 }));
  };

  return (
    <section aria-labelledby="vouchers-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="vouchers-title">{t('funds.nav.vouchers')}</Typography.Title>
        {roles.prepare && <Button type="primary" onClick={() => navigate('funds/voucher/new')}>{t('funds.newVoucher')}</Button>}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('common.search')} placeholder={t('funds.voucherSearch')} allowClear onSearch={(q) => set({ q })} style={{ width: 260 }} />
        <YearSelect value={filter.year} onChange={(year) => set({ year })} />
        <Select aria-label={t('funds.status')} placeholder={t('funds.status')} allowClear value={filter.status} style={{ width: 130 }}
          onChange={(status) => set({ status })}
          options={(['draft', 'reviewed', 'posted'] as const).map((s) => ({ value: s, label: t(`funds.statusOf.${s}`) }))} />
        <Input type="date" aria-label={t('funds.from')} value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} style={{ width: 150 }} />
        <Input type="date" aria-label={t('funds.to')} value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} style={{ width: 150 }} />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`funds/voucher/${r.id}`) })}
        columns={[
          { title: t('funds.voucherNo'), dataIndex: 'voucherNo', render: (v: string | null, r) => <a href={href(`funds/voucher/${r.id}`)}>{v ?? `${t('funds.unnumbered')} #${r.id}`}</a> },
          { title: t('funds.date'), dataIndex: 'date' },
          { title: t('funds.memo'), dataIndex: 'memo' },
          { title: t('funds.amount'), dataIndex: 'totalFen', ...moneyColumn },
          { title: t('funds.status'), dataIndex: 'status', render: (v: string, r) => <StatusTag status={v} origin={r.origin} /> },
          { title: t('funds.preparedBy'), dataIndex: 'preparedBy' },
          { title: t('funds.reviewedBy'), dataIndex: 'reviewedBy' },
          { title: t('funds.postedBy'), dataIndex: 'postedBy' },
          { title: t('funds.reversal'), key: 'rev', render: (_: unknown, r) => (r.reversesNo ? `${t('funds.reverses')} ${r.reversesNo}` : r.reversedByNo ? `${t('funds.reversedBy')} ${r.reversedByNo}` : '') },
        ]}
      />
    </section>
  );
}

import { useState } from 'react';
import { Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href, navigate } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { moneyColumn } from '../funds/money';
import { useAssetRoles } from './roles';
import { AgeTag } from './AgeTag';

type Filter = { q: string; assetClass?: string; category?: string; status?: string };

/** 资产登记: the asset register with cost, shares in force and how long income has been waiting. */
export function AssetList() {
  const { t, label } = useI18n();
  const roles = useAssetRoles();
  const [filter, setFilter] = useState<Filter>({ q: '' });
  const [page, setPage] = useState({ current: 1, size: 20 });
  const { data, loading } = useCall('assets.list', {
    q: filter.q, assetClass: filter.assetClass as never, category: filter.category as never, status: filter.status as never,
    offset: (page.current - 1) * page.size, limit: page.size,
  });
  const set = (change: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  return (
    <section aria-labelledby="assets-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="assets-title">{t('assets.register')}</Typography.Title>
        {roles.keep && <Button type="primary" onClick={() => navigate('assets/new')}>{t('assets.newAsset')}</Button>}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('common.search')} placeholder={t('assets.searchPlaceholder')} allowClear onSearch={(q) => set({ q })} style={{ width: 260 }} />
        <CodeSelect list="assetClass" label={t('assets.assetClass')} value={filter.assetClass} onChange={(assetClass) => set({ assetClass })} />
        <CodeSelect list="assetCategory" label={t('assets.category')} value={filter.category} onChange={(category) => set({ category })} />
        <CodeSelect list="assetStatus" label={t('assets.status')} value={filter.status} onChange={(status) => set({ status })} />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        scroll={{ x: true }}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`assets/asset/${r.id}`) })}
        columns={[
          { title: t('assets.code'), dataIndex: 'code', render: (v: string, r) => <a href={href(`assets/asset/${r.id}`)}>{v}</a> },
          { title: t('assets.name'), dataIndex: 'name' },
          { title: t('assets.assetClass'), dataIndex: 'assetClass', render: (v: string) => label('assetClass', v) },
          { title: t('assets.category'), dataIndex: 'category', render: (v: string) => label('assetCategory', v) },
          { title: t('assets.ownership'), dataIndex: 'ownership', render: (v: string) => label('assetOwnership', v) },
          { title: t('registry.village'), dataIndex: 'village' },
          { title: t('assets.cost'), dataIndex: 'costFen', ...moneyColumn },
          { title: t('assets.sharesInForce'), dataIndex: 'sharesInForce', align: 'right' },
          { title: t('assets.undistributed'), dataIndex: 'undistributedFen', ...moneyColumn },
          { title: t('assets.undistributedAge'), dataIndex: 'undistributedDays', render: (v: number | null) => <AgeTag days={v} /> },
          { title: t('assets.status'), dataIndex: 'status', render: (v: string) => <Tag color={v === 'in_operation' ? 'green' : v === 'idle' ? 'orange' : 'default'}>{label('assetStatus', v)}</Tag> },
        ]}
      />
    </section>
  );
}

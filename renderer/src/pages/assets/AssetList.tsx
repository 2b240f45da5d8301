import { Input, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { moneyColumn } from '../../components/Money';
import { PagedList, usePagedFilter } from '../../components/PagedList';
import { useAssetRoles } from './roles';
import { AgeTag } from './AgeTag';

type Filter = { q: string; assetClass?: string; category?: string; status?: string };

const assetPath = (r: { id: number }) => `assets/asset/${r.id}`;

/** 资产登记: the asset register with cost, shares in force and how long income has been waiting. */
export function AssetList() {
  const { t, label } = useI18n();
  const roles = useAssetRoles();
  const { filter, set, page, setPage, range } = usePagedFilter<Filter>({ q: '' });
  const { data, loading } = useCall('assets.list', {
    q: filter.q, assetClass: filter.assetClass as never, category: filter.category as never, status: filter.status as never,
    ...range,
  });
  return (
    <PagedList
      titleId="assets-title"
      title={t('assets.register')}
      create={roles.keep ? { label: t('assets.newAsset'), path: 'assets/new' } : undefined}
      filters={<>
        <Input.Search aria-label={t('common.search')} placeholder={t('assets.searchPlaceholder')} allowClear onSearch={(q) => set({ q })} style={{ width: 260 }} />
        <CodeSelect list="assetClass" label={t('assets.assetClass')} value={filter.assetClass} onChange={(assetClass) => set({ assetClass })} />
        <CodeSelect list="assetCategory" label={t('assets.category')} value={filter.category} onChange={(category) => set({ category })} />
        <CodeSelect list="assetStatus" label={t('assets.status')} value={filter.status} onChange={(status) => set({ status })} />
      </>}
      data={data}
      loading={loading}
      page={page}
      onPage={setPage}
      rowPath={assetPath}
      scrollX
      columns={[
        { title: t('assets.code'), dataIndex: 'code', render: (v: string, r) => <a href={href(assetPath(r))}>{v}</a> },
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
  );
}

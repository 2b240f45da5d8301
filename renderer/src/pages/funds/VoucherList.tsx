import { Input, Select } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { moneyColumn } from '../../components/Money';
import { PagedList, usePagedFilter } from '../../components/PagedList';
import { useFundRoles } from './roles';
import { StatusTag } from './StatusTag';
import { YearSelect } from './YearSelect';

type Status = 'draft' | 'reviewed' | 'posted';
type Filter = { year?: number; status?: Status; q: string; from?: string; to?: string };

const voucherPath = (r: { id: number }) => `funds/voucher/${r.id}`;

/** 凭证: drafts and reviewed vouchers waiting first, then the posted ones by number. */
export function VoucherList() {
  const { t } = useI18n();
  const roles = useFundRoles();
  const { filter, set, page, setPage, range } = usePagedFilter<Filter>({ q: '' });
  const { data, loading } = useCall('funds.vouchers', { ...filter, ...range });

  return (
    <PagedList
      titleId="vouchers-title"
      title={t('funds.nav.vouchers')}
      create={roles.prepare ? { label: t('funds.newVoucher'), path: 'funds/voucher/new' } : undefined}
      filters={<>
        <Input.Search aria-label={t('common.search')} placeholder={t('funds.voucherSearch')} allowClear onSearch={(q) => set({ q })} style={{ width: 260 }} />
        <YearSelect value={filter.year} onChange={(year) => set({ year })} />
        <Select aria-label={t('funds.status')} placeholder={t('funds.status')} allowClear value={filter.status} style={{ width: 130 }}
          onChange={(status) => set({ status })}
          options={(['draft', 'reviewed', 'posted'] as const).map((s) => ({ value: s, label: t(`funds.statusOf.${s}`) }))} />
        <Input type="date" aria-label={t('funds.from')} value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} style={{ width: 150 }} />
        <Input type="date" aria-label={t('funds.to')} value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} style={{ width: 150 }} />
      </>}
      data={data}
      loading={loading}
      page={page}
      onPage={setPage}
      rowPath={voucherPath}
      columns={[
        { title: t('funds.voucherNo'), dataIndex: 'voucherNo', render: (v: string | null, r) => <a href={href(voucherPath(r))}>{v ?? `${t('funds.unnumbered')} #${r.id}`}</a> },
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
  );
}

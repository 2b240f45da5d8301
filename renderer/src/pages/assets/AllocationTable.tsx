import { useState } from 'react';
import { Checkbox, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import type { ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { Money, moneyColumn } from '../../components/Money';

type Kind = 'dividend' | 'post' | 'works';
type Row = ApiOutput<'assets.allocations'>['rows'][number];

/**
 * The preview: every allocation of a plan, fetched a page at a time from the ledger (up to 500
 * rows a page) and drawn as a virtual table, so 60,000 shareholders stay smooth.
 */
export function AllocationTable({ planId }: { planId: number }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [q, setQ] = useState('');
  const [excludedOnly, setExcludedOnly] = useState(false);
  const [page, setPage] = useState({ current: 1, size: 100 });
  const rows = useCall('assets.allocations', {
    planId, kind: kind === 'all' ? undefined : kind, q, excludedOnly, offset: (page.current - 1) * page.size, limit: page.size,
  });
  const reset = () => setPage((p) => ({ ...p, current: 1 }));
  const who = (r: Row) => (r.householdId
    ? <a href={href(`assets/statement?householdId=${r.householdId}`)}>{r.archiveNo} {r.name}</a>
    : r.kind === 'works' ? t('assets.worksOf', { village: r.village }) : t('assets.collectiveOf', { village: r.village }));
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <Segmented aria-label={t('assets.allocationKind')} value={kind} onChange={(v) => { setKind(v as Kind | 'all'); reset(); }}
          options={(['all', 'dividend', 'post', 'works'] as const).map((k) => ({ value: k, label: t(`assets.kinds.${k}`) }))} />
        <Input.Search aria-label={t('assets.allocationSearch')} placeholder={t('assets.allocationSearch')} allowClear onSearch={(v) => { setQ(v); reset(); }} style={{ width: 240 }} />
        <Checkbox checked={excludedOnly} onChange={(e) => { setExcludedOnly(e.target.checked); reset(); }}>{t('assets.excludedOnly')}</Checkbox>
        <Typography.Text role="status">{t('assets.pageSum')}: <Money fen={rows.data?.sumFen ?? 0} strong /></Typography.Text>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        virtual
        scroll={{ x: 900, y: 480 }}
        loading={rows.loading}
        dataSource={rows.data?.rows ?? []}
        pagination={{
          current: page.current, pageSize: page.size, total: rows.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [50, 100, 500],
          showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }),
        }}
        columns={[
          { title: t('assets.kind'), dataIndex: 'kind', width: 120, render: (v: Kind) => t(`assets.kinds.${v}`) },
          { title: t('assets.holder'), key: 'who', width: 260, render: (_: unknown, r) => who(r) },
          { title: t('registry.village'), dataIndex: 'village', width: 140 },
          { title: t('assets.unitsTimesWeight'), dataIndex: 'weight', width: 120, align: 'right' },
          { title: t('assets.amount'), dataIndex: 'amountFen', width: 140, ...moneyColumn },
          { title: t('assets.eligibility'), dataIndex: 'excluded', width: 160, render: (v: string | null) => (v ? <Tag color="red">{t(`assets.excluded.${v}`)}</Tag> : <Tag color="green">{t('assets.eligible')}</Tag>) },
        ]}
      />
    </>
  );
}

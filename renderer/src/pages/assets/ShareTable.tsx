import { useState } from 'react';
import { Button, Checkbox, Flex, Input, Table, Tag } from 'antd';
import type { ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { todayIso } from './dates';
import { useAssetRoles } from './roles';
import { WithdrawForm } from './WithdrawForm';

type Share = ApiOutput<'assets.shares'>['rows'][number];

/** Shares with their certificate numbers, of one asset or of all; withdrawal from here. */
export function ShareTable({ assetId, showAsset = false }: { assetId?: number; showAsset?: boolean }) {
  const { t, label } = useI18n();
  const roles = useAssetRoles();
  const [q, setQ] = useState('');
  const [inForceOnly, setInForceOnly] = useState(false);
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [withdrawing, setWithdrawing] = useState<Share | null>(null);
  const shares = useCall('assets.shares', { assetId, q, activeOn: inForceOnly ? todayIso() : undefined, offset: (page.current - 1) * page.size, limit: page.size });
  const holder = (r: Share) => r.householdId
    ? <a href={href(`assets/statement?householdId=${r.householdId}`)}>{r.archiveNo} {r.holderName}</a>
    : <a href={href(`assets/statement?villageId=${r.villageId}`)}>{t('assets.collectiveOf', { village: r.village })}</a>;
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <Input.Search aria-label={t('assets.shareSearch')} placeholder={t('assets.shareSearch')} allowClear onSearch={(v) => { setQ(v); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 260 }} />
        <Checkbox checked={inForceOnly} onChange={(e) => { setInForceOnly(e.target.checked); setPage((p) => ({ ...p, current: 1 })); }}>{t('assets.inForceOnly')}</Checkbox>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={shares.loading}
        dataSource={shares.data?.rows ?? []}
        scroll={{ x: true }}
        pagination={{ current: page.current, pageSize: page.size, total: shares.data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        columns={[
          { title: t('assets.certificateNo'), dataIndex: 'certificateNo' },
          ...(showAsset ? [{ title: t('assets.asset'), key: 'asset', render: (_: unknown, r: Share) => <a href={href(`assets/asset/${r.assetId}`)}>{r.assetCode} {r.assetName}</a> }] : []),
          { title: t('assets.holder'), key: 'holder', render: (_: unknown, r) => holder(r) },
          { title: t('registry.village'), dataIndex: 'village' },
          { title: t('registry.status'), dataIndex: 'householdStatus', render: (v: string | null) => (v ? label('householdStatus', v) : '') },
          { title: t('assets.units'), dataIndex: 'units', align: 'right' },
          { title: t('assets.weight'), dataIndex: 'weight', align: 'right' },
          { title: t('assets.validity'), key: 'validity', render: (_: unknown, r) => `${r.fromDate} – ${r.toDate ?? ''}` },
          {
            title: t('assets.shareState'), key: 'state',
            render: (_: unknown, r) => (r.withdrawnOn
              ? <Tag>{t('assets.withdrawnOn', { date: r.withdrawnOn })}{r.successorNo ? ` → ${r.successorNo}` : ''}</Tag>
              : <Tag color={r.inForce ? 'green' : 'default'}>{r.inForce ? t('assets.inForce') : t('assets.notInForce')}</Tag>),
          },
          ...(roles.keep ? [{
            title: t('assets.actions'), key: 'actions',
            render: (_: unknown, r: Share) => (!r.withdrawnOn && (
              <Button size="small" onClick={() => setWithdrawing(r)} aria-label={`${t('assets.withdraw')} ${r.certificateNo}`}>{t('assets.withdraw')}</Button>
            )),
          }] : []),
        ]}
      />
      <WithdrawForm share={withdrawing} onClose={() => setWithdrawing(null)} onSaved={() => { setWithdrawing(null); shares.reload(); }} />
    </>
  );
}

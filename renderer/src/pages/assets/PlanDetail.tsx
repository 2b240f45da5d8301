import { Alert, Card, Descriptions, Flex, Space, Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { errorText } from '../../components/errors';
import { percentText } from '../../../../db/funds/format';
import { Money, moneyColumn } from '../../components/Money';
import { PlanStatusTag } from './PlanStatusTag';
import { PlanActions } from './PlanActions';
import { BankListButtons } from './BankListButtons';
import { AllocationTable } from './AllocationTable';

/** One plan: its split and figures, who did what, its vouchers, and the per-household preview. */
export function PlanDetail({ planId }: { planId: number }) {
  const { t, lang } = useI18n();
  const plan = useCall('assets.plan', { planId });
  if (plan.error) return <Alert type="error" showIcon title={errorText(plan.error, lang)} />;
  const p = plan.data;
  if (!p) return null;
  const sharesBp = 10000 - p.postBp - p.worksBp;
  return (
    <article aria-labelledby="plan-title">
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={3} id="plan-title">{p.title} <PlanStatusTag status={p.status} /></Typography.Title>
        <Space wrap>
          <PlanActions plan={p} onChanged={plan.reload} />
          {['approved', 'paid', 'reversing'].includes(p.status) && <BankListButtons planId={p.id} />}
        </Space>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('assets.asset')}><a href={href(`assets/asset/${p.assetId}`)}>{p.assetCode} {p.assetName}</a></Descriptions.Item>
          <Descriptions.Item label={t('assets.asOf')}>{p.asOf}</Descriptions.Item>
          <Descriptions.Item label={t('assets.exitedRule')}>{t(`assets.exitedRules.${p.exitedRule}`)}</Descriptions.Item>
          <Descriptions.Item label={t('assets.total')}><Money fen={p.totalFen} strong /></Descriptions.Item>
          <Descriptions.Item label={`${t('assets.postPart')} (${percentText(p.postBp)})`}><Money fen={p.postFen} /></Descriptions.Item>
          <Descriptions.Item label={`${t('assets.worksPart')} (${percentText(p.worksBp)})`}><Money fen={p.worksFen} /></Descriptions.Item>
          <Descriptions.Item label={`${t('assets.sharesPart')} (${percentText(sharesBp)})`}><Money fen={p.sharesFen} /></Descriptions.Item>
          <Descriptions.Item label={t('assets.paidHouseholds')}>{p.counts.paidHouseholds}</Descriptions.Item>
          <Descriptions.Item label={t('assets.excludedCount')}>{p.counts.excluded}</Descriptions.Item>
          <Descriptions.Item label={t('assets.preparedBy')}>{p.preparedBy} {p.preparedAt.slice(0, 16).replace('T', ' ')}</Descriptions.Item>
          <Descriptions.Item label={t('assets.approvedBy')}>{p.approvedBy ?? '—'} {p.approvedAt?.slice(0, 16).replace('T', ' ')}</Descriptions.Item>
          <Descriptions.Item label={t('assets.paidBy')}>{p.paidBy ?? '—'} {p.payDate ?? ''}</Descriptions.Item>
          {p.reversalReason && <Descriptions.Item label={t('assets.reversal')}>{p.reversalDate} · {p.reversalReason} · {p.reversalRequestedBy} → {p.reversedBy ?? '…'}</Descriptions.Item>}
          <Descriptions.Item label={t('assets.digest')}><Typography.Text code copyable>{p.digest.slice(0, 16)}</Typography.Text></Descriptions.Item>
        </Descriptions>
        {p.counts.withoutBankAccount > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('assets.withoutBankAccount', { n: p.counts.withoutBankAccount })} />}
      </Card>
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <Card title={t('assets.planIncomes')} size="small" style={{ flex: 1, minWidth: 320 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.incomes}
            columns={[
              { title: t('assets.receivedOn'), dataIndex: 'receivedOn' },
              { title: t('assets.period'), dataIndex: 'period' },
              { title: t('assets.distributable'), dataIndex: 'distributableFen', ...moneyColumn },
            ]} />
        </Card>
        <Card title={t('assets.vouchers')} size="small" style={{ flex: 1, minWidth: 320 }}>
          <Table rowKey="id" size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={p.vouchers} locale={{ emptyText: t('assets.noVouchers') }}
            columns={[
              { title: t('assets.voucherNo'), dataIndex: 'voucherNo', render: (v: string, r) => <a href={href(`funds/voucher/${r.id}`)}>{v}</a> },
              { title: t('assets.voucherRole'), dataIndex: 'role', render: (v: string) => t(`assets.voucherRoles.${v}`) },
              { title: t('assets.date'), dataIndex: 'date' },
              { title: t('assets.amount'), dataIndex: 'totalFen', ...moneyColumn },
            ]} />
        </Card>
      </Flex>
      <Card title={t('assets.preview')}>
        <AllocationTable planId={p.id} />
      </Card>
    </article>
  );
}

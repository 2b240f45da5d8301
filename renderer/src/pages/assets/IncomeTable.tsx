import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { moneyColumn } from '../../components/Money';
import { PlanStatusTag } from './PlanStatusTag';

/** An asset's incomes: gross, deductions, distributable, voucher, and the plan that distributes it. */
export function IncomeTable({ assetId }: { assetId: number }) {
  const { t } = useI18n();
  const incomes = useCall('assets.incomes', { assetId });
  return (
    <Table
      rowKey="id"
      size="small"
      loading={incomes.loading}
      dataSource={incomes.data ?? []}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: t('assets.noIncome') }}
      columns={[
        { title: t('assets.receivedOn'), dataIndex: 'receivedOn', width: 110 },
        { title: t('assets.period'), dataIndex: 'period' },
        { title: t('assets.gross'), dataIndex: 'grossFen', ...moneyColumn },
        { title: t('assets.landRent'), dataIndex: 'landRentFen', ...moneyColumn },
        { title: t('assets.taxInsurance'), dataIndex: 'taxInsuranceFen', ...moneyColumn },
        { title: t('assets.maintenance'), dataIndex: 'maintenanceFen', ...moneyColumn },
        { title: t('assets.distributable'), dataIndex: 'distributableFen', ...moneyColumn },
        { title: t('assets.voucherNo'), dataIndex: 'voucherNo', render: (v: string, r) => <a href={href(`funds/voucher/${r.voucherId}`)}>{v}</a> },
        {
          title: t('assets.plan'), key: 'plan',
          render: (_: unknown, r) => (r.planId
            ? <a href={href(`assets/plan/${r.planId}`)}><PlanStatusTag status={r.planStatus!} /></a>
            : <Tag color="orange">{t('assets.waiting')}</Tag>),
        },
      ]}
    />
  );
}

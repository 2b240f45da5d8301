import { Table } from 'antd';
import type { ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { href } from '../../app/router';
import { Money } from '../../components/Money';

type Row = ApiOutput<'funds.journal'>['rows'][number] & { balanceFen?: number };

/** Posted voucher lines (journal, ledger, a project's spending), each linking to its voucher. */
export function LinesTable({ rows, loading, pagination, showBalance = false }: {
  rows: Row[];
  loading?: boolean;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number, size: number) => void } | false;
  showBalance?: boolean;
}) {
  const { t, lang } = useI18n();
  const dims = (r: Row) => [r.sourceDocNo, r.projectCode && `${r.projectCode} ${r.projectName}`, r.villageName,
    r.householdArchiveNo && `${r.householdArchiveNo} ${r.householdHead}`, r.assetId && `${t('funds.asset')} ${r.assetId}`].filter(Boolean).join(' · ');
  return (
    <Table
      rowKey={(r) => `${r.voucherId}-${r.lineNo}`}
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: true }}
      pagination={pagination === false ? false : pagination && { ...pagination, showTotal: (count) => t('common.total', { count }), showSizeChanger: true }}
      columns={[
        { title: t('funds.date'), dataIndex: 'date', width: 105 },
        { title: t('funds.voucherNo'), dataIndex: 'voucherNo', width: 140, render: (v: string, r) => <a href={href(`funds/voucher/${r.voucherId}`)}>{v}</a> },
        { title: t('funds.account'), key: 'account', render: (_: unknown, r) => `${r.accountCode} ${lang === 'zh' ? r.accountNameZh : r.accountNameEn}` },
        { title: t('funds.summary'), key: 'summary', render: (_: unknown, r) => r.summary || r.memo },
        { title: t('funds.debit'), dataIndex: 'debitFen', align: 'right', render: (v: number) => <Money fen={v} blankZero /> },
        { title: t('funds.credit'), dataIndex: 'creditFen', align: 'right', render: (v: number) => <Money fen={v} blankZero /> },
        ...(showBalance ? [{ title: t('funds.balance'), dataIndex: 'balanceFen', align: 'right' as const, render: (v: number) => <Money fen={v} /> }] : []),
        { title: t('funds.dimensions'), key: 'dims', render: (_: unknown, r) => dims(r) },
      ]}
    />
  );
}

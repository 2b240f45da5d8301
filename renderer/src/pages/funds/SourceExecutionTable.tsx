import { Table, type TableColumnType, type TableProps } from 'antd';
import type { ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { percentText } from '../../../../db/funds/format';
import { Money, moneyColumn } from '../../components/Money';

type Execution = ApiOutput<'funds.sourceExecution'>;
type Source = Execution['rows'][number];

/** Sources with amount, received, allocated, spent and progress, and their totals. */
export function SourceExecutionTable({ data, loading, actions, expandable }: {
  data: Execution | null;
  loading: boolean;
  actions?: TableColumnType<Source>;
  expandable?: TableProps<Source>['expandable'];
}) {
  const { t, label } = useI18n();
  const columns: TableColumnType<Source>[] = [
    { title: t('funds.year'), dataIndex: 'year' },
    { title: t('funds.level'), dataIndex: 'level', render: (v: string) => label('fundLevel', v) },
    { title: t('funds.fundType'), dataIndex: 'type', render: (v: string) => label('fundType', v) },
    { title: t('funds.docNo'), dataIndex: 'docNo' },
    { title: t('funds.title'), dataIndex: 'title' },
    { title: t('funds.amount'), dataIndex: 'amountFen', ...moneyColumn },
    { title: t('funds.received'), dataIndex: 'receivedFen', ...moneyColumn },
    { title: t('funds.allocated'), dataIndex: 'allocatedFen', ...moneyColumn },
    { title: t('funds.spent'), dataIndex: 'spentFen', ...moneyColumn },
    { title: t('funds.balance'), dataIndex: 'balanceFen', ...moneyColumn },
    { title: t('funds.progress'), dataIndex: 'progressBp', align: 'right', render: (v: number | null) => percentText(v) },
    ...(actions ? [actions] : []),
  ];
  const totals = data?.totals;
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.rows ?? []}
      pagination={false}
      scroll={{ x: true }}
      expandable={expandable}
      columns={columns}
      summary={() => totals && (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={expandable ? 6 : 5}>{t('funds.total')}</Table.Summary.Cell>
          {[totals.amountFen, totals.receivedFen, totals.allocatedFen, totals.spentFen, totals.balanceFen].map((fen, i) => (
            <Table.Summary.Cell key={i} index={i + 5} align="right"><Money fen={fen} strong /></Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={10} align="right">{percentText(totals.progressBp)}</Table.Summary.Cell>
          {actions && <Table.Summary.Cell index={11} />}
        </Table.Summary.Row>
      )}
    />
  );
}

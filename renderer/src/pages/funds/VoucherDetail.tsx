import { Alert, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { errorText } from '../../components/errors';
import { Money } from '../../components/Money';
import { StatusTag } from './StatusTag';
import { VoucherActions } from './VoucherActions';

/** A voucher as an accountant reads and prints it: lines, totals, the total in capitals, signatures. */
export function VoucherDetail({ voucherId }: { voucherId: number }) {
  const { t, lang } = useI18n();
  const { data: v, error, reload } = useCall('funds.voucher', { voucherId });
  if (error) return <Alert type="error" showIcon title={errorText(error, lang)} />;
  if (!v) return null;
  const who = (name: string | null, at: string | null) => (name ? `${name} ${at ? at.slice(0, 16).replace('T', ' ') : ''}` : '—');
  const link = (id: number | null, no: string | null) => (id ? <a href={href(`funds/voucher/${id}`)}>{no ?? `#${id}`}</a> : null);

  return (
    <article aria-labelledby="voucher-title">
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={3} id="voucher-title">
          {t('funds.voucher')} {v.voucherNo ?? `${t('funds.unnumbered')} #${v.id}`} <StatusTag status={v.status} origin={v.origin} />
        </Typography.Title>
        <VoucherActions voucher={v} onChanged={reload} />
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('funds.date')}>{v.date}</Descriptions.Item>
          <Descriptions.Item label={t('funds.memo')}>{v.memo}</Descriptions.Item>
          <Descriptions.Item label={t('funds.attachments')}>{v.attachments}</Descriptions.Item>
          {v.reversesId && <Descriptions.Item label={t('funds.reverses')}>{link(v.reversesId, v.reversesNo)}</Descriptions.Item>}
          {v.reversedById && <Descriptions.Item label={t('funds.reversedBy')}>{link(v.reversedById, v.reversedByNo)}</Descriptions.Item>}
          {v.originRef && <Descriptions.Item label={t('funds.originRef')}>{v.originRef}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Table
        rowKey="lineNo"
        size="small"
        bordered
        pagination={false}
        dataSource={v.lines}
        scroll={{ x: true }}
        columns={[
          { title: t('funds.summary'), key: 'summary', render: (_: unknown, l) => l.summary || v.memo },
          { title: t('funds.account'), key: 'account', render: (_: unknown, l) => `${l.accountCode} ${lang === 'zh' ? l.accountNameZh : l.accountNameEn}` },
          { title: t('funds.dimensions'), key: 'dims', render: (_: unknown, l) => [l.sourceDocNo, l.projectCode && `${l.projectCode} ${l.projectName}`, l.villageName,
            l.householdArchiveNo && `${l.householdArchiveNo} ${l.householdHead}`, l.assetId && `${t('funds.asset')} ${l.assetId}`].filter(Boolean).join(' · ') },
          { title: t('funds.debit'), dataIndex: 'debitFen', align: 'right', render: (x: number) => <Money fen={x} blankZero /> },
          { title: t('funds.credit'), dataIndex: 'creditFen', align: 'right', render: (x: number) => <Money fen={x} blankZero /> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              {t('funds.total')} · {t('funds.capital')}：<Typography.Text strong data-testid="capital-amount">{v.totalCapital}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right"><Money fen={v.totalFen} strong /></Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right"><Money fen={v.totalFen} strong /></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Flex gap={32} wrap style={{ marginTop: 16 }}>
        <span>{t('funds.preparedBy')}: {who(v.preparedBy, v.preparedAt)}</span>
        <span>{t('funds.reviewedBy')}: {who(v.reviewedBy, v.reviewedAt)}</span>
        <span>{t('funds.postedBy')}: {who(v.postedBy, v.postedAt)}</span>
      </Flex>
    </article>
  );
}

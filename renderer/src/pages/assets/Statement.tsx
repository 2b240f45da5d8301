import { Alert, Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { errorText } from '../../components/errors';
import { Money, moneyColumn } from '../../components/Money';

/** 分红明细: what a household or village collective received from asset income, from which asset, when, on which voucher. */
export function Statement({ householdId, villageId }: { householdId?: number; villageId?: number }) {
  const { t, lang } = useI18n();
  const statement = useCall('assets.statement', householdId ? { householdId } : villageId ? { villageId } : null);
  if (!householdId && !villageId) return <Alert type="info" showIcon title={t('assets.statementPick')} />;
  if (statement.error) return <Alert type="error" showIcon title={errorText(statement.error, lang)} />;
  const s = statement.data;
  if (!s) return null;
  return (
    <article aria-labelledby="statement-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="statement-title">{t('assets.statement')} · {villageId ? t('assets.collectiveOf', { village: s.holder }) : s.holder}</Typography.Title>
        <Flex gap={8}>
          {householdId && <Button href={href(`registry/household/${householdId}`)}>{t('assets.openHousehold')}</Button>}
          <Button onClick={() => window.print()}>{t('assets.print')}</Button>
          <Button onClick={() => window.history.back()}>{t('common.back')}</Button>
        </Flex>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('assets.received')}><Money fen={s.receivedFen} /></Descriptions.Item>
          <Descriptions.Item label={t('assets.reversedAmount')}><Money fen={s.reversedFen} /></Descriptions.Item>
          <Descriptions.Item label={t('assets.net')}><Money fen={s.netFen} strong /></Descriptions.Item>
        </Descriptions>
      </Card>
      <Table rowKey={(r) => `${r.planId}-${r.kind}`} size="small" dataSource={s.rows} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('assets.noPayments') }}
        columns={[
          { title: t('assets.payDate'), dataIndex: 'paidOn', width: 110 },
          { title: t('assets.asset'), key: 'asset', render: (_: unknown, r) => <a href={href(`assets/asset/${r.assetId}`)}>{r.assetCode} {r.assetName}</a> },
          { title: t('assets.plan'), dataIndex: 'planTitle', render: (v: string, r) => <a href={href(`assets/plan/${r.planId}`)}>{v}</a> },
          { title: t('assets.kind'), dataIndex: 'kind', render: (v: string) => t(`assets.kinds.${v}`) },
          { title: t('assets.voucherNo'), dataIndex: 'voucherNo' },
          { title: t('assets.amount'), dataIndex: 'amountFen', ...moneyColumn },
          { title: t('assets.reversedOn'), dataIndex: 'reversedOn' },
          { title: t('assets.net'), dataIndex: 'netFen', ...moneyColumn },
        ]} />
    </article>
  );
}

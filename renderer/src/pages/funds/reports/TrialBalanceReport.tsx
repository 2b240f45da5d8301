import { useState } from 'react';
import { Alert, Flex, Input, Switch, Table, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useCall } from '../../../app/useCall';
import { Money, moneyColumn } from '../../../components/Money';
import { ExportButton } from '../ExportButton';

const year = new Date().getFullYear();

/** 科目余额表 for a range of months; parent accounts indented above their sub-accounts. */
export function TrialBalanceReport() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState({ from: `${year}-01`, to: `${year}-12`, includeZero: false });
  const { data, loading, error } = useCall('funds.trialBalance', range);
  const tot = data?.totals;
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input type="month" aria-label={t('funds.fromMonth')} value={range.from} onChange={(e) => e.target.value && setRange((r) => ({ ...r, from: e.target.value }))} style={{ width: 160 }} />
        <Input type="month" aria-label={t('funds.toMonth')} value={range.to} onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))} style={{ width: 160 }} />
        <label><Switch size="small" checked={range.includeZero} onChange={(includeZero) => setRange((r) => ({ ...r, includeZero }))} /> {t('funds.includeZero')}</label>
        <ExportButton request={{ report: 'trialBalance', params: range }} />
        {data && (data.balanced
          ? <Typography.Text>✓ {t('funds.balanced')}</Typography.Text>
          : <Typography.Text type="danger">{t('funds.notBalanced')}</Typography.Text>)}
      </Flex>
      {error && <Alert type="error" showIcon title={lang === 'zh' ? error.zh : error.message} />}
      <Table
        rowKey="accountId"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.rows ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('funds.accountCode'), dataIndex: 'code' },
          { title: t('funds.account'), key: 'name', render: (_: unknown, r) => <span style={{ paddingLeft: r.depth * 16, fontWeight: r.leaf ? undefined : 600 }}>{lang === 'zh' ? r.nameZh : r.nameEn}</span> },
          { title: t('funds.openingDebit'), dataIndex: 'openingDebit', ...moneyColumn },
          { title: t('funds.openingCredit'), dataIndex: 'openingCredit', ...moneyColumn },
          { title: t('funds.periodDebit'), dataIndex: 'periodDebit', ...moneyColumn },
          { title: t('funds.periodCredit'), dataIndex: 'periodCredit', ...moneyColumn },
          { title: t('funds.closingDebit'), dataIndex: 'closingDebit', ...moneyColumn },
          { title: t('funds.closingCredit'), dataIndex: 'closingCredit', ...moneyColumn },
        ]}
        summary={() => tot && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>{t('funds.total')}</Table.Summary.Cell>
            {[tot.openingDebit, tot.openingCredit, tot.periodDebit, tot.periodCredit, tot.closingDebit, tot.closingCredit].map((fen, i) => (
              <Table.Summary.Cell key={i} index={i + 2} align="right"><Money fen={fen} strong /></Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    </>
  );
}

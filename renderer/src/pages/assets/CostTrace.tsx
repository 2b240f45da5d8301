import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Table, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { errorText } from '../../components/errors';
import { Money, moneyColumn } from '../../components/Money';
import { CostLinkDialog } from './CostLinkDialog';

type Asset = ApiOutput<'assets.get'>;

/** Where the asset's cost comes from: the posted fund-ledger lines traced to it, and their reversals. */
export function CostTrace({ asset, editable, onChanged }: { asset: Asset; editable: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const trace = useCall('assets.cost', { assetId: asset.id });
  const [linking, setLinking] = useState(false);
  const changed = () => {
    trace.reload();
    onChanged();
  };
  const unlink = async (lineId: number) => {
    try {
      await call('assets.unlinkCost', { assetId: asset.id, lineId });
      changed();
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text>{t('assets.costTotal')}: <Money fen={trace.data?.costFen ?? 0} strong /></Typography.Text>
        {editable && asset.status !== 'disposed' && <Button onClick={() => setLinking(true)}>{t('assets.linkCost')}</Button>}
      </Flex>
      <Table
        rowKey="lineId"
        size="small"
        loading={trace.loading}
        dataSource={trace.data?.lines ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('assets.noCost') }}
        columns={[
          { title: t('assets.date'), dataIndex: 'date', width: 105 },
          { title: t('assets.voucherNo'), dataIndex: 'voucherNo', render: (v: string, r) => <a href={href(`funds/voucher/${r.voucherId}`)}>{v}</a> },
          { title: t('assets.account'), key: 'account', render: (_: unknown, r) => `${r.accountCode} ${lang === 'zh' ? r.accountNameZh : r.accountNameEn}` },
          { title: t('assets.summary'), key: 'summary', render: (_: unknown, r) => r.summary || r.memo },
          { title: t('assets.source'), dataIndex: 'sourceDocNo' },
          { title: t('assets.project'), key: 'project', render: (_: unknown, r) => (r.projectCode ? `${r.projectCode} ${r.projectName}` : '') },
          { title: t('assets.amount'), dataIndex: 'amountFen', ...moneyColumn },
          { title: t('assets.reversedBy'), dataIndex: 'reversedByNo' },
          { title: t('assets.net'), dataIndex: 'netFen', ...moneyColumn },
          ...(editable ? [{
            title: t('assets.actions'), key: 'actions',
            render: (_: unknown, r: { lineId: number }) => (
              <Popconfirm title={t('assets.confirmUnlink')} onConfirm={() => unlink(r.lineId)}>
                <Button size="small" aria-label={`${t('assets.unlink')} ${r.lineId}`}>{t('assets.unlink')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
      <CostLinkDialog open={linking} asset={asset} onClose={() => setLinking(false)} onLinked={() => { setLinking(false); changed(); }} />
    </>
  );
}

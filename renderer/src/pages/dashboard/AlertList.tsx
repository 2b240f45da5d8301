/** One alert as a work list: paged rows with links to the household, voucher or asset, and an .xlsx export. */
import { useState } from 'react';
import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatFen } from '../../../../db/rules/money';
import { call, type ApiInput, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href, navigate, useRoute } from '../../app/router';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';
import { AreaPicker, areaOf, type Area } from './AreaPicker';
import { SEVERITY_COLOR } from './AlertsPanel';

type Key = ApiInput<'dashboard.alertRows'>['key'];
type Row = ApiOutput<'dashboard.alertRows'>['rows'][number];

export function AlertList({ alertKey }: { alertKey: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { params } = useRoute();
  const area = areaOf(params);
  const page = Number(params.get('page') ?? 1);
  const size = Number(params.get('size') ?? 50);
  const key = alertKey as Key;
  const { data, loading, error } = useCall('dashboard.alertRows', { key, ...area, offset: (page - 1) * size, limit: size });
  const [busy, setBusy] = useState(false);
  const set = (next: { area?: Area; page?: number; size?: number }) => {
    const a = next.area ?? area;
    navigate(`alerts/${key}`, { townshipId: a.townshipId, villageId: a.villageId, page: next.page ?? page, size: next.size ?? size });
  };

  const exportXlsx = async () => {
    setBusy(true);
    try {
      saveFile(await call('dashboard.alertExport', { key, ...area, lang }));
    } catch (err) {
      void message.error(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const subject = data?.alert.subject;
  const columns: ColumnsType<Row> = [
    { title: t('alerts.township'), dataIndex: 'township' },
    { title: t('alerts.village'), dataIndex: 'village' },
    ...(subject === 'asset' ? [] : [
      { title: t('alerts.archiveNo'), dataIndex: 'archiveNo', render: (v: string, r: Row) => (r.householdId ? <a href={href(`registry/household/${r.householdId}`)}>{v}</a> : v) },
      { title: t('alerts.headName'), dataIndex: 'headName' },
    ]),
    ...(subject === 'member' || subject === 'payment' ? [
      { title: t('alerts.member'), dataIndex: 'memberName' },
      { title: t('alerts.idNumber'), dataIndex: 'idNumber' },
    ] : []),
    { title: t('alerts.date'), dataIndex: 'date' },
    ...(subject === 'payment' || subject === 'asset' ? [
      { title: t('alerts.amount'), dataIndex: 'amountFen', align: 'right' as const, render: (v: number | null) => (v === null ? '' : formatFen(v)) },
    ] : []),
    { title: t('alerts.detail'), key: 'detail', render: (_: unknown, r: Row) => r.detail[lang] },
    ...(subject === 'payment' ? [{ title: t('alerts.voucher'), key: 'voucher', render: (_: unknown, r: Row) => <a href={href(`funds/voucher/${r.voucherId}`)}>{t('alerts.openVoucher')}</a> }] : []),
    ...(subject === 'asset' ? [{ title: t('alerts.asset'), key: 'asset', render: (_: unknown, r: Row) => <a href={href(`assets/asset/${r.assetId}`)}>{t('alerts.openAsset')}</a> }] : []),
  ];

  return (
    <section aria-labelledby="alert-title">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} id="alert-title" style={{ margin: 0 }}>
          {data && <Tag color={SEVERITY_COLOR[data.alert.severity]}>{t(`alerts.severity.${data.alert.severity}`)}</Tag>}
          {data ? data.alert.title[lang] : t('alerts.title')}
        </Typography.Title>
        <Flex gap={8}>
          <Button href={href('home')}>{t('alerts.back')}</Button>
          <Button type="primary" onClick={exportXlsx} loading={busy} disabled={!data?.total}>{t('alerts.export')}</Button>
        </Flex>
      </Flex>
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {data.alert.explanation[lang]} {t('alerts.asOf', { date: data.asOf })}
        </Typography.Paragraph>
      )}
      {error && <Typography.Text type="danger">{error.text(lang)}</Typography.Text>}
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <AreaPicker value={area} onChange={(a) => set({ area: a, page: 1 })} />
      </Flex>
      <Table
        rowKey={(r) => `${r.householdId}-${r.memberId}-${r.voucherId}-${r.assetId}-${r.date}`}
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        columns={columns}
        locale={{ emptyText: t('alerts.none') }}
        pagination={{
          current: page, pageSize: size, total: data?.total ?? 0, showSizeChanger: true,
          showTotal: (count) => t('common.total', { count }),
          onChange: (p, s) => set({ page: p, size: s }),
        }}
      />
    </section>
  );
}

import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { errorText } from '../../components/errors';
import { useFundRoles } from './roles';
import { YearSelect } from './YearSelect';

/** 结账: the months of a year, closed or open; closing needs every voucher of the month posted. */
export function PeriodsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const roles = useFundRoles();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, loading, reload } = useCall('funds.periods', { year });
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      reload();
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };
  return (
    <section aria-labelledby="periods-title">
      <Typography.Title level={3} id="periods-title">{t('funds.nav.periods')}</Typography.Title>
      <Flex gap={8} style={{ marginBottom: 16 }}><YearSelect value={year} allowAll={false} onChange={(y) => y && setYear(y)} /></Flex>
      <Table
        rowKey="period"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data ?? []}
        columns={[
          { title: t('funds.period'), dataIndex: 'period' },
          { title: t('funds.state'), dataIndex: 'closed', render: (closed: boolean, p) => (closed ? <Tag color="red">{t('funds.closed')} · {p.closedBy} {p.closedAt?.slice(0, 10)}</Tag> : <Tag color="green">{t('funds.open')}</Tag>) },
          { title: t('funds.statusOf.draft'), dataIndex: 'drafts', align: 'right' },
          { title: t('funds.statusOf.reviewed'), dataIndex: 'reviewed', align: 'right' },
          { title: t('funds.statusOf.posted'), dataIndex: 'posted', align: 'right' },
          {
            title: t('funds.actions'), key: 'actions',
            render: (_: unknown, p) => (p.closed
              ? roles.reopen && (
                <Popconfirm title={t('funds.confirmReopen', { period: p.period })} onConfirm={() => run(() => call('funds.reopenPeriod', { period: p.period }))}>
                  <Button size="small" aria-label={`${t('funds.reopen')} ${p.period}`}>{t('funds.reopen')}</Button>
                </Popconfirm>
              )
              : roles.keep && (
                <Popconfirm title={t('funds.confirmClose', { period: p.period })} onConfirm={() => run(() => call('funds.closePeriod', { period: p.period }))}>
                  <Button size="small" aria-label={`${t('funds.close')} ${p.period}`}>{t('funds.close')}</Button>
                </Popconfirm>
              )),
          },
        ]}
      />
    </section>
  );
}

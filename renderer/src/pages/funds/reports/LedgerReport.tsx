import { useState } from 'react';
import { Alert, Flex, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useCall } from '../../../app/useCall';
import { Money } from '../../../components/Money';
import { ExportButton } from '../ExportButton';
import { LinesTable } from '../LinesTable';
import { LineFilters, type LineFilter } from './LineFilters';

/** 明细账 of one account: brought forward, lines with the running balance, carried forward. */
export function LedgerReport() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<LineFilter>({ q: '' });
  const [page, setPage] = useState({ current: 1, size: 50 });
  const accountId = filter.accountId;
  const { data, loading } = useCall('funds.ledger', accountId ? { ...filter, accountId, offset: (page.current - 1) * page.size, limit: page.size } : null);
  const change = (f: LineFilter) => {
    setFilter(f);
    setPage((p) => ({ ...p, current: 1 }));
  };
  return (
    <>
      <LineFilters value={filter} onChange={change} accountRequired />
      {!accountId && <Alert type="info" showIcon title={t('funds.pickAccount')} />}
      {accountId && data && (
        <>
          <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
            <Typography.Text strong>{data.account.code} {lang === 'zh' ? data.account.nameZh : data.account.nameEn} ({t(`funds.side.${data.account.normalSide}`)})</Typography.Text>
            <span>{t('funds.broughtForward')}: <Money fen={data.openingFen} /></span>
            <span>{t('funds.carriedForward')}: <Money fen={data.closingFen} strong /></span>
            <ExportButton request={{ report: 'ledger', params: { ...filter, accountId } }} />
          </Flex>
          <LinesTable rows={data.rows} loading={loading} showBalance
            pagination={{ current: page.current, pageSize: page.size, total: data.total, onChange: (current, size) => setPage({ current, size }) }} />
        </>
      )}
    </>
  );
}

import { useState } from 'react';
import { Flex, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useCall } from '../../../app/useCall';
import { Money } from '../../../components/Money';
import { ExportButton } from '../ExportButton';
import { LinesTable } from '../LinesTable';
import { LineFilters, type LineFilter } from './LineFilters';

/** 序时账 with its exports: .xlsx, the documented CSV, and an hledger journal. */
export function JournalReport() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<LineFilter>({ q: '' });
  const [page, setPage] = useState({ current: 1, size: 50 });
  const { data, loading } = useCall('funds.journal', { ...filter, offset: (page.current - 1) * page.size, limit: page.size });
  const change = (f: LineFilter) => {
    setFilter(f);
    setPage((p) => ({ ...p, current: 1 }));
  };
  return (
    <>
      <LineFilters value={filter} onChange={change} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <ExportButton request={{ report: 'journal', params: filter }} />
        <ExportButton request={{ report: 'journalCsv', params: filter }} label={t('funds.exportCsv')} />
        <ExportButton request={{ report: 'hledger', params: { from: filter.from, to: filter.to } }} label={t('funds.exportHledger')} />
        {data && <Typography.Text>{t('funds.totalDebit')} <Money fen={data.debitFen} strong /> · {t('funds.totalCredit')} <Money fen={data.creditFen} strong /></Typography.Text>}
      </Flex>
      <LinesTable rows={data?.rows ?? []} loading={loading}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, onChange: (current, size) => setPage({ current, size }) }} />
    </>
  );
}

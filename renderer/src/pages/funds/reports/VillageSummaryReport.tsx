import { useState } from 'react';
import { Flex, Table } from 'antd';
import { useI18n } from '../../../i18n';
import { useCall } from '../../../app/useCall';
import { Money, moneyColumn } from '../../../components/Money';
import { ExportButton } from '../ExportButton';
import { YearSelect } from '../YearSelect';

/** 分村汇总. */
export function VillageSummaryReport() {
  const { t } = useI18n();
  const [year, setYear] = useState<number | undefined>(new Date().getFullYear());
  const { data, loading } = useCall('funds.villageSummary', { year });
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={setYear} />
        <ExportButton request={{ report: 'villageSummary', params: { year } }} />
      </Flex>
      <Table
        rowKey="villageId"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.rows ?? []}
        columns={[
          { title: t('registry.township'), dataIndex: 'township' },
          { title: t('registry.village'), dataIndex: 'village' },
          { title: t('funds.projectsCount'), dataIndex: 'projects', align: 'right' },
          { title: t('funds.spent'), dataIndex: 'spentFen', ...moneyColumn },
          { title: t('funds.householdsPaid'), dataIndex: 'householdsPaid', align: 'right' },
          { title: t('funds.paidToHouseholds'), dataIndex: 'paidToHouseholdsFen', ...moneyColumn },
        ]}
        summary={() => data && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>{t('funds.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{data.totals.projects}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right"><Money fen={data.totals.spentFen} strong /></Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{data.totals.householdsPaid}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right"><Money fen={data.totals.paidToHouseholdsFen} strong /></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}

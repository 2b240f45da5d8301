import { useState } from 'react';
import { Flex, Table } from 'antd';
import { useI18n } from '../../../i18n';
import { useCall } from '../../../app/useCall';
import { href } from '../../../app/router';
import { CodeSelect } from '../../../components/CodeSelect';
import { percentText } from '../../../../../db/funds/format';
import { Money, moneyColumn } from '../../../components/Money';
import { ExportButton } from '../ExportButton';
import { YearSelect } from '../YearSelect';

/** 项目台账. */
export function ProjectRegisterReport() {
  const { t, label } = useI18n();
  const [filter, setFilter] = useState<{ year?: number; type?: string; status?: string }>({ year: new Date().getFullYear() });
  const params = { ...filter, type: filter.type as never, status: filter.status as never };
  const { data, loading } = useCall('funds.projectRegister', params);
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <YearSelect value={filter.year} onChange={(year) => setFilter((f) => ({ ...f, year }))} />
        <CodeSelect list="projectType" label={t('funds.projectType')} value={filter.type} onChange={(type) => setFilter((f) => ({ ...f, type }))} />
        <CodeSelect list="projectStatus" label={t('funds.status')} value={filter.status} onChange={(status) => setFilter((f) => ({ ...f, status }))} />
        <ExportButton request={{ report: 'projectRegister', params }} />
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.rows ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('funds.projectCode'), dataIndex: 'code', render: (v: string, r) => <a href={href(`funds/project/${r.id}`)}>{v}</a> },
          { title: t('funds.projectName'), dataIndex: 'name' },
          { title: t('funds.projectType'), dataIndex: 'type', render: (v: string) => label('projectType', v) },
          { title: t('funds.villages'), dataIndex: 'villages' },
          { title: t('funds.implementer'), dataIndex: 'implementer' },
          { title: t('funds.schedule'), key: 'schedule', render: (_: unknown, r) => [r.plannedStart, r.plannedEnd].filter(Boolean).join(' – ') },
          { title: t('funds.status'), dataIndex: 'status', render: (v: string, r) => `${label('projectStatus', v)} ${r.acceptedOn ?? ''}` },
          { title: t('funds.budget'), dataIndex: 'budgetFen', ...moneyColumn },
          { title: t('funds.allocated'), dataIndex: 'allocatedFen', ...moneyColumn },
          { title: t('funds.spent'), dataIndex: 'spentFen', ...moneyColumn },
          { title: t('funds.progress'), dataIndex: 'progressBp', align: 'right', render: (v: number | null) => percentText(v) },
          { title: t('funds.beneficiaries'), dataIndex: 'beneficiaryHouseholds', align: 'right' },
        ]}
        summary={() => data && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={7}>{t('funds.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right"><Money fen={data.totals.budgetFen} strong /></Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right"><Money fen={data.totals.allocatedFen} strong /></Table.Summary.Cell>
            <Table.Summary.Cell index={9} align="right"><Money fen={data.totals.spentFen} strong /></Table.Summary.Cell>
            <Table.Summary.Cell index={10} align="right">{percentText(data.totals.progressBp)}</Table.Summary.Cell>
            <Table.Summary.Cell index={11} />
          </Table.Summary.Row>
        )}
      />
    </>
  );
}

import { useState } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate } from '../../app/router';
import type { ApiOutput } from '../../api';
import { useFundOptions } from './pickers';
import { useFundRoles } from './roles';
import { SourceForm } from './SourceForm';
import { AllocateForm } from './AllocateForm';
import { Allocations } from './Allocations';
import { ExportButton } from './ExportButton';
import { YearSelect } from './YearSelect';
import { SourceExecutionTable } from './SourceExecutionTable';

type Source = ApiOutput<'funds.sourceExecution'>['rows'][number];

/** 资金来源与分配: every source with what arrived, was allocated and spent; its allocations underneath. */
export function SourcesPage() {
  const { t } = useI18n();
  const roles = useFundRoles();
  const [year, setYear] = useState<number | undefined>();
  const { data, loading, reload } = useCall('funds.sourceExecution', { year });
  const options = useFundOptions();
  const [editing, setEditing] = useState<Source | 'new' | null>(null);
  const [allocating, setAllocating] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const saved = () => {
    setEditing(null);
    setAllocating(null);
    setGeneration((n) => n + 1);
    reload();
  };
  const actions = {
    title: t('funds.actions'), key: 'actions',
    render: (_: unknown, s: Source) => roles.keep && (
      <Space size="small">
        <Button size="small" onClick={() => setAllocating(s.id)} aria-label={`${t('funds.allocate')} ${s.docNo}`}>{t('funds.allocate')}</Button>
        {roles.prepare && (
          <Button size="small" onClick={() => navigate('funds/voucher/new', { template: 'receipt', sourceId: s.id })} aria-label={`${t('funds.recordReceipt')} ${s.docNo}`}>
            {t('funds.recordReceipt')}
          </Button>
        )}
        <Button size="small" onClick={() => setEditing(s)} aria-label={`${t('common.edit')} ${s.docNo}`}>{t('common.edit')}</Button>
      </Space>
    ),
  };

  return (
    <section aria-labelledby="sources-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="sources-title">{t('funds.nav.sources')}</Typography.Title>
        <Space>
          <ExportButton request={{ report: 'sourceExecution', params: { year } }} />
          {roles.keep && <Button type="primary" onClick={() => setEditing('new')}>{t('funds.newSource')}</Button>}
        </Space>
      </Flex>
      <Flex gap={8} style={{ marginBottom: 16 }}><YearSelect value={year} onChange={setYear} /></Flex>
      <SourceExecutionTable data={data} loading={loading} actions={actions}
        expandable={{ expandedRowRender: (s) => <Allocations sourceId={s.id} key={`${s.id}-${generation}`} /> }} />
      <SourceForm open={editing !== null} source={editing === 'new' || editing === null ? undefined : editing} onClose={() => setEditing(null)} onSaved={saved} />
      <AllocateForm open={allocating !== null} sourceId={allocating ?? undefined} options={options} onClose={() => setAllocating(null)} onSaved={saved} />
    </section>
  );
}

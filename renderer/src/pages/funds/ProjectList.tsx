import { useState } from 'react';
import { Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href, navigate } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { moneyColumn } from './money';
import { useFundOptions, VillageSelect } from './pickers';
import { useFundRoles } from './roles';
import { YearSelect } from './YearSelect';

/** 项目库: the project list with its filters. */
export function ProjectList() {
  const { t, label } = useI18n();
  const roles = useFundRoles();
  const { villages } = useFundOptions();
  const [filter, setFilter] = useState<{ q: string; year?: number; type?: string; status?: string; villageId?: number }>({ q: '' });
  const [page, setPage] = useState({ current: 1, size: 20 });
  const { data, loading } = useCall('funds.projects', { ...filter, type: filter.type as never, status: filter.status as never, offset: (page.current - 1) * page.size, limit: page.size });
  const set = (change: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setPage((p) => ({ ...p, current: 1 }));
  };

  return (
    <section aria-labelledby="projects-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="projects-title">{t('funds.nav.projects')}</Typography.Title>
        {roles.keep && <Button type="primary" onClick={() => navigate('funds/project/new')}>{t('funds.newProject')}</Button>}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('common.search')} placeholder={t('funds.projectSearch')} allowClear onSearch={(q) => set({ q })} style={{ width: 280 }} />
        <YearSelect value={filter.year} onChange={(year) => set({ year })} />
        <CodeSelect list="projectType" label={t('funds.projectType')} value={filter.type} onChange={(type) => set({ type })} />
        <CodeSelect list="projectStatus" label={t('funds.status')} value={filter.status} onChange={(status) => set({ status })} />
        <VillageSelect villages={villages} label={t('registry.village')} value={filter.villageId} onChange={(v) => set({ villageId: v ?? undefined })} />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        scroll={{ x: true }}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`funds/project/${r.id}`) })}
        columns={[
          { title: t('funds.projectCode'), dataIndex: 'code', render: (v: string, r) => <a href={href(`funds/project/${r.id}`)}>{v}</a> },
          { title: t('funds.projectName'), dataIndex: 'name' },
          { title: t('funds.projectType'), dataIndex: 'type', render: (v: string) => label('projectType', v) },
          { title: t('funds.year'), dataIndex: 'year' },
          { title: t('registry.village'), dataIndex: 'villages' },
          { title: t('funds.implementer'), dataIndex: 'implementer' },
          { title: t('funds.budget'), dataIndex: 'budgetFen', ...moneyColumn },
          { title: t('funds.schedule'), key: 'schedule', render: (_: unknown, r) => [r.plannedStart, r.plannedEnd].filter(Boolean).join(' – ') },
          { title: t('funds.status'), dataIndex: 'status', render: (v: string, r) => <Tag color={v === 'accepted' ? 'green' : v === 'planned' ? 'default' : 'blue'}>{label('projectStatus', v)}{r.acceptedOn ? ` ${r.acceptedOn}` : ''}</Tag> },
          { title: t('funds.beneficiaries'), dataIndex: 'beneficiaryHouseholds', align: 'right' },
        ]}
      />
    </section>
  );
}

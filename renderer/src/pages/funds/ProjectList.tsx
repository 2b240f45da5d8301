import { Input, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { moneyColumn } from '../../components/Money';
import { PagedList, usePagedFilter } from '../../components/PagedList';
import { useFundOptions, VillageSelect } from './pickers';
import { useFundRoles } from './roles';
import { YearSelect } from './YearSelect';

type Filter = { q: string; year?: number; type?: string; status?: string; villageId?: number };

const projectPath = (r: { id: number }) => `funds/project/${r.id}`;

/** 项目库: the project list with its filters. */
export function ProjectList() {
  const { t, label } = useI18n();
  const roles = useFundRoles();
  const { villages } = useFundOptions();
  const { filter, set, page, setPage, range } = usePagedFilter<Filter>({ q: '' });
  const { data, loading } = useCall('funds.projects', { ...filter, type: filter.type as never, status: filter.status as never, ...range });

  return (
    <PagedList
      titleId="projects-title"
      title={t('funds.nav.projects')}
      create={roles.keep ? { label: t('funds.newProject'), path: 'funds/project/new' } : undefined}
      filters={<>
        <Input.Search aria-label={t('common.search')} placeholder={t('funds.projectSearch')} allowClear onSearch={(q) => set({ q })} style={{ width: 280 }} />
        <YearSelect value={filter.year} onChange={(year) => set({ year })} />
        <CodeSelect list="projectType" label={t('funds.projectType')} value={filter.type} onChange={(type) => set({ type })} />
        <CodeSelect list="projectStatus" label={t('funds.status')} value={filter.status} onChange={(status) => set({ status })} />
        <VillageSelect villages={villages} label={t('registry.village')} value={filter.villageId} onChange={(v) => set({ villageId: v ?? undefined })} />
      </>}
      data={data}
      loading={loading}
      page={page}
      onPage={setPage}
      rowPath={projectPath}
      scrollX
      columns={[
        { title: t('funds.projectCode'), dataIndex: 'code', render: (v: string, r) => <a href={href(projectPath(r))}>{v}</a> },
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
  );
}

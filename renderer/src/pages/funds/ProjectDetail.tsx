import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { basisPoints, percentText } from '../../../../db/funds/format';
import { Money } from '../../components/Money';
import { useFundOptions } from './pickers';
import { useFundRoles } from './roles';
import { Allocations } from './Allocations';
import { AllocateForm } from './AllocateForm';
import { Beneficiaries } from './Beneficiaries';
import { LinesTable } from './LinesTable';

/** One project: its record, money, allocations, beneficiaries and what was paid for it. */
export function ProjectDetail({ projectId }: { projectId: number }) {
  const { t, lang, label } = useI18n();
  const roles = useFundRoles();
  const project = useCall('funds.project', { projectId });
  const [page, setPage] = useState({ current: 1, size: 20 });
  const lines = useCall('funds.journal', { projectId, offset: (page.current - 1) * page.size, limit: page.size });
  const options = useFundOptions();
  const [allocating, setAllocating] = useState(false);
  const [generation, setGeneration] = useState(0);
  if (project.error) return <Alert type="error" showIcon title={errorText(project.error, lang)} />;
  const p = project.data;
  if (!p) return null;

  return (
    <article aria-labelledby="project-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="project-title">{p.code} · {p.name}</Typography.Title>
        <Space>
          {roles.keep && <Button onClick={() => setAllocating(true)}>{t('funds.allocate')}</Button>}
          {roles.keep && <Button onClick={() => navigate(`funds/project/${p.id}/edit`)}>{t('common.edit')}</Button>}
          <Button onClick={() => window.history.back()}>{t('common.back')}</Button>
        </Space>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('funds.projectType')}>{label('projectType', p.type)}</Descriptions.Item>
          <Descriptions.Item label={t('funds.year')}>{p.year}</Descriptions.Item>
          <Descriptions.Item label={t('funds.status')}><Tag>{label('projectStatus', p.status)}</Tag>{p.acceptedOn}</Descriptions.Item>
          <Descriptions.Item label={t('funds.villages')}>{p.villages.map((v) => v.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('funds.site')}>{p.site}</Descriptions.Item>
          <Descriptions.Item label={t('funds.implementer')}>{p.implementer}</Descriptions.Item>
          <Descriptions.Item label={t('funds.responsible')}>{p.responsible}</Descriptions.Item>
          <Descriptions.Item label={t('funds.schedule')}>{[p.plannedStart, p.plannedEnd].filter(Boolean).join(' – ')}</Descriptions.Item>
          <Descriptions.Item label={t('funds.content')}>{p.content}</Descriptions.Item>
          <Descriptions.Item label={t('funds.budget')}><Money fen={p.budgetFen} /></Descriptions.Item>
          <Descriptions.Item label={t('funds.allocated')}><Money fen={p.allocatedFen} /></Descriptions.Item>
          <Descriptions.Item label={t('funds.spent')}><Money fen={p.spentFen} /> ({percentText(basisPoints(p.spentFen, p.allocatedFen))})</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('funds.allocations')} style={{ marginBottom: 16 }}>
        <Allocations projectId={p.id} key={generation} />
      </Card>
      <Card title={`${t('funds.beneficiaries')} (${p.beneficiaries.length})`} style={{ marginBottom: 16 }}>
        <Beneficiaries projectId={p.id} initial={p.beneficiaries} editable={roles.keep} onSaved={project.reload} key={p.beneficiaries.map((b) => b.id).join()} />
      </Card>
      <Card title={t('funds.projectLines')}>
        <LinesTable rows={lines.data?.rows ?? []} loading={lines.loading}
          pagination={{ current: page.current, pageSize: page.size, total: lines.data?.total ?? 0, onChange: (current, size) => setPage({ current, size }) }} />
      </Card>
      <AllocateForm open={allocating} projectId={p.id} options={options} onClose={() => setAllocating(false)}
        onSaved={() => { setAllocating(false); setGeneration((n) => n + 1); project.reload(); }} />
    </article>
  );
}

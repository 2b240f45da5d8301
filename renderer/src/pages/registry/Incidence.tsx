import { useState } from 'react';
import { Alert, Card, Descriptions, Select, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import type { ApiOutput } from '../../api';

type Report = ApiOutput<'registry.incidence'>;
type Row = Report['townships'][number];

/** Basis points as a percentage with two decimals ("0.42%"), integer arithmetic only. */
const pct = (bp: number | null) => (bp === null ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`);

function Verdict({ row }: { row: Row }) {
  const { t } = useI18n();
  if (row.belowThreshold === null) return <Tag>{t('reg.incidence.noPopulation')}</Tag>;
  return row.belowThreshold ? <Tag color="green">{t('reg.incidence.below')}</Tag> : <Tag color="red">{t('reg.incidence.above')}</Tag>;
}

/** Poverty incidence per village, township and county against the 2% (3% in the west) exit threshold. */
export function Incidence() {
  const { t } = useI18n();
  const [townshipId, setTownshipId] = useState<number | undefined>();
  const { data } = useCall('registry.incidence', { townshipId });
  const townships = useCall('registry.townships', {});
  if (!data) return null;
  const common = [
    { title: t('reg.incidence.poorPeople'), dataIndex: 'poorPeople', align: 'right' as const },
    { title: t('registry.ruralPopulation'), dataIndex: 'ruralPopulation', align: 'right' as const },
    { title: t('reg.incidence.rate'), dataIndex: 'incidenceBp', align: 'right' as const, render: pct },
    { title: t('reg.incidence.verdict'), key: 'verdict', render: (_: unknown, r: Row) => <Verdict row={r} /> },
  ];
  return (
    <section aria-labelledby="incidence-title">
      <Typography.Title level={3} id="incidence-title">{t('reg.incidence.title')}</Typography.Title>
      <Alert type="info" showIcon title={t('reg.incidence.rule', { pct: data.thresholdPct })} style={{ marginBottom: 16 }} />
      <Card title={t('reg.incidence.county')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('reg.incidence.poorPeople')}>{data.county.poorPeople}</Descriptions.Item>
          <Descriptions.Item label={t('registry.ruralPopulation')}>{data.county.ruralPopulation}</Descriptions.Item>
          <Descriptions.Item label={t('reg.incidence.rate')}>{pct(data.county.incidenceBp)}</Descriptions.Item>
          <Descriptions.Item label={t('reg.incidence.verdict')}><Verdict row={data.county} /></Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('reg.incidence.townships')} style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={data.townships} columns={[{ title: t('registry.township'), dataIndex: 'name' }, ...common]} />
      </Card>
      <Card title={t('reg.incidence.villages')} extra={
        <Select aria-label={t('registry.township')} placeholder={t('registry.township')} allowClear value={townshipId} onChange={setTownshipId} style={{ minWidth: 160 }}
          options={(townships.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }))} />
      }>
        <Table
          rowKey="id"
          size="small"
          dataSource={data.villages}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: t('registry.village'), dataIndex: 'name', render: (v: string, r: Report['villages'][number]) => <>{v}{r.poorVillage && <Tag color="red" style={{ marginLeft: 6 }}>{t('registry.poorVillage')}{r.exitYear ? ` · ${r.exitYear}` : ''}</Tag>}</> },
            { title: t('registry.township'), dataIndex: 'township' },
            ...common,
          ]}
        />
      </Card>
    </section>
  );
}

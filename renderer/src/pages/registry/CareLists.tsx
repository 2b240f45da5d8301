import { useState } from 'react';
import { Flex, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import type { ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';

const KINDS = ['child', 'woman', 'elderly', 'disabled'] as const;
type Kind = (typeof KINDS)[number];
type Row = ApiOutput<'registry.careList'>['rows'][number];

/** Left-behind children, women and elderly people, and disabled members, with who helps them (policy text (13)). */
export function CareLists() {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<Kind>('child');
  const [townshipId, setTownshipId] = useState<number | undefined>();
  const [villageId, setVillageId] = useState<number | undefined>();
  const [page, setPage] = useState({ current: 1, size: 50 });
  const filter = { townshipId, villageId };
  const counts = useCall('registry.careCounts', filter);
  const list = useCall('registry.careList', { kind, ...filter, offset: (page.current - 1) * page.size, limit: page.size });
  const townships = useCall('registry.townships', {});
  const villages = useCall('registry.villageOptions', {});

  return (
    <section aria-labelledby="care-title">
      <Typography.Title level={3} id="care-title">{t('reg.care.title')}</Typography.Title>
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <Select aria-label={t('registry.township')} placeholder={t('registry.township')} allowClear value={townshipId} style={{ minWidth: 160 }}
          onChange={(v) => { setTownshipId(v); setVillageId(undefined); setPage((p) => ({ ...p, current: 1 })); }}
          options={(townships.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }))} />
        <Select aria-label={t('registry.village')} placeholder={t('registry.village')} allowClear showSearch={{ optionFilterProp: 'label' }} value={villageId} style={{ minWidth: 160 }}
          onChange={(v) => { setVillageId(v); setPage((p) => ({ ...p, current: 1 })); }}
          options={(villages.data ?? []).filter((v) => !townshipId || v.townshipId === townshipId).map((v) => ({ value: v.id, label: v.name }))} />
      </Flex>
      <Tabs
        activeKey={kind}
        onChange={(k) => { setKind(k as Kind); setPage((p) => ({ ...p, current: 1 })); }}
        items={KINDS.map((k) => ({ key: k, label: `${t(`reg.care.${k}`)} (${counts.data?.[k] ?? '…'})` }))}
      />
      <Table
        rowKey="memberId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{ current: page.current, pageSize: page.size, total: list.data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        columns={[
          { title: t('registry.name'), dataIndex: 'name' },
          { title: t('registry.sex'), dataIndex: 'sex', render: (v: string) => label('sex', v) },
          { title: t('registry.birthDate'), dataIndex: 'birthDate' },
          ...(kind === 'disabled'
            ? [{ title: t('reg.member.disabilityCategory'), key: 'dis', render: (_: unknown, r: Row) => `${label('disabilityCategory', r.disabilityCategory)} ${label('disabilityGrade', r.disabilityGrade)}` }]
            : [{ title: t('registry.schoolStatus'), dataIndex: 'schoolStatus', render: (v: string | null) => label('schoolStatus', v) }]),
          { title: t('registry.archiveNo'), dataIndex: 'archiveNo', render: (v: string, r: Row) => <a href={href(`registry/household/${r.householdId}`)}>{v}</a> },
          { title: t('registry.headName'), dataIndex: 'headName' },
          { title: t('registry.phone'), dataIndex: 'phone' },
          { title: t('registry.village'), dataIndex: 'village' },
          { title: t('reg.cadres.title'), dataIndex: 'cadres' },
        ] satisfies TableColumnsType<Row>}
      />
    </section>
  );
}

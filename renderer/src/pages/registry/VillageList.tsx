import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href, navigate } from '../../app/router';
import type { ApiOutput } from '../../api';
import { VillageForm } from './VillageForm';
import { useRegistryRoles } from './roles';

type Village = ApiOutput<'registry.villages'>['rows'][number];

export function VillageList() {
  const { t } = useI18n();
  const roles = useRegistryRoles();
  const [q, setQ] = useState('');
  const [townshipId, setTownshipId] = useState<number | undefined>();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [editing, setEditing] = useState<Village | 'new' | null>(null);
  const { data, loading, reload } = useCall('registry.villages', { q, townshipId, offset: (page.current - 1) * page.size, limit: page.size });
  const townships = useCall('registry.townships', {});

  return (
    <section aria-labelledby="villages-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="villages-title">{t('nav.villages')}</Typography.Title>
        <Flex gap={8}>
          <Button onClick={() => navigate('registry/incidence')}>{t('reg.incidence.title')}</Button>
          {roles.admin && <Button type="primary" onClick={() => setEditing('new')}>{t('reg.village.add')}</Button>}
        </Flex>
      </Flex>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('common.search')} placeholder={t('registry.village')} allowClear onSearch={(v) => { setQ(v); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 280 }} />
        <Select
          aria-label={t('registry.township')}
          placeholder={t('registry.township')}
          allowClear
          value={townshipId}
          onChange={(v) => { setTownshipId(v); setPage((p) => ({ ...p, current: 1 })); }}
          options={(townships.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }))}
          style={{ minWidth: 160 }}
        />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        columns={[
          { title: t('registry.code'), dataIndex: 'code' },
          { title: t('registry.village'), dataIndex: 'name', render: (v: string, row) => <a href={href(`registry/households?villageId=${row.id}`)}>{v}</a> },
          { title: t('registry.township'), dataIndex: 'township' },
          { title: t('registry.poorVillage'), dataIndex: 'poorVillage', render: (v: boolean, row) => (v ? <Tag color="red">{t('registry.poorVillage')}{row.exitYear ? ` · ${t('reg.village.exited', { year: row.exitYear })}` : ''}</Tag> : null) },
          { title: t('registry.households'), dataIndex: 'households', align: 'right' },
          { title: t('registry.people'), dataIndex: 'people', align: 'right' },
          { title: t('registry.ruralPopulation'), dataIndex: 'ruralPopulation', align: 'right' },
          { title: t('reg.village.firstSecretary'), dataIndex: 'firstSecretary' },
          ...(roles.write ? [{
            title: '', key: 'edit',
            render: (_: unknown, row: Village) => <Button size="small" onClick={() => setEditing(row)} aria-label={`${t('common.edit')} ${row.name}`}>{t('common.edit')}</Button>,
          }] : []),
        ]}
      />
      {editing && <VillageForm village={editing === 'new' ? undefined : editing} onClose={(saved) => {
        setEditing(null);
        if (saved) reload();
      }} />}
    </section>
  );
}

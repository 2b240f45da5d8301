import { useMemo, useState } from 'react';
import { App, Button, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href, navigate, useRoute } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { useSession } from '../../app/session';

const FILTERS = ['townshipId', 'villageId', 'status', 'attribute', 'mainCause', 'labourAbility', 'health', 'leftBehind', 'monitoringType', 'reviewOverdue', 'cadreId', 'statuses'] as const;

/** The household list: search, filters in the address bar (so a list can be linked), server paging. */
export function HouseholdList() {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const { params } = useRoute();
  const { user } = useSession();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const filter = (k: string) => params.get(k) ?? undefined;
  const numeric = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);

  const query = useMemo(() => ({
    q: params.get('q') ?? '',
    townshipId: numeric('townshipId'),
    villageId: numeric('villageId'),
    status: filter('status') as never,
    /** Any of several statuses, comma-separated (the dashboard's drill-downs). */
    statuses: params.get('statuses') ? (params.get('statuses')!.split(',') as never) : undefined,
    attribute: filter('attribute') as never,
    mainCause: filter('mainCause') as never,
    labourAbility: filter('labourAbility') as never,
    health: filter('health') as never,
    leftBehind: filter('leftBehind') as never,
    monitoringType: filter('monitoringType') as never,
    reviewOverdue: params.get('reviewOverdue') === '1' ? true : undefined,
    cadreId: numeric('cadreId'),
    offset: (page - 1) * pageSize,
    limit: pageSize,
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [params.toString()]);

  const { data, loading } = useCall('registry.households', query);
  const townships = useCall('registry.townships', {});
  const villages = useCall('registry.villageOptions', {});

  const set = (changes: Record<string, string | number | undefined>) => {
    const next: Record<string, string | number | undefined> = Object.fromEntries(params.entries());
    Object.assign(next, changes);
    if (!('page' in changes)) next.page = undefined;
    navigate('registry/households', next);
  };

  const exportList = async () => {
    setExporting(true);
    try {
      const { offset: _o, limit: _l, ...filterOnly } = query;
      saveFile(await call('registry.exportHouseholds', { ...filterOnly, lang }));
    } catch (err) {
      void message.error(errorText(err, lang));
    } finally {
      setExporting(false);
    }
  };

  const villageChoices = (villages.data ?? []).filter((v) => !query.townshipId || v.townshipId === query.townshipId);

  return (
    <section aria-labelledby="households-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="households-title">{t('nav.households')}</Typography.Title>
        <Flex gap={8}>
          <Button onClick={exportList} loading={exporting}>{t('reg.excel.export')}</Button>
          {user && (user.role === 'admin' || user.role === 'registrar') && (
            <>
              <Button onClick={() => navigate('registry/import')}>{t('reg.excel.import')}</Button>
              <Button type="primary" onClick={() => navigate('registry/new')}>{t('registry.newHousehold')}</Button>
            </>
          )}
        </Flex>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('registry.searchPlaceholder')}
          defaultValue={query.q}
          key={query.q}
          allowClear
          enterButton={t('common.search')}
          onSearch={(q) => set({ q })}
          style={{ width: 420 }}
        />
        <Select
          aria-label={t('registry.township')}
          placeholder={t('registry.township')}
          allowClear
          value={query.townshipId}
          onChange={(v) => set({ townshipId: v, villageId: undefined })}
          options={(townships.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }))}
          style={{ minWidth: 140 }}
        />
        <Select
          aria-label={t('registry.village')}
          placeholder={t('registry.village')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={query.villageId}
          onChange={(v) => set({ villageId: v })}
          options={villageChoices.map((v) => ({ value: v.id, label: v.name }))}
          style={{ minWidth: 160 }}
        />
        <CodeSelect list="householdStatus" label={t('registry.status')} value={query.status} onChange={(v) => set({ status: v })} />
        {query.statuses && (
          <Tag closable onClose={() => set({ statuses: undefined })} style={{ alignSelf: 'center' }}>
            {t('registry.status')}: {(query.statuses as string[]).map((c) => label('householdStatus', c)).join(' / ')}
          </Tag>
        )}
        <CodeSelect list="householdAttribute" label={t('registry.attribute')} value={query.attribute} onChange={(v) => set({ attribute: v })} />
        <CodeSelect list="povertyCause" label={t('registry.mainCause')} value={query.mainCause} onChange={(v) => set({ mainCause: v })} />
        <CodeSelect list="labourAbility" label={t('registry.labourAbility')} value={query.labourAbility} onChange={(v) => set({ labourAbility: v })} />
        <CodeSelect list="health" label={t('registry.health')} value={query.health} onChange={(v) => set({ health: v })} />
        <CodeSelect list="leftBehind" label={t('registry.leftBehind')} value={query.leftBehind} onChange={(v) => set({ leftBehind: v })} />
        <CodeSelect list="monitoringType" label={t('registry.monitoring')} value={query.monitoringType} onChange={(v) => set({ monitoringType: v })} />
        <Checkbox checked={query.reviewOverdue === true} onChange={(e) => set({ reviewOverdue: e.target.checked ? 1 : undefined })}>{t('reg.list.reviewOverdue')}</Checkbox>
        {FILTERS.some((f) => params.get(f)) || params.get('q') ? (
          <Button onClick={() => navigate('registry/households')}>{t('common.reset')}</Button>
        ) : null}
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (count) => t('common.total', { count }),
          onChange: (p, s) => set({ page: p, size: s }),
          showSizeChanger: true,
        }}
        onRow={(row) => ({ onDoubleClick: () => navigate(`registry/household/${row.id}`) })}
        columns={[
          { title: t('registry.archiveNo'), dataIndex: 'archiveNo', render: (v: string, row) => <a href={href(`registry/household/${row.id}`)}>{v}</a> },
          { title: t('registry.headName'), dataIndex: 'headName' },
          { title: t('registry.size'), dataIndex: 'size', align: 'right' },
          { title: t('registry.township'), dataIndex: 'township' },
          { title: t('registry.village'), dataIndex: 'village' },
          { title: t('registry.attribute'), dataIndex: 'attribute', render: (v: string) => label('householdAttribute', v) },
          { title: t('registry.mainCause'), dataIndex: 'mainCause', render: (v: string) => label('povertyCause', v) },
          {
            title: t('registry.status'), dataIndex: 'status',
            render: (v: string, row) => (
              <>
                <Tag color={v === 'poor' || v === 'returned' ? 'red' : v === 'cancelled' ? 'default' : 'green'}>{label('householdStatus', v)}</Tag>
                {row.monitoringType && <Tag color="orange">{label('monitoringType', row.monitoringType)}</Tag>}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

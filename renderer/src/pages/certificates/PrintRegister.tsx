import { useState } from 'react';
import { Button, Checkbox, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { call, type ApiInput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate } from '../../app/router';

type Query = ApiInput<'certificates.register'>;
const DOC_TYPES = ['assistance_card', 'health_card', 'share_certificate', 'notice'] as const;

/** Save a registered print file again (the same bytes the register's hash was taken of). */
async function download(fileName: string): Promise<void> {
  const file = await call('certificates.file', { fileName });
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The print register: every print, newest first; superseded prints are marked. */
export function PrintRegister() {
  const { t } = useI18n();
  const [query, setQuery] = useState<Query>({ offset: 0, limit: 20, q: '' });
  const { data, loading } = useCall('certificates.register', query);
  const villages = useCall('registry.villageOptions', {});
  const set = (changes: Partial<Query>) => setQuery((q) => ({ ...q, offset: 0, ...changes }));
  const limit = query.limit ?? 20;

  return (
    <section aria-labelledby="register-title">
      <Typography.Title level={3} id="register-title">{t('certificates.register')}</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('common.search')} placeholder={t('certificates.filterQ')} allowClear onSearch={(q) => set({ q })} style={{ width: 280 }} />
        <Select
          aria-label={t('certificates.docType')}
          placeholder={t('certificates.docType')}
          allowClear
          value={query.docType}
          onChange={(docType) => set({ docType })}
          options={DOC_TYPES.map((d) => ({ value: d, label: t(`certificates.docTypes.${d}`) }))}
          style={{ minWidth: 160 }}
        />
        <InputNumber aria-label={t('certificates.year')} placeholder={t('certificates.year')} min={1990} max={2100} value={query.year} onChange={(year) => set({ year: year ?? undefined })} />
        <Select
          aria-label={t('certificates.village')}
          placeholder={t('certificates.village')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={query.villageId}
          onChange={(villageId) => set({ villageId })}
          options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          style={{ minWidth: 160 }}
        />
        <Checkbox checked={query.latestOnly ?? false} onChange={(e) => set({ latestOnly: e.target.checked })}>{t('certificates.latestOnly')}</Checkbox>
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{
          current: Math.floor((query.offset ?? 0) / limit) + 1,
          pageSize: limit,
          total: data?.total ?? 0,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, size) => setQuery((q) => ({ ...q, offset: (page - 1) * size, limit: size })),
        }}
        columns={[
          { title: t('certificates.serial'), dataIndex: 'serial' },
          {
            title: t('certificates.docType'), dataIndex: 'docType',
            render: (v: string, row) => `${t(`certificates.docTypes.${v}`)}${row.noticeKind ? ` · ${t(`certificates.noticeKinds.${row.noticeKind}`)}` : ''}`,
          },
          { title: t('certificates.year'), dataIndex: 'year' },
          { title: t('certificates.subject'), key: 'subject', render: (_: unknown, row) => (row.archiveNo ? `${row.archiveNo} ${row.headName ?? ''}` : row.village) },
          { title: t('certificates.villageName'), dataIndex: 'village' },
          { title: t('certificates.lang'), dataIndex: 'lang', render: (v: string) => (v === 'zh' ? '中文' : 'English') },
          { title: t('certificates.printedBy'), dataIndex: 'printedByName' },
          { title: t('certificates.printedAt'), dataIndex: 'printedAt', render: (v: string) => v.replace('T', ' ').slice(0, 16) },
          { title: t('certificates.reprintCount'), dataIndex: 'reprintCount', align: 'right' },
          {
            title: t('registry.status'), key: 'latest',
            render: (_: unknown, row) => (row.latest ? <Tag color="green">{t('certificates.latest')}</Tag> : <Tag color="orange">{t('certificates.superseded')}</Tag>),
          },
          {
            title: t('certificates.actions'), key: 'actions',
            render: (_: unknown, row) => (
              <Space>
                <Button size="small" aria-label={`${t('certificates.download')} ${row.serial}`} onClick={() => void download(row.fileName)}>{t('certificates.download')}</Button>
                <Button size="small" aria-label={`${t('certificates.checkIt')} ${row.serial}`} onClick={() => navigate('certificates/verify', { serial: row.serial })}>{t('certificates.checkIt')}</Button>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}

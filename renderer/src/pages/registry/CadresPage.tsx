import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { href } from '../../app/router';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';
import { useRegistryRoles } from './roles';

type Cadre = ApiOutput<'registry.cadres'>['rows'][number];

function CadreForm({ cadre, onClose }: { cadre?: Cadre; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = async (values: { name: string; unit?: string; post?: string; phone?: string }) => {
    setError(null);
    const fields = { name: values.name, unit: values.unit ?? '', post: values.post ?? '', phone: values.phone ?? '' };
    try {
      if (cadre) await call('registry.updateCadre', { cadreId: cadre.id, fields });
      else await call('registry.createCadre', fields);
      onClose(true);
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    }
  };
  return (
    <Modal open title={cadre ? `${t('common.edit')} · ${cadre.name}` : t('reg.cadres.add')} onCancel={() => onClose(false)} onOk={() => form.submit()}
      okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={cadre}>
        <Form.Item name="name" label={t('registry.name')} rules={[{ required: true, message: t('common.required') }]}><Input /></Form.Item>
        <Form.Item name="unit" label={t('reg.cadres.unit')}><Input /></Form.Item>
        <Form.Item name="post" label={t('reg.cadres.post')}><Input /></Form.Item>
        <Form.Item name="phone" label={t('registry.phone')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The directory of responsible cadres (帮扶责任人), with how many households each helps now. */
export function CadresPage() {
  const { t } = useI18n();
  const roles = useRegistryRoles();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [editing, setEditing] = useState<Cadre | 'new' | null>(null);
  const { data, loading, reload } = useCall('registry.cadres', { q, offset: (page.current - 1) * page.size, limit: page.size });
  return (
    <section aria-labelledby="cadres-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="cadres-title">{t('reg.cadres.directory')}</Typography.Title>
        {roles.write && <Button type="primary" onClick={() => setEditing('new')}>{t('reg.cadres.add')}</Button>}
      </Flex>
      <Input.Search aria-label={t('common.search')} placeholder={t('reg.cadres.search')} allowClear onSearch={(v) => { setQ(v); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 320, marginBottom: 16 }} />
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => setPage({ current, size }) }}
        columns={[
          { title: t('registry.name'), dataIndex: 'name' },
          { title: t('reg.cadres.unit'), dataIndex: 'unit' },
          { title: t('reg.cadres.post'), dataIndex: 'post' },
          { title: t('registry.phone'), dataIndex: 'phone' },
          { title: t('reg.cadres.helping'), dataIndex: 'households', align: 'right', render: (v: number, c: Cadre) => <a href={href(`registry/households?cadreId=${c.id}`)}>{v}</a> },
          ...(roles.write ? [{ title: '', key: 'edit', render: (_: unknown, c: Cadre) => <Button size="small" onClick={() => setEditing(c)} aria-label={`${t('common.edit')} ${c.name}`}>{t('common.edit')}</Button> }] : []),
        ]}
      />
      {editing && <CadreForm cadre={editing === 'new' ? undefined : editing} onClose={(saved) => {
        setEditing(null);
        if (saved) reload();
      }} />}
    </section>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { useSession } from '../../app/session';
import { CodeSelect } from '../../components/CodeSelect';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';

export function Users() {
  const { t, lang, label } = useI18n();
  const { user } = useSession();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const users = useCall('users.list', user?.role === 'admin' ? {} : null);

  if (user?.role !== 'admin') return <Alert type="info" showIcon title={t('users.adminOnly')} />;

  const create = async (values: { username: string; displayName: string; role: string; password: string }) => {
    setError(null);
    try {
      await call('users.create', values as never);
      form.resetFields();
      users.reload();
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    }
  };

  return (
    <section aria-labelledby="users-title">
      <Typography.Title level={3} id="users-title">{t('nav.users')}</Typography.Title>
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={users.data ?? []}
        columns={[
          { title: t('signIn.username'), dataIndex: 'username' },
          { title: t('signIn.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (v: string) => label('role', v) },
          { title: t('users.state'), key: 'state', render: (_: unknown, u) => (u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>) },
        ]}
      />
      <Card title={t('users.create')} style={{ marginTop: 16, maxWidth: 720 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ role: 'registrar' }}>
          <Flex gap={12} wrap>
            <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, message: t('common.required') }]}><Input /></Form.Item>
            <Form.Item name="displayName" label={t('signIn.displayName')} rules={[{ required: true, message: t('common.required') }]}><Input /></Form.Item>
            <Form.Item name="role" label={t('users.role')}><CodeSelect list="role" label={t('users.role')} allowClear={false} /></Form.Item>
            <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('common.required') }]}><Input.Password autoComplete="new-password" /></Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit">{t('users.create')}</Button>
        </Form>
      </Card>
    </section>
  );
}

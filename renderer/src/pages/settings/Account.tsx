import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useSession } from '../../app/session';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Every signed-in user: who am I, and change my own password (auth.changePassword). */
export function Account() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const submit = async (values: Values) => {
    setOutcome(null);
    setBusy(true);
    try {
      await call('auth.changePassword', { oldPassword: values.oldPassword, newPassword: values.newPassword });
      form.resetFields();
      setOutcome({ type: 'success', text: t('account.changed') });
    } catch (err) {
      showFieldErrors(form, err, lang);
      setOutcome({ type: 'error', text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="account-title">
      <Typography.Title level={3} id="account-title">{t('account.title')}</Typography.Title>
      {user && (
        <Descriptions size="small" column={1} style={{ maxWidth: 520, marginBottom: 16 }} bordered>
          <Descriptions.Item label={t('signIn.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('signIn.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('users.role')}>{t(`roles.${user.role}`)}</Descriptions.Item>
        </Descriptions>
      )}
      <Card title={t('account.changePassword')} style={{ maxWidth: 520 }}>
        <Typography.Paragraph type="secondary">{t('account.hint')}</Typography.Paragraph>
        {outcome && <Alert type={outcome.type} showIcon title={outcome.text} style={{ marginBottom: 16 }} role={outcome.type === 'error' ? 'alert' : 'status'} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          {/* A hidden user name lets password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user?.username ?? ''} readOnly hidden />
          <Form.Item name="oldPassword" label={t('account.oldPassword')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
            rules={[
              { required: true, message: t('common.required') },
              { min: 8, message: t('account.minLength') },
              { max: 128 },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string) =>
                  value && value === getFieldValue('oldPassword') ? Promise.reject(new Error(t('account.sameAsOld'))) : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('account.submit')}</Button>
        </Form>
      </Card>
    </section>
  );
}

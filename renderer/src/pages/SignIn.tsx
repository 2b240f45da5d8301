import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { call } from '../api';
import { useI18n } from '../i18n';
import { LangSwitch } from '../components/LangSwitch';
import { errorText } from '../components/errors';

interface Values {
  username: string;
  password: string;
  displayName?: string;
  confirm?: string;
}

/** Sign-in, or — on an empty ledger's first start — creating the administrator. */
export function SignIn({ needsAdmin, demo, onSignedIn }: { needsAdmin: boolean; demo: boolean; onSignedIn: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (needsAdmin) await call('setup.createAdmin', { username: v.username, displayName: v.displayName ?? v.username, password: v.password });
      else await call('auth.signIn', { username: v.username, password: v.password });
      await onSignedIn();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ maxWidth: 420, margin: '12vh auto', padding: 24 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>{t('app.title')}</Typography.Title>
        <LangSwitch />
      </Flex>
      <Card title={needsAdmin ? t('signIn.createAdmin') : t('signIn.title')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('signIn.username')} name="username" rules={[{ required: true, message: t('common.required') }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          {needsAdmin && (
            <Form.Item label={t('signIn.displayName')} name="displayName" rules={[{ required: true, message: t('common.required') }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete={needsAdmin ? 'new-password' : 'current-password'} />
          </Form.Item>
          {needsAdmin && (
            <Form.Item
              label={t('signIn.confirmPassword')}
              name="confirm"
              dependencies={['password']}
              rules={[
                { required: true, message: t('common.required') },
                ({ getFieldValue }) => ({
                  validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('signIn.mismatch')))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {needsAdmin ? t('signIn.createAdmin') : t('signIn.submit')}
          </Button>
        </Form>
        {demo && <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t('signIn.demoHint')}</Typography.Paragraph>}
      </Card>
    </main>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { call } from '../api';
import { useI18n } from '../i18n';
import { useJob } from '../components/useJob';
import { LangSwitch } from '../components/LangSwitch';
import { errorText } from '../components/errors';

export function Welcome({ onReady }: { onReady: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const { job, follow, percent } = useJob((done) => {
    if (done.state === 'done') void onReady();
    else setError(done.error ? (lang === 'zh' ? done.error.zh : done.error.message) : t('common.error'));
  });

  const openDemo = async () => {
    setError(null);
    try {
      follow(await call('setup.createDemo', { scale: 'demo' }));
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  const startEmpty = async () => {
    setError(null);
    try {
      await call('setup.createEmpty', {});
      await onReady();
    } catch (err) {
      setError(errorText(err, lang));
    }
  };

  return (
    <main style={{ maxWidth: 760, margin: '8vh auto', padding: 24 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>{t('welcome.title')}</Typography.Title>
        <LangSwitch />
      </Flex>
      <Typography.Paragraph>{t('welcome.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {job?.state === 'running' ? (
        <Card>
          <Typography.Text>{t('welcome.creating')}</Typography.Text>
          <Progress percent={percent} aria-label={t('common.progress')} />
        </Card>
      ) : (
        <Flex gap={16} wrap>
          <Card style={{ flex: 1, minWidth: 300 }}>
            <Button type="primary" size="large" onClick={openDemo}>{t('welcome.demo')}</Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('welcome.demoHint')}</Typography.Paragraph>
          </Card>
          <Card style={{ flex: 1, minWidth: 300 }}>
            <Button size="large" onClick={startEmpty}>{t('welcome.empty')}</Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('welcome.emptyHint')}</Typography.Paragraph>
          </Card>
        </Flex>
      )}
    </main>
  );
}

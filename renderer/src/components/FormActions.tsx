import type { ReactNode } from 'react';
import { Button, Flex } from 'antd';
import { useI18n } from '../i18n';

/** The foot of a full-page form: its submit button (spinning while `busy`) and Cancel, which goes back. */
export function FormActions({ submitLabel, busy, marginTop = 16 }: { submitLabel: ReactNode; busy?: boolean; marginTop?: number }) {
  const { t } = useI18n();
  return (
    <Flex gap={8} style={{ marginTop }}>
      <Button type="primary" htmlType="submit" loading={busy}>{submitLabel}</Button>
      <Button onClick={() => window.history.back()}>{t('common.cancel')}</Button>
    </Flex>
  );
}

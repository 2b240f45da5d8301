import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';

type Share = ApiOutput<'assets.shares'>['rows'][number];

/** 股权退出: from a date, with the reason; a household's units may pass to the village collective. */
export function WithdrawForm({ share, onClose, onSaved }: { share: Share | null; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = async (values: { withdrawnOn: string; reason: string; passToCollective?: boolean }) => {
    if (!share) return;
    setError(null);
    try {
      await call('assets.withdrawShare', { shareId: share.id, ...values, passToCollective: values.passToCollective ?? false });
      onSaved();
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={share !== null} title={`${t('assets.withdraw')} ${share?.certificateNo ?? ''}`} onCancel={onClose} onOk={() => form.submit()} okText={t('assets.withdraw')} destroyOnHidden>
      {share && <Typography.Paragraph>{share.archiveNo} {share.holderName} · {t('assets.units')} {share.units}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} name="withdraw" layout="vertical" onFinish={save}>
        <Form.Item name="withdrawnOn" label={t('assets.withdrawnOnLabel')} rules={required}><Input type="date" /></Form.Item>
        <Form.Item name="reason" label={t('assets.withdrawReason')} rules={required}><Input placeholder={t('assets.withdrawReasonHint')} /></Form.Item>
        {share?.holderType === 'household' && (
          <Form.Item name="passToCollective" valuePropName="checked"><Checkbox>{t('assets.passToCollective')}</Checkbox></Form.Item>
        )}
      </Form>
    </Modal>
  );
}

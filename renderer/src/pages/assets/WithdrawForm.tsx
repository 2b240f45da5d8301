import { Checkbox, Form, Input, Modal, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';

type Share = ApiOutput<'assets.shares'>['rows'][number];

/** 股权退出: from a date, with the reason; a household's units may pass to the village collective. */
export function WithdrawForm({ share, onClose, onSaved }: { share: Share | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm(async (values: { withdrawnOn: string; reason: string; passToCollective?: boolean }) => {
    if (!share) return;
    await call('assets.withdrawShare', { shareId: share.id, ...values, passToCollective: values.passToCollective ?? false });
    onSaved();
  });
  return (
    <Modal open={share !== null} title={`${t('assets.withdraw')} ${share?.certificateNo ?? ''}`} onCancel={onClose} onOk={() => form.submit()} okText={t('assets.withdraw')} destroyOnHidden>
      {share && <Typography.Paragraph>{share.archiveNo} {share.holderName} · {t('assets.units')} {share.units}</Typography.Paragraph>}
      <FormError error={error} />
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

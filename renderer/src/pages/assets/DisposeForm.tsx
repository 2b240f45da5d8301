import { Alert, Form, Input, Modal } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { MoneyInput } from '../../components/Money';

/** 资产处置: date, method, proceeds and the approval document. */
export function DisposeForm({ open, assetId, onClose, onSaved }: { open: boolean; assetId: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm(async (values: { disposedOn: string; method: string; proceedsFen: number; approval: string; note?: string }) => {
    await call('assets.dispose', { assetId, ...values, note: values.note ?? '' });
    onSaved();
  });
  return (
    <Modal open={open} title={t('assets.dispose')} onCancel={onClose} onOk={() => form.submit()} okText={t('assets.dispose')} okButtonProps={{ danger: true }} destroyOnHidden>
      <Alert type="warning" showIcon title={t('assets.disposeWarning')} style={{ marginBottom: 12 }} />
      <FormError error={error} />
      <Form form={form} name="dispose" layout="vertical" onFinish={save} initialValues={{ proceedsFen: 0 }}>
        <Form.Item name="disposedOn" label={t('assets.disposedOnLabel')} rules={required}><Input type="date" /></Form.Item>
        <Form.Item name="method" label={t('assets.disposalMethod')} rules={required}><Input placeholder={t('assets.disposalMethodHint')} /></Form.Item>
        <Form.Item name="proceedsFen" label={t('assets.proceeds')} rules={required}><MoneyInput label={t('assets.proceeds')} /></Form.Item>
        <Form.Item name="approval" label={t('assets.approval')} rules={required}><Input /></Form.Item>
        <Form.Item name="note" label={t('assets.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

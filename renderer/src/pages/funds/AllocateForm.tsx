import { Form, Input, Modal } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { MoneyInput } from '../../components/Money';
import { ProjectSelect, SourceSelect, type FundOptions } from './pickers';

/** Allocating a source to a project (资金分配); a negative amount reduces an earlier allocation. */
export function AllocateForm({ sourceId, projectId, options, open, onClose, onSaved }: {
  sourceId?: number;
  projectId?: number;
  options: FundOptions;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm(async (values: Record<string, unknown>) => {
    await call('funds.allocate', values as never);
    onSaved();
  });
  return (
    <Modal open={open} title={t('funds.allocate')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} name="allocate" layout="vertical" onFinish={save}
        initialValues={{ sourceId, projectId, allocatedOn: new Date().toISOString().slice(0, 10) }}>
        <Form.Item name="sourceId" label={t('funds.source')} rules={required}><SourceSelect sources={options.sources} label={t('funds.source')} /></Form.Item>
        <Form.Item name="projectId" label={t('funds.project')} rules={required}><ProjectSelect projects={options.projects} label={t('funds.project')} /></Form.Item>
        <Form.Item name="amountFen" label={t('funds.amountYuan')} extra={t('funds.reductionHint')} rules={required}>
          <MoneyInput label={t('funds.amountYuan')} />
        </Form.Item>
        <Form.Item name="docNo" label={t('funds.allocationDocNo')}><Input /></Form.Item>
        <Form.Item name="allocatedOn" label={t('funds.allocatedOn')} rules={required}><Input type="date" /></Form.Item>
        <Form.Item name="note" label={t('funds.note')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

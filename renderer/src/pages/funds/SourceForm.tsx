import { Form, Input, InputNumber, Modal } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { CodeSelect } from '../../components/CodeSelect';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { MoneyInput } from '../../components/Money';

type Source = ApiOutput<'funds.sourceExecution'>['rows'][number];

/** A fund source (资金来源) in a dialog: new, or the correction of an existing one. */
export function SourceForm({ source, open, onClose, onSaved }: { source?: Source; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm(async (values: Record<string, unknown>) => {
    const fields = { ...values, issuedOn: values.issuedOn || null } as never;
    if (source) await call('funds.updateSource', { sourceId: source.id, fields });
    else await call('funds.createSource', fields);
    onSaved();
  });
  return (
    <Modal
      open={open}
      title={source ? t('funds.editSource') : t('funds.newSource')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} name="source" layout="vertical" onFinish={save}
        initialValues={source ?? { level: 'central', type: 'special', year: new Date().getFullYear() }}>
        <Form.Item name="level" label={t('funds.level')} rules={required}><CodeSelect list="fundLevel" label={t('funds.level')} allowClear={false} /></Form.Item>
        <Form.Item name="type" label={t('funds.fundType')} rules={required}><CodeSelect list="fundType" label={t('funds.fundType')} allowClear={false} /></Form.Item>
        <Form.Item name="year" label={t('funds.year')} rules={required}><InputNumber min={1990} max={2100} aria-label={t('funds.year')} /></Form.Item>
        <Form.Item name="docNo" label={t('funds.docNo')} rules={required}><Input placeholder="财农〔2026〕1号" /></Form.Item>
        <Form.Item name="title" label={t('funds.title')} rules={required}><Input /></Form.Item>
        <Form.Item name="amountFen" label={t('funds.amountYuan')} rules={[...required, { validator: async (_r, v) => { if (v === null) throw new Error(t('funds.notAnAmount')); } }]}>
          <MoneyInput label={t('funds.amountYuan')} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('funds.issuedOn')}><Input type="date" /></Form.Item>
        <Form.Item name="note" label={t('funds.note')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

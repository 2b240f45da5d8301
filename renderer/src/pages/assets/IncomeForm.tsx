import { Form, Input, Modal, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { Money, MoneyInput } from '../../components/Money';
import { todayIso } from './dates';

interface Values {
  receivedOn: string;
  period?: string;
  grossFen: number | null;
  landRentFen: number | null;
  taxInsuranceFen: number | null;
  maintenanceFen: number | null;
  note?: string;
}

/** 收益登记: gross income less its deductions; saving posts the income voucher. */
export function IncomeForm({ open, assetId, onClose, onSaved }: { open: boolean; assetId: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm<Values>(async (values: Values) => {
    await call('assets.recordIncome', {
      assetId, receivedOn: values.receivedOn, period: values.period ?? '', grossFen: values.grossFen ?? 0, landRentFen: values.landRentFen ?? 0,
      taxInsuranceFen: values.taxInsuranceFen ?? 0, maintenanceFen: values.maintenanceFen ?? 0, note: values.note ?? '',
    });
    onSaved();
  });
  const v = Form.useWatch([], form) as Values | undefined;
  const distributable = v && [v.grossFen, v.landRentFen, v.taxInsuranceFen, v.maintenanceFen].every((x) => x !== null && x !== undefined)
    ? (v.grossFen ?? 0) - (v.landRentFen ?? 0) - (v.taxInsuranceFen ?? 0) - (v.maintenanceFen ?? 0)
    : null;
  const amount = [{ validator: async (_r: unknown, x: number | null) => { if (x === null) throw new Error(t('assets.notAnAmount')); } }];
  const money = (name: keyof Values, text: string, rules: object[] = amount) => (
    <Form.Item name={name} label={text} rules={rules}><MoneyInput label={text} /></Form.Item>
  );
  return (
    <Modal open={open} title={t('assets.recordIncome')} onCancel={onClose} onOk={() => form.submit()} okText={t('assets.postIncome')} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} name="income" layout="vertical" onFinish={save}
        initialValues={{ receivedOn: todayIso(), grossFen: 0, landRentFen: 0, taxInsuranceFen: 0, maintenanceFen: 0 }}>
        <Form.Item name="receivedOn" label={t('assets.receivedOn')} rules={required}><Input type="date" /></Form.Item>
        <Form.Item name="period" label={t('assets.period')}><Input placeholder={t('assets.periodHint')} /></Form.Item>
        {money('grossFen', t('assets.gross'), [...required, ...amount])}
        {money('landRentFen', t('assets.landRent'))}
        {money('taxInsuranceFen', t('assets.taxInsurance'))}
        {money('maintenanceFen', t('assets.maintenance'))}
        <Typography.Paragraph role="status">
          {t('assets.distributable')}: {distributable === null ? '—' : <Money fen={distributable} strong />}
        </Typography.Paragraph>
        <Form.Item name="note" label={t('assets.note')}><Input /></Form.Item>
        <Typography.Paragraph type="secondary">{t('assets.incomePostingHint')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}

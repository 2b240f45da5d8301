import { useEffect } from 'react';
import { Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate, useRoute } from '../../app/router';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { FormActions } from '../../components/FormActions';
import { BANK_ACCOUNT } from '../../../../db/funds/format';
import { useFundOptions } from './pickers';
import { LinesEditor, type LineValues } from './LinesEditor';

const today = () => new Date().toISOString().slice(0, 10);
const emptyLine: LineValues = { summary: '' };

/**
 * Preparing a voucher (制单), or editing a draft. `?template=receipt&sourceId=…` starts a receipt of
 * that source: the bank account debited, the source's receipt account credited.
 */
export function VoucherForm({ voucherId }: { voucherId?: number }) {
  const { t } = useI18n();
  const { form, save, error, busy, required } = useLedgerForm(async (values: { date: string; memo: string; attachments: number; lines: LineValues[] }) => {
    const fields = { ...values, lines: values.lines.map((l) => ({ ...l, debitFen: l.debitFen ?? 0, creditFen: l.creditFen ?? 0 })) } as never;
    if (voucherId) await call('funds.updateVoucher', { ...(fields as object), voucherId } as never);
    const id = voucherId ?? (await call('funds.createVoucher', fields)).id;
    navigate(`funds/voucher/${id}`);
  });
  const { params } = useRoute();
  const options = useFundOptions();
  const existing = useCall('funds.voucher', voucherId ? { voucherId } : null);
  const householdLabels = Object.fromEntries((existing.data?.lines ?? [])
    .filter((l) => l.householdId).map((l) => [l.householdId, `${l.householdArchiveNo} ${l.householdHead}`]));

  useEffect(() => {
    const v = existing.data;
    if (v) form.setFieldsValue({ date: v.date, memo: v.memo, attachments: v.attachments, lines: v.lines.map((l) => ({ ...l })) });
  }, [existing.data, form]);

  const template = params.get('template');
  const templateSource = Number(params.get('sourceId'));
  useEffect(() => {
    if (voucherId || template !== 'receipt') return;
    const source = options.sources.find((s) => s.id === templateSource);
    const account = (code: string) => options.accounts.find((a) => a.code === code)?.id;
    if (!source || !account(BANK_ACCOUNT)) return;
    form.setFieldsValue({
      memo: `${t('funds.receiptOf')} ${source.title}`.slice(0, 120),
      lines: [
        { accountId: account(BANK_ACCOUNT), summary: source.docNo, debitFen: source.amountFen },
        { accountId: account(source.receiptAccount), summary: source.docNo, creditFen: source.amountFen, sourceId: source.id },
      ],
    });
  }, [voucherId, template, templateSource, options.sources, options.accounts, form, t]);

  return (
    <section aria-labelledby="voucher-form-title">
      <Typography.Title level={3} id="voucher-form-title">{voucherId ? t('funds.editVoucher') : t('funds.newVoucher')}</Typography.Title>
      <FormError error={error} gap={16} />
      <Form form={form} name="voucher" layout="vertical" onFinish={save} initialValues={{ date: today(), attachments: 0, lines: [emptyLine, emptyLine] }}>
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={5}><Form.Item name="date" label={t('funds.date')} rules={required}><Input type="date" /></Form.Item></Col>
            <Col xs={24} md={15}><Form.Item name="memo" label={t('funds.memo')} rules={required}><Input maxLength={120} /></Form.Item></Col>
            <Col xs={24} md={4}><Form.Item name="attachments" label={t('funds.attachments')}><InputNumber min={0} max={999} aria-label={t('funds.attachments')} /></Form.Item></Col>
          </Row>
        </Card>
        <Card title={t('funds.lines')}>
          <LinesEditor form={form} options={options} householdLabels={householdLabels} />
        </Card>
        <FormActions submitLabel={t('funds.saveDraft')} busy={busy} />
      </Form>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate, useRoute } from '../../app/router';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';
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
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const { params } = useRoute();
  const options = useFundOptions();
  const existing = useCall('funds.voucher', voucherId ? { voucherId } : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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

  const save = async (values: { date: string; memo: string; attachments: number; lines: LineValues[] }) => {
    setBusy(true);
    setError(null);
    const fields = { ...values, lines: values.lines.map((l) => ({ ...l, debitFen: l.debitFen ?? 0, creditFen: l.creditFen ?? 0 })) } as never;
    try {
      if (voucherId) await call('funds.updateVoucher', { ...(fields as object), voucherId } as never);
      const id = voucherId ?? (await call('funds.createVoucher', fields)).id;
      navigate(`funds/voucher/${id}`);
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="voucher-form-title">
      <Typography.Title level={3} id="voucher-form-title">{voucherId ? t('funds.editVoucher') : t('funds.newVoucher')}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} name="voucher" layout="vertical" onFinish={save} initialValues={{ date: today(), attachments: 0, lines: [emptyLine, emptyLine] }}>
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={5}><Form.Item name="date" label={t('funds.date')} rules={[{ required: true, message: t('common.required') }]}><Input type="date" /></Form.Item></Col>
            <Col xs={24} md={15}><Form.Item name="memo" label={t('funds.memo')} rules={[{ required: true, message: t('common.required') }]}><Input maxLength={120} /></Form.Item></Col>
            <Col xs={24} md={4}><Form.Item name="attachments" label={t('funds.attachments')}><InputNumber min={0} max={999} aria-label={t('funds.attachments')} /></Form.Item></Col>
          </Row>
        </Card>
        <Card title={t('funds.lines')}>
          <LinesEditor form={form} options={options} householdLabels={householdLabels} />
        </Card>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>{t('funds.saveDraft')}</Button>
          <Button onClick={() => window.history.back()}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </section>
  );
}

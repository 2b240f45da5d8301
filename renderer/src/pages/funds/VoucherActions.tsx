import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { useFundRoles } from './roles';

type Voucher = ApiOutput<'funds.voucher'>;

/** What can be done with a voucher now, by this user: edit, delete, review, send back, post, reverse. */
export function VoucherActions({ voucher: v, onChanged }: { voucher: Voucher; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const roles = useFundRoles();
  const [asking, setAsking] = useState<'unreview' | 'reverse' | null>(null);
  const [form] = Form.useForm();
  const own = roles.userId === v.preparedById;

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) void message.success(done);
      setAsking(null);
      onChanged();
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };
  const id = { voucherId: v.id };
  const reverse = async (values: { date: string; memo?: string }) => {
    const created = await call('funds.reverseVoucher', { ...id, date: values.date, memo: values.memo || undefined });
    navigate(`funds/voucher/${created.id}`);
  };

  return (
    <Space wrap>
      {v.status === 'draft' && roles.prepare && v.origin !== 'reversal' && (
        <Button onClick={() => navigate(`funds/voucher/${v.id}/edit`)}>{t('common.edit')}</Button>
      )}
      {v.status === 'draft' && roles.prepare && (
        <Popconfirm title={t('funds.confirmDelete')} onConfirm={() => run(async () => { await call('funds.deleteVoucher', id); navigate('funds/vouchers'); })}>
          <Button danger>{t('funds.delete')}</Button>
        </Popconfirm>
      )}
      {v.status === 'draft' && roles.review && (own
        ? <Typography.Text type="secondary">{t('funds.makerChecker')}</Typography.Text>
        : <Button type="primary" onClick={() => run(() => call('funds.reviewVoucher', id), t('funds.reviewed'))}>{t('funds.review')}</Button>)}
      {v.status === 'reviewed' && roles.post && (
        <Popconfirm title={t('funds.confirmPost')} onConfirm={() => run(() => call('funds.postVoucher', id), t('funds.posted'))}>
          <Button type="primary">{t('funds.post')}</Button>
        </Popconfirm>
      )}
      {v.status === 'reviewed' && roles.review && <Button onClick={() => setAsking('unreview')}>{t('funds.unreview')}</Button>}
      {v.status === 'posted' && roles.prepare && v.origin !== 'reversal' && !v.reversedByNo && (
        <Button danger onClick={() => setAsking('reverse')}>{t('funds.reverse')}</Button>
      )}
      <Button onClick={() => window.print()}>{t('funds.print')}</Button>
      <Modal open={asking !== null} title={asking === 'reverse' ? t('funds.reverse') : t('funds.unreview')} okText={t('common.confirm')}
        onCancel={() => setAsking(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} name="voucherAction" layout="vertical" initialValues={{ date: new Date().toISOString().slice(0, 10) }}
          onFinish={(values) => run(() => (asking === 'reverse' ? reverse(values) : call('funds.unreviewVoucher', { ...id, reason: values.reason })))}>
          {asking === 'reverse' ? (
            <>
              <Typography.Paragraph>{t('funds.reverseHint')}</Typography.Paragraph>
              <Form.Item name="date" label={t('funds.reversalDate')} rules={[{ required: true, message: t('common.required') }]}><Input type="date" /></Form.Item>
              <Form.Item name="memo" label={t('funds.memo')}><Input placeholder={`冲销 ${v.voucherNo} ${v.memo}`} /></Form.Item>
            </>
          ) : (
            <Form.Item name="reason" label={t('funds.reason')} rules={[{ required: true, message: t('common.required') }]}><Input /></Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

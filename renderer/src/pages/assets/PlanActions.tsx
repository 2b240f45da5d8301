import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../../components/errors';
import { useAssetRoles } from './roles';
import { PayDialog } from './PayDialog';
import { todayIso } from './dates';

type Plan = ApiOutput<'assets.plan'>;

/** What this user may do with the plan now: approve, cancel, pay, request / approve / withdraw a reversal. */
export function PlanActions({ plan: p, onChanged }: { plan: Plan; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const roles = useAssetRoles();
  const [paying, setPaying] = useState(false);
  const [reversing, setReversing] = useState(false);
  const [form] = Form.useForm<{ date: string; reason: string }>();
  const id = { planId: p.id };
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      onChanged();
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };
  const own = roles.userId === p.preparedById;
  const requestedByMe = roles.userId === p.reversalRequestedById;
  return (
    <>
      {p.status === 'draft' && roles.approve && (own
        ? <Typography.Text type="secondary">{t('assets.makerChecker')}</Typography.Text>
        : <Popconfirm title={t('assets.confirmApprove')} onConfirm={() => run(() => call('assets.approvePlan', id), t('assets.approved'))}>
            <Button type="primary">{t('assets.approve')}</Button>
          </Popconfirm>)}
      {p.status === 'approved' && roles.pay && <Button type="primary" onClick={() => setPaying(true)}>{t('assets.pay')}</Button>}
      {(p.status === 'draft' || p.status === 'approved') && (roles.prepare || roles.approve) && (
        <Popconfirm title={t('assets.confirmCancel')} onConfirm={() => run(() => call('assets.cancelPlan', id), t('assets.cancelled'))}>
          <Button danger>{t('assets.cancelPlan')}</Button>
        </Popconfirm>
      )}
      {p.status === 'paid' && roles.prepare && <Button danger onClick={() => setReversing(true)}>{t('assets.requestReversal')}</Button>}
      {p.status === 'reversing' && roles.approve && (requestedByMe
        ? <Typography.Text type="secondary">{t('assets.reversalMakerChecker')}</Typography.Text>
        : <Popconfirm title={t('assets.confirmReverse')} onConfirm={() => run(() => call('assets.approveReversal', id), t('assets.reversed'))}>
            <Button danger type="primary">{t('assets.approveReversal')}</Button>
          </Popconfirm>)}
      {p.status === 'reversing' && (roles.prepare || roles.approve) && (
        <Button onClick={() => run(() => call('assets.withdrawReversal', id), t('assets.reversalWithdrawn'))}>{t('assets.withdrawReversal')}</Button>
      )}
      <PayDialog open={paying} plan={p} onClose={() => { setPaying(false); onChanged(); }} />
      <Modal open={reversing} title={t('assets.requestReversal')} okText={t('common.confirm')} onCancel={() => setReversing(false)} onOk={() => form.submit()} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('assets.reversalHint')}</Typography.Paragraph>
        <Form form={form} name="reversal" layout="vertical" initialValues={{ date: todayIso() }}
          onFinish={(v) => run(async () => { await call('assets.requestReversal', { ...id, ...v }); setReversing(false); }, t('assets.reversalRequested'))}>
          <Form.Item name="date" label={t('assets.reversalDate')} rules={[{ required: true, message: t('common.required') }]}><Input type="date" /></Form.Item>
          <Form.Item name="reason" label={t('assets.reversalReason')} rules={[{ required: true, message: t('common.required') }]}><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

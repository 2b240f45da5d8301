import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Progress, Steps, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../../components/errors';
import { Money } from '../../components/Money';
import { todayIso } from './dates';

type Plan = ApiOutput<'assets.plan'>;
type Result = ApiOutput<'assets.payPlan'>;
type Phase = 'confirm' | 'paying' | 'done' | 'failed';

/** Pays an approved plan: the date, then progress while the ledger posts every voucher in one transaction, then the vouchers. */
export function PayDialog({ open, plan, onClose }: { open: boolean; plan: Plan; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(todayIso());
  const [phase, setPhase] = useState<Phase>('confirm');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (phase !== 'paying') return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [phase]);
  useEffect(() => {
    if (open) {
      setPhase('confirm');
      setResult(null);
      setError(null);
    }
  }, [open]);
  const pay = async () => {
    setPhase('paying');
    setSeconds(0);
    try {
      setResult(await call('assets.payPlan', { planId: plan.id, date }));
      setPhase('done');
    } catch (err) {
      setError(errorText(err, lang));
      setPhase('failed');
    }
  };
  const step = { confirm: 0, paying: 1, done: 2, failed: 1 }[phase];
  return (
    <Modal open={open} title={t('assets.payTitle', { title: plan.title })} onCancel={phase === 'paying' ? undefined : onClose} closable={phase !== 'paying'} maskClosable={false}
      footer={phase === 'confirm'
        ? [<Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>, <Button key="pay" type="primary" onClick={pay}>{t('assets.payNow')}</Button>]
        : [<Button key="close" onClick={onClose} disabled={phase === 'paying'}>{t('common.close')}</Button>]}>
      <Steps size="small" current={step} status={phase === 'failed' ? 'error' : undefined} style={{ marginBottom: 16 }}
        items={[{ title: t('assets.payStep1') }, { title: t('assets.payStep2') }, { title: t('assets.payStep3') }]} />
      {phase === 'confirm' && (
        <>
          <Typography.Paragraph>
            {t('assets.payConfirm', { households: plan.counts.paidHouseholds })} <Money fen={plan.totalFen} strong />
          </Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t('assets.payDate')} htmlFor="pay-date"><Input id="pay-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} /></Form.Item>
          </Form>
          <Typography.Paragraph type="secondary">{t('assets.payAtomic')}</Typography.Paragraph>
        </>
      )}
      {phase === 'paying' && (
        <div role="status" aria-live="polite">
          <Progress percent={99} status="active" showInfo={false} />
          <Typography.Paragraph>{t('assets.paying', { seconds })}</Typography.Paragraph>
        </div>
      )}
      {phase === 'done' && result && (
        <Alert type="success" showIcon role="status" title={t('assets.paid', { lines: result.lines, vouchers: result.vouchers.length })}
          description={<span>{result.vouchers.map((v) => v.voucherNo).join('、')} · <Money fen={result.totalFen} strong /></span>} />
      )}
      {phase === 'failed' && <Alert type="error" showIcon role="alert" title={t('assets.payFailed')} description={error} />}
    </Modal>
  );
}

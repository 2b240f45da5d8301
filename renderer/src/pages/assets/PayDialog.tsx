import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Progress, Steps, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../../components/errors';
import { useJob, type JobView } from '../../components/useJob';
import { Money } from '../../components/Money';
import type { PayResult } from '../../../../db/assets/pay';
import { todayIso } from './dates';

type Plan = ApiOutput<'assets.plan'>;
type Phase = 'confirm' | 'paying' | 'done' | 'failed';

const jobError = (job: JobView, lang: string) => (job.error ? (lang === 'zh' ? job.error.zh : job.error.message) : '');

/**
 * Pays an approved plan: the date, then a background job (assets.payPlanJob) that posts every voucher
 * in one transaction — progress by voucher, and a stop that leaves nothing paid — then the vouchers.
 */
export function PayDialog({ open, plan, onClose }: { open: boolean; plan: Plan; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(todayIso());
  const [phase, setPhase] = useState<Phase>('confirm');
  const [result, setResult] = useState<PayResult | null>(null);
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const [seconds, setSeconds] = useState(0);
  const { job, follow, cancel, percent } = useJob((done) => {
    if (done.state === 'done') {
      setResult(done.result as PayResult);
      setPhase('done');
    } else {
      setError({ title: t(done.state === 'cancelled' ? 'assets.payStopped' : 'assets.payFailed'), text: done.state === 'cancelled' ? '' : jobError(done, lang) });
      setPhase('failed');
    }
  });
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
      follow(await call('assets.payPlanJob', { planId: plan.id, date }));
    } catch (err) {
      setError({ title: t('assets.payFailed'), text: errorText(err, lang) });
      setPhase('failed');
    }
  };
  const step = { confirm: 0, paying: 1, done: 2, failed: 1 }[phase];
  const footer = {
    confirm: [<Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>, <Button key="pay" type="primary" onClick={pay}>{t('assets.payNow')}</Button>],
    paying: [<Button key="stop" danger onClick={cancel} disabled={!job}>{t('assets.payStop')}</Button>],
    done: [<Button key="close" onClick={onClose}>{t('common.close')}</Button>],
    failed: [<Button key="close" onClick={onClose}>{t('common.close')}</Button>],
  }[phase];
  return (
    <Modal open={open} title={t('assets.payTitle', { title: plan.title })} onCancel={phase === 'paying' ? undefined : onClose} closable={phase !== 'paying'} maskClosable={false}
      footer={footer}>
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
          <Progress percent={job && job.total > 0 ? percent : 0} status="active" aria-label={t('common.progress')} />
          <Typography.Paragraph>
            {job && job.total > 0 ? t('assets.payingVouchers', { done: job.done, total: job.total, seconds }) : t('assets.paying', { seconds })}
          </Typography.Paragraph>
        </div>
      )}
      {phase === 'done' && result && (
        <Alert type="success" showIcon role="status" title={t('assets.paid', { lines: result.lines, vouchers: result.vouchers.length })}
          description={<span>{result.vouchers.map((v) => v.voucherNo).join('、')} · <Money fen={result.totalFen} strong /></span>} />
      )}
      {phase === 'failed' && error && <Alert type={error.text ? 'error' : 'warning'} showIcon role="alert" title={error.title} description={error.text || undefined} />}
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { CodeSelect } from '../../components/CodeSelect';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';
import { useRegistryRoles } from './roles';

type Timeline = ApiOutput<'registry.statusTimeline'>;
type EventView = Timeline['events'][number];

const STATE_COLOR: Record<EventView['state'], string> = { proposed: 'blue', approved: 'green', rejected: 'gray' };

function EventText({ e }: { e: EventView }) {
  const { t, label } = useI18n();
  return (
    <div>
      <Space wrap>
        <Typography.Text strong>{e.eventDate}</Typography.Text>
        <span>{label('statusEventType', e.type)}</span>
        {e.monitoringType && <Tag color="orange">{label('monitoringType', e.monitoringType)}</Tag>}
        {e.cancelReason && <Tag>{label('cancelReason', e.cancelReason)}</Tag>}
        <Tag color={STATE_COLOR[e.state]}>{t(`reg.status.state.${e.state}`)}</Tag>
      </Space>
      <div>{t('reg.status.reason')}: {e.reason}</div>
      {e.evidence && <div>{t('reg.status.evidence')}: {e.evidence}</div>}
      <Typography.Text type="secondary">
        {t('reg.status.proposedBy', { name: e.proposedByName, at: e.proposedAt.slice(0, 10) })}
        {e.decidedByName && ` · ${t(`reg.status.decidedBy.${e.state}`, { name: e.decidedByName, at: (e.decidedAt ?? '').slice(0, 10) })}`}
        {e.decisionNote && ` · ${e.decisionNote}`}
        {e.assessmentId && ` · ${t('reg.status.assessmentNo', { id: e.assessmentId })}`}
      </Typography.Text>
    </div>
  );
}

/** Approve or reject the open proposal; the proposer may only withdraw (reject) it. */
function DecideBox({ event, onDone }: { event: EventView; onDone: () => void }) {
  const { t, lang } = useI18n();
  const roles = useRegistryRoles();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const own = roles.userId === event.proposedBy;
  const decide = async (decision: 'approve' | 'reject' | 'withdraw') => {
    setBusy(true);
    setError(null);
    try {
      if (decision === 'withdraw') await call('registry.withdrawStatus', { eventId: event.id, note });
      else await call('registry.decideStatus', { eventIds: [event.id], decision, note });
      setNote('');
      onDone();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  if (!roles.decide && !own) return <Alert type="info" showIcon title={t('reg.status.waiting')} />;
  return (
    <Card size="small" title={t('reg.status.decideTitle')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      {own && <Alert type="warning" showIcon title={t('reg.status.ownProposal')} style={{ marginBottom: 8 }} />}
      <Input.TextArea aria-label={t('reg.status.note')} placeholder={t('reg.status.note')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      <Flex gap={8} style={{ marginTop: 8 }}>
        {!own && roles.decide && <Button type="primary" loading={busy} onClick={() => decide('approve')}>{t('reg.status.approve')}</Button>}
        <Button danger loading={busy} onClick={() => decide(own ? 'withdraw' : 'reject')} disabled={!note.trim()}>{own ? t('reg.status.withdraw') : t('reg.status.reject')}</Button>
      </Flex>
    </Card>
  );
}

function ProposeForm({ householdId, timeline, onDone }: { householdId: number; timeline: Timeline; onDone: () => void }) {
  const { t, lang, label } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const type = Form.useWatch('type', form) as string | undefined;
  const assessmentId = Form.useWatch('assessmentId', form) as number | undefined;
  const assessments = useCall('registry.assessments', type === 'exit' ? { householdId } : null);
  const chosen = assessments.data?.find((a) => a.id === assessmentId);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call('registry.proposeStatus', { householdId, ...values } as never);
      form.resetFields();
      onDone();
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Card size="small" title={t('reg.status.proposeTitle')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ eventDate: new Date().toISOString().slice(0, 10) }}>
        <Flex gap={12} wrap>
          <Form.Item name="type" label={t('reg.status.type')} rules={required} style={{ minWidth: 220 }}>
            <Select aria-label={t('reg.status.type')} options={timeline.allowed.map((c) => ({ value: c, label: label('statusEventType', c) }))} />
          </Form.Item>
          <Form.Item name="eventDate" label={t('reg.status.date')} rules={required}><Input type="date" /></Form.Item>
          {type === 'monitor_start' && (
            <Form.Item name="monitoringType" label={t('registry.monitoring')} rules={required} style={{ minWidth: 200 }}>
              <Select aria-label={t('registry.monitoring')} options={timeline.allowedMonitoring.map((c) => ({ value: c, label: label('monitoringType', c) }))} />
            </Form.Item>
          )}
          {type === 'cancel' && (
            <Form.Item name="cancelReason" label={t('reg.status.cancelReason')} rules={required}>
              <CodeSelect list="cancelReason" label={t('reg.status.cancelReason')} allowClear={false} />
            </Form.Item>
          )}
          {type === 'exit' && (
            <Form.Item name="assessmentId" label={t('reg.status.assessment')} rules={required} extra={!assessments.data?.length ? t('reg.status.assessFirst') : undefined} style={{ minWidth: 280 }}>
              <Select
                aria-label={t('reg.status.assessment')}
                options={(assessments.data ?? []).filter((a) => a.eventId === null).map((a) => ({
                  value: a.id,
                  label: `${a.year} · ${a.passed ? t('reg.assess.passed') : t('reg.assess.failed')} · ${a.assessedAt.slice(0, 10)}`,
                }))}
              />
            </Form.Item>
          )}
        </Flex>
        {chosen && !chosen.passed && (
          <>
            <Alert type="warning" showIcon title={t('reg.status.overrideNeeded')} description={chosen.checks.filter((c) => !c.ok).map((c) => (lang === 'zh' ? c.zh : c.en)).join('；')} style={{ marginBottom: 8 }} />
            <Form.Item name="overrideReason" label={t('reg.status.overrideReason')} rules={required}><Input.TextArea rows={2} /></Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('reg.status.reason')} rules={required}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="evidence" label={t('reg.status.evidence')} extra={t('reg.status.evidenceHint')}><Input.TextArea rows={2} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('reg.status.propose')}</Button>
      </Form>
    </Card>
  );
}

/** The household's status over time: derived state, timeline, the open proposal and the next step. */
export function StatusPanel({ householdId, onChanged }: { householdId: number; onChanged: () => void }) {
  const { t, label } = useI18n();
  const roles = useRegistryRoles();
  const { data, reload } = useCall('registry.statusTimeline', { householdId });
  if (!data) return null;
  const done = () => {
    reload();
    onChanged();
  };
  const c = data.current;
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('registry.status')}>{label('householdStatus', c.status)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.monitoring')}>{c.monitoringType ? label('monitoringType', c.monitoringType) : t('reg.status.none')}</Descriptions.Item>
        <Descriptions.Item label={t('registry.statusSince')}>{c.statusSince ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('registry.policyEndsOn')}>{c.policyEndsOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('registry.reviewDue')}>{c.reviewDue ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reg.status.rules')}>{t('reg.status.rulesText', { ...data.rules })}</Descriptions.Item>
      </Descriptions>
      <section aria-label={t('reg.status.timeline')}>
        <Typography.Title level={5}>{t('reg.status.timeline')}</Typography.Title>
        {data.events.length
          ? <Timeline items={data.events.map((e) => ({ key: e.id, color: STATE_COLOR[e.state], content: <EventText e={e} /> }))} />
          : <Empty description={t('reg.status.noEvents')} />}
      </section>
      {data.open && <DecideBox event={data.open} onDone={done} />}
      {!data.open && roles.write && data.allowed.length > 0 && <ProposeForm householdId={householdId} timeline={data} onDone={done} />}
    </Flex>
  );
}

import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate } from '../../app/router';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { FormActions } from '../../components/FormActions';
import { Money } from '../../components/Money';
import { HouseholdPicker } from '../funds/pickers';
import { TIE_BREAK_RULE } from '../../../../db/rules/apportion';
import { todayIso } from './dates';
import { jobResult } from './jobResult';

type PreparedPlan = ReturnType<typeof import('../../../../db/assets/plans').preparePlan>;

const RULES = ['only-with-policy', 'include', 'exclude'] as const;

interface Values {
  assetId: number;
  title: string;
  asOf: string;
  postPct: number;
  worksPct: number;
  exitedRule: (typeof RULES)[number];
  incomeIds: number[];
  postHolders?: { householdId: number; weight: number }[];
}

/** Percent with two decimals → basis points (integers; 12.34% → 1234). */
const toBp = (pct: number | null | undefined) => Math.round((pct ?? 0) * 100);

/** 编制分配方案: incomes, date, split and rules; preparing computes every household's amount for the preview. */
export function PlanForm({ assetId }: { assetId?: number }) {
  const { t, lang } = useI18n();
  const { form, save, error, busy, required } = useLedgerForm<Values>(async (v: Values) => {
    // Preparing runs as a background job (60,000 shareholders take seconds); the form stays busy until it ends.
    const started = await call('assets.preparePlanJob', {
      assetId: v.assetId, title: v.title, asOf: v.asOf, postBp: toBp(v.postPct), worksBp: toBp(v.worksPct), exitedRule: v.exitedRule,
      incomeIds: v.incomeIds?.length ? v.incomeIds : undefined, postHolders: (v.postHolders ?? []).filter((p) => p?.householdId),
    });
    const plan = await jobResult<PreparedPlan>(started);
    navigate(`assets/plan/${plan.id}`);
  });
  const assets = useCall('assets.options', {});
  const chosen = Form.useWatch('assetId', form) ?? assetId;
  const incomes = useCall('assets.incomes', chosen ? { assetId: chosen } : null);
  const waiting = (incomes.data ?? []).filter((i) => i.planId === null && i.distributableFen > 0);
  const postPct = Form.useWatch('postPct', form) ?? 0;
  const worksPct = Form.useWatch('worksPct', form) ?? 0;

  const pct = (name: 'postPct' | 'worksPct', text: string) => (
    <Form.Item name={name} label={text} rules={required}>
      <InputNumber min={0} max={100} precision={2} suffix="%" aria-label={text} style={{ width: 140 }} />
    </Form.Item>
  );

  return (
    <section aria-labelledby="plan-form-title">
      <Typography.Title level={3} id="plan-form-title">{t('assets.newPlan')}</Typography.Title>
      <FormError error={error} gap={16} />
      <Form form={form} name="plan" layout="vertical" onFinish={save}
        initialValues={{ assetId, asOf: todayIso(), postPct: 0, worksPct: 0, exitedRule: 'only-with-policy', incomeIds: [], postHolders: [] }}>
        <Card title={t('assets.planBasics')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="assetId" label={t('assets.asset')} rules={required}>
                <Select aria-label={t('assets.asset')} showSearch={{ optionFilterProp: 'label' }}
                  options={(assets.data ?? []).filter((a) => a.status !== 'disposed').map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}><Form.Item name="title" label={t('assets.planTitle')} rules={required}><Input placeholder={t('assets.planTitleHint')} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="asOf" label={t('assets.asOf')} rules={required} extra={t('assets.asOfHint')}><Input type="date" /></Form.Item></Col>
          </Row>
          <Form.Item name="incomeIds" label={t('assets.planIncomes')} extra={t('assets.planIncomesHint')}>
            <Checkbox.Group options={waiting.map((i) => ({ value: i.id, label: <span>{i.receivedOn} {i.period} <Money fen={i.distributableFen} /></span> }))} />
          </Form.Item>
          {chosen && !incomes.loading && waiting.length === 0 && <Alert type="info" showIcon title={t('assets.noWaitingIncome')} />}
        </Card>
        <Card title={t('assets.split')} style={{ marginBottom: 16 }}>
          <Space size="large" wrap align="start">
            {pct('postPct', t('assets.postPct'))}
            {pct('worksPct', t('assets.worksPct'))}
            <Form.Item label={t('assets.sharesPct')}>
              <Typography.Text strong aria-live="polite">{(Math.max(0, 10000 - toBp(postPct) - toBp(worksPct)) / 100).toFixed(2)}%</Typography.Text>
            </Form.Item>
          </Space>
          <Form.Item name="exitedRule" label={t('assets.exitedRule')} rules={required}>
            <Select aria-label={t('assets.exitedRule')} style={{ maxWidth: 520 }} options={RULES.map((r) => ({ value: r, label: t(`assets.exitedRules.${r}`) }))} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('assets.eligibilityText')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{TIE_BREAK_RULE[lang]}</Typography.Paragraph>
        </Card>
        <Card title={t('assets.postHolders')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('assets.postHoldersHint')}</Typography.Paragraph>
          <Form.List name="postHolders">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="start">
                    <Form.Item name={[f.name, 'householdId']} rules={required} label={t('assets.postHolderN', { n: i + 1 })}>
                      <HouseholdPicker label={t('assets.postHolderN', { n: i + 1 })} style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={required} label={t('assets.postWeight')} initialValue={1}>
                      <InputNumber min={1} max={1000} precision={0} aria-label={`${t('assets.postWeight')} ${i + 1}`} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }} aria-label={`${t('common.remove')} ${i + 1}`}>{t('common.remove')}</Button>
                  </Flex>
                ))}
                <Button onClick={() => add({ weight: 1 })}>{t('assets.addPostHolder')}</Button>
              </>
            )}
          </Form.List>
        </Card>
        <FormActions submitLabel={t('assets.prepare')} busy={busy} marginTop={0} />
      </Form>
    </section>
  );
}

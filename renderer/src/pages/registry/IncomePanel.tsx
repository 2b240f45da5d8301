import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, List, Modal, Table, Tag, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { CodeSelect } from '../../components/CodeSelect';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';
import { formatFen } from '../../../../db/rules/money';
import { Money, MoneyInput } from '../../components/Money';
import { useRegistryRoles } from './roles';

type IncomeYear = ApiOutput<'registry.incomes'>[number];
type Assessment = ApiOutput<'registry.assessments'>[number];

const thisYear = new Date().getFullYear();

/** Editing one year's income items (amounts in yuan on screen, fen in the ledger). */
function IncomeEditor({ householdId, year, initial, onClose }: { householdId: number; year: number | null; initial?: IncomeYear; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (values: { year: number; items: { item: string; amountFen: number; note?: string }[] }) => {
    setBusy(true);
    setError(null);
    try {
      await call('registry.setIncomes', { householdId, year: values.year, items: (values.items ?? []).map((i) => ({ ...i, note: i.note ?? '' })) as never });
      onClose(true);
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('reg.income.editTitle')} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} width={760} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ year: year ?? thisYear, items: initial?.items ?? [{ item: 'wages', amountFen: 0 }] }}>
        <Form.Item name="year" label={t('reg.income.year')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1990} max={2100} disabled={year !== null} aria-label={t('reg.income.year')} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'item']} rules={[{ required: true, message: t('common.required') }]} style={{ flex: 2 }}>
                    <CodeSelect list="incomeItem" label={`${t('reg.income.item')} ${i + 1}`} allowClear={false} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountFen']} rules={[{ required: true, message: t('common.required') }]} style={{ flex: 1 }}>
                    <MoneyInput label={`${t('reg.income.amount')} ${i + 1}`} placeholder={t('reg.income.amount')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} style={{ flex: 2 }}>
                    <Input aria-label={`${t('reg.income.note')} ${i + 1}`} placeholder={t('reg.income.note')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)} aria-label={`${t('common.remove')} ${i + 1}`}>{t('common.remove')}</Button>
                </Flex>
              ))}
              <Button onClick={() => add({ amountFen: 0 })}>{t('reg.income.addItem')}</Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('reg.income.hint')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}

function AssessmentResult({ a }: { a: Assessment }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      type={a.passed ? 'success' : a.overrideReason ? 'warning' : 'error'}
      showIcon
      title={`${a.year} · ${a.passed ? t('reg.assess.passed') : t('reg.assess.failed')} · ${t('reg.assess.perCapita')} ${formatFen(a.perCapitaFen)} / ${formatFen(a.lineFen)}`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {a.checks.map((c) => (
            <li key={c.check}>
              <Tag color={c.ok ? 'green' : 'red'}>{c.ok ? t('reg.assess.ok') : t('reg.assess.fails')}</Tag>
              {t(`reg.assess.check.${c.check}`)}{!c.ok && `：${lang === 'zh' ? c.zh : c.en}`}
            </li>
          ))}
          {a.overrideReason && <li>{t('reg.status.overrideReason')}: {a.overrideReason}</li>}
        </ul>
      }
    />
  );
}

/** Income by year and item, per-capita net income against the line, and exit assessments. */
export function IncomePanel({ householdId }: { householdId: number }) {
  const { t, lang, label } = useI18n();
  const roles = useRegistryRoles();
  const incomes = useCall('registry.incomes', { householdId });
  const assessments = useCall('registry.assessments', { householdId });
  const [editing, setEditing] = useState<{ year: number | null; initial?: IncomeYear } | null>(null);
  const [assessYear, setAssessYear] = useState<number>(thisYear);
  const [foodClothing, setFoodClothing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const assess = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('registry.assess', { householdId, year: assessYear, foodClothingConfirmed: foodClothing });
      assessments.reload();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('reg.income.title')} extra={roles.write && <Button onClick={() => setEditing({ year: null })}>{t('reg.income.addYear')}</Button>}>
        <Table
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={incomes.data ?? []}
          expandable={{
            expandedRowRender: (y) => (
              <List size="small" dataSource={y.items} renderItem={(i) => <List.Item>{label('incomeItem', i.item)} · <Money fen={i.amountFen} />{i.note && ` · ${i.note}`}</List.Item>} />
            ),
          }}
          columns={[
            { title: t('reg.income.year'), dataIndex: 'year' },
            { title: t('reg.income.net'), dataIndex: 'netFen', align: 'right', render: (v: number) => <Money fen={v} /> },
            { title: t('reg.income.people'), dataIndex: 'people', align: 'right' },
            { title: t('reg.assess.perCapita'), dataIndex: 'perCapitaFen', align: 'right', render: (v: number | null) => <Money fen={v} /> },
            { title: t('reg.income.line'), dataIndex: 'lineFen', align: 'right', render: (v: number | null) => (v === null ? t('reg.income.noLine') : <Money fen={v} />) },
            { title: t('reg.income.aboveLine'), dataIndex: 'aboveLine', render: (v: boolean | null) => (v === null ? '' : <Tag color={v ? 'green' : 'red'}>{v ? t('common.yes') : t('common.no')}</Tag>) },
            ...(roles.write ? [{ title: '', key: 'edit', render: (_: unknown, y: IncomeYear) => <Button size="small" onClick={() => setEditing({ year: y.year, initial: y })} aria-label={`${t('common.edit')} ${y.year}`}>{t('common.edit')}</Button> }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('reg.assess.title')}>
        {roles.write && (
          <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
            <InputNumber min={1990} max={2100} value={assessYear} onChange={(v) => setAssessYear(v ?? thisYear)} aria-label={t('reg.income.year')} />
            <Checkbox checked={foodClothing} onChange={(e) => setFoodClothing(e.target.checked)}>{t('reg.assess.foodClothing')}</Checkbox>
            <Button type="primary" onClick={assess} loading={busy}>{t('reg.assess.run')}</Button>
          </Flex>
        )}
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
        <Flex vertical gap={8}>
          {(assessments.data ?? []).map((a) => <AssessmentResult key={a.id} a={a} />)}
        </Flex>
      </Card>
      {editing && (
        <IncomeEditor householdId={householdId} year={editing.year} initial={editing.initial} onClose={(saved) => {
          setEditing(null);
          if (saved) incomes.reload();
        }} />
      )}
    </Flex>
  );
}

import { Button, Col, Flex, Form, Input, InputNumber, Row, Typography, type FormInstance } from 'antd';
import { capitalAmount, formatFen } from '../../../../db/rules/money';
import { useI18n } from '../../i18n';
import { AccountSelect, HouseholdPicker, ProjectSelect, SourceSelect, VillageSelect, type FundOptions } from './pickers';
import { MoneyInput } from '../../components/Money';

export interface LineValues {
  accountId?: number;
  summary?: string;
  debitFen?: number | null;
  creditFen?: number | null;
  sourceId?: number | null;
  projectId?: number | null;
  villageId?: number | null;
  householdId?: number | null;
  assetId?: number | null;
}

const total = (lines: LineValues[], side: 'debitFen' | 'creditFen') => lines.reduce((n, l) => n + (l[side] ?? 0), 0);

/** Σ debit, Σ credit, the difference, and the total in capitals (大写). */
function Totals({ form }: { form: FormInstance }) {
  const { t } = useI18n();
  const lines: LineValues[] = Form.useWatch('lines', form) ?? [];
  const [debit, credit] = [total(lines, 'debitFen'), total(lines, 'creditFen')];
  const difference = debit - credit;
  return (
    <Flex gap={24} wrap role="status" aria-live="polite" style={{ margin: '12px 0' }}>
      <span>{t('funds.totalDebit')}: <b>{formatFen(debit)}</b></span>
      <span>{t('funds.totalCredit')}: <b>{formatFen(credit)}</b></span>
      <Typography.Text type={difference === 0 ? undefined : 'danger'}>{difference === 0 ? '✓ ' : ''}{t('funds.difference')}: {formatFen(difference)}</Typography.Text>
      {difference === 0 && debit > 0 && <span>{t('funds.capital')}: {capitalAmount(debit)}</span>}
    </Flex>
  );
}

/** One voucher line: the money on the first row, its dimensions on the second. */
function LineRow({ index, options, form, onRemove, householdLabel }: {
  index: number;
  options: FundOptions;
  form: FormInstance;
  onRemove: () => void;
  householdLabel?: string | null;
}) {
  const { t } = useI18n();
  const accountId: number | undefined = Form.useWatch(['lines', index, 'accountId'], form);
  const needs = new Set(options.accounts.find((a) => a.id === accountId)?.requiredDims ?? []);
  const n = index + 1;
  const label = (key: string, dim?: string) => `${t(key)}${dim && needs.has(dim as never) ? ' *' : ''} ${n}`;
  const item = (name: string, child: React.ReactNode, span: number) => (
    <Col span={span}><Form.Item name={[index, name]} style={{ marginBottom: 6 }}>{child}</Form.Item></Col>
  );
  return (
    <div role="group" aria-label={`${t('funds.line')} ${n}`} style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }} data-testid={`line-${index}`}>
      <Row gutter={8} align="middle">
        <Col span={1}><Typography.Text type="secondary">{n}</Typography.Text></Col>
        {item('accountId', <AccountSelect accounts={options.accounts} leavesOnly label={label('funds.account')} style={{ width: '100%' }} />, 7)}
        {item('summary', <Input aria-label={label('funds.summary')} placeholder={t('funds.summary')} />, 6)}
        {item('debitFen', <MoneyInput label={label('funds.debit')} placeholder={t('funds.debit')} />, 4)}
        {item('creditFen', <MoneyInput label={label('funds.credit')} placeholder={t('funds.credit')} />, 4)}
        <Col span={2}><Button size="small" onClick={onRemove} aria-label={`${t('common.remove')} ${t('funds.line')} ${n}`}>{t('common.remove')}</Button></Col>
      </Row>
      <Row gutter={8}>
        <Col span={1} />
        {item('sourceId', <SourceSelect sources={options.sources} label={label('funds.source', 'source')} style={{ width: '100%' }} />, 6)}
        {item('projectId', <ProjectSelect projects={options.projects} label={label('funds.project', 'project')} style={{ width: '100%' }} />, 5)}
        {item('householdId', <HouseholdPicker label={label('funds.household', 'household')} initialLabel={householdLabel} style={{ width: '100%' }} />, 5)}
        {item('villageId', <VillageSelect villages={options.villages} label={label('registry.village', 'village')} style={{ width: '100%' }} />, 4)}
        {item('assetId', <InputNumber min={1} aria-label={label('funds.asset', 'asset')} placeholder={t('funds.asset')} style={{ width: '100%' }} />, 3)}
      </Row>
    </div>
  );
}

/** The lines of a voucher. "Balance" puts the difference on the last line, so a keyboard user need not compute it. */
export function LinesEditor({ form, options, householdLabels }: { form: FormInstance; options: FundOptions; householdLabels: Record<number, string> }) {
  const { t } = useI18n();
  const balance = () => {
    const lines: LineValues[] = form.getFieldValue('lines') ?? [];
    const last = lines.length - 1;
    if (last < 0) return;
    const others = lines.slice(0, last);
    const difference = total(others, 'debitFen') - total(others, 'creditFen');
    form.setFieldValue(['lines', last], { ...lines[last], debitFen: difference < 0 ? -difference : 0, creditFen: difference > 0 ? difference : 0 });
  };
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <LineRow key={field.key} index={field.name} options={options} form={form} onRemove={() => remove(field.name)}
              householdLabel={householdLabels[form.getFieldValue(['lines', field.name, 'householdId']) as number]} />
          ))}
          <Totals form={form} />
          <Flex gap={8}>
            <Button onClick={() => add({ summary: form.getFieldValue(['lines', fields.length - 1, 'summary']) ?? '' })}>{t('funds.addLine')}</Button>
            <Button onClick={balance} disabled={fields.length < 2}>{t('funds.balanceLast')}</Button>
          </Flex>
        </>
      )}
    </Form.List>
  );
}

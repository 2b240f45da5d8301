import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Table } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { CodeSelect } from '../../components/CodeSelect';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';
import { Money, MoneyInput } from '../../components/Money';
import { useRegistryRoles } from './roles';

type Measure = ApiOutput<'registry.measures'>[number];

/** Support measures (帮扶措施) per year: list, add, delete a mistaken entry. */
export function MeasuresPanel({ householdId }: { householdId: number }) {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const roles = useRegistryRoles();
  const { data, reload } = useCall('registry.measures', { householdId });
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);

  const add = async (values: Record<string, unknown>) => {
    setError(null);
    try {
      await call('registry.addMeasure', { householdId, ...values } as never);
      form.resetFields(['measure', 'detail', 'amountFen']);
      reload();
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    }
  };
  const remove = async (m: Measure) => {
    try {
      await call('registry.deleteMeasure', { measureId: m.id });
      reload();
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };

  return (
    <Card size="small" title={t('reg.measures.title')}>
      {roles.write && (
        <Form form={form} layout="inline" onFinish={add} initialValues={{ year: new Date().getFullYear(), amountFen: 0 }} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="year" label={t('reg.income.year')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={1990} max={2100} /></Form.Item>
          <Form.Item name="measure" label={t('reg.measures.measure')} rules={[{ required: true, message: t('common.required') }]}>
            <CodeSelect list="supportMeasure" label={t('reg.measures.measure')} allowClear={false} style={{ minWidth: 200 }} />
          </Form.Item>
          <Form.Item name="detail" label={t('reg.measures.detail')}><Input style={{ width: 220 }} /></Form.Item>
          <Form.Item name="amountFen" label={t('reg.measures.amount')}><MoneyInput label={t('reg.measures.amount')} style={{ width: 120 }} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('common.add')}</Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data ?? []}
        columns={[
          { title: t('reg.income.year'), dataIndex: 'year' },
          { title: t('reg.measures.measure'), dataIndex: 'measure', render: (v: string) => label('supportMeasure', v) },
          { title: t('reg.measures.detail'), dataIndex: 'detail' },
          { title: t('reg.measures.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} blankZero /> },
          ...(roles.write ? [{
            title: '', key: 'actions',
            render: (_: unknown, m: Measure) => (
              <Flex gap={4}>
                <Popconfirm title={t('reg.measures.deleteConfirm')} onConfirm={() => remove(m)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button size="small" danger aria-label={`${t('common.remove')} ${label('supportMeasure', m.measure)} ${m.year}`}>{t('common.remove')}</Button>
                </Popconfirm>
              </Flex>
            ),
          }] : []),
        ]}
      />
    </Card>
  );
}

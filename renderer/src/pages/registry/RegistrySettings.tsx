import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';
import { Money, MoneyInput } from '../../components/Money';
import { useRegistryRoles } from './roles';

/** Submits a small settings form and shows the ledger's refusal on its fields. */
function useSave(reload: () => void) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const save = (form: ReturnType<typeof Form.useForm>[0], run: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await run();
      void message.success(t('reg.settings.saved'));
      reload();
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    }
  };
  return { error, save };
}

function CountyCard({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const county = useCall('registry.county', {});
  const [form] = Form.useForm();
  const { error, save } = useSave(county.reload);
  if (county.data === null && county.loading) return null;
  return (
    <Card title={t('reg.settings.county')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" key={county.data?.code ?? 'new'} initialValues={county.data ?? { western: false }} disabled={!admin}
        onFinish={(v) => save(form, () => call('registry.saveCounty', v))()}>
        <Flex gap={12} wrap>
          <Form.Item name="code" label={t('reg.settings.countyCode')} rules={[{ required: true, message: t('common.required') }]}><Input style={{ width: 120 }} /></Form.Item>
          <Form.Item name="name" label={t('reg.settings.countyName')} rules={[{ required: true, message: t('common.required') }]}><Input /></Form.Item>
          <Form.Item name="province" label={t('reg.settings.province')}><Input /></Form.Item>
          <Form.Item name="officePhone" label={t('reg.settings.officePhone')}><Input /></Form.Item>
          <Form.Item name="designatedHospital" label={t('reg.settings.designatedHospital')}><Input /></Form.Item>
          <Form.Item name="pairedHospital" label={t('reg.settings.pairedHospital')}><Input /></Form.Item>
          <Form.Item name="western" valuePropName="checked" label={t('reg.settings.western')} extra={t('reg.settings.westernHint')}><Checkbox aria-label={t('reg.settings.western')} /></Form.Item>
        </Flex>
        {admin && <Button type="primary" htmlType="submit">{t('common.save')}</Button>}
      </Form>
    </Card>
  );
}

function TownshipsCard({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const townships = useCall('registry.townships', {});
  const [form] = Form.useForm();
  const { error, save } = useSave(() => {
    form.resetFields();
    townships.reload();
  });
  return (
    <Card title={t('reg.settings.townships')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      {admin && (
        <Form form={form} layout="inline" onFinish={(v) => save(form, () => call('registry.createTownship', v))()} style={{ marginBottom: 12 }}>
          <Form.Item name="code" label={t('reg.settings.townshipCode')} rules={[{ required: true, message: t('common.required') }]}><Input style={{ width: 140 }} /></Form.Item>
          <Form.Item name="name" label={t('registry.township')} rules={[{ required: true, message: t('common.required') }]}><Input /></Form.Item>
          <Button htmlType="submit">{t('common.add')}</Button>
        </Form>
      )}
      <Table rowKey="id" size="small" pagination={false} dataSource={townships.data ?? []}
        columns={[{ title: t('registry.code'), dataIndex: 'code' }, { title: t('registry.township'), dataIndex: 'name' }]} />
    </Card>
  );
}

function PovertyLinesCard({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const lines = useCall('registry.povertyLines', {});
  const [form] = Form.useForm();
  const { error, save } = useSave(lines.reload);
  return (
    <Card title={t('reg.settings.povertyLines')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      {admin && (
        <Form form={form} layout="inline" onFinish={(v) => save(form, () => call('registry.setPovertyLine', v))()} initialValues={{ year: new Date().getFullYear() }} style={{ marginBottom: 12 }}>
          <Form.Item name="year" label={t('reg.income.year')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={1990} max={2100} /></Form.Item>
          <Form.Item name="perCapitaFen" label={t('reg.settings.lineAmount')} rules={[{ required: true, message: t('common.required') }]}><MoneyInput label={t('reg.settings.lineAmount')} style={{ width: 140 }} /></Form.Item>
          <Button htmlType="submit">{t('common.save')}</Button>
        </Form>
      )}
      <Table rowKey="year" size="small" pagination={false} dataSource={lines.data ?? []}
        columns={[{ title: t('reg.income.year'), dataIndex: 'year' }, { title: t('reg.settings.lineAmount'), dataIndex: 'perCapitaFen', align: 'right', render: (v: number) => <Money fen={v} /> }]} />
    </Card>
  );
}

function StatusRulesCard({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const rules = useCall('registry.statusRules', {});
  const [form] = Form.useForm();
  const { error, save } = useSave(rules.reload);
  if (!rules.data) return null;
  return (
    <Card title={t('reg.settings.statusRules')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Typography.Paragraph type="secondary">{t('reg.settings.statusRulesHint')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={rules.data} disabled={!admin} onFinish={(v) => save(form, () => call('registry.setStatusRules', v))()}>
        <Form.Item name="graceYears" label={t('reg.settings.graceYears')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={0} max={20} /></Form.Item>
        <Form.Item name="reviewMonths" label={t('reg.settings.reviewMonths')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={1} max={36} /></Form.Item>
        {admin && <Button htmlType="submit">{t('common.save')}</Button>}
      </Form>
    </Card>
  );
}

/** County record, townships, poverty lines and the grace and review periods. */
export function RegistrySettings() {
  const { t } = useI18n();
  const roles = useRegistryRoles();
  return (
    <section aria-labelledby="reg-settings-title">
      <Typography.Title level={3} id="reg-settings-title">{t('reg.settings.title')}</Typography.Title>
      <Flex vertical gap={16}>
        <CountyCard admin={roles.admin} />
        <TownshipsCard admin={roles.admin} />
        <PovertyLinesCard admin={roles.admin} />
        <StatusRulesCard admin={roles.admin} />
      </Flex>
    </section>
  );
}

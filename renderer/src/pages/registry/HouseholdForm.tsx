import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';

const emptyMember = { relation: 'head', ethnicity: '01', health: 'healthy', insBasicMedical: true };

/** Registering a household with its members; refusals land on the field at fault. */
export function HouseholdForm() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const villages = useCall('registry.villageOptions', {});

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const created = await call('registry.createHousehold', values as never);
      void message.success(t('registry.created'));
      navigate(`registry/household/${created.id}`);
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const item = (name: string | (string | number)[], labelKey: string, child: React.ReactNode, required = false) => (
    <Form.Item name={name} label={t(labelKey)} rules={required ? [{ required: true, message: t('common.required') }] : []}>
      {child}
    </Form.Item>
  );

  return (
    <section aria-labelledby="new-household-title">
      <Typography.Title level={3} id="new-household-title">{t('registry.newHousehold')}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ attribute: '1', mainCause: 'illness', identifiedYear: new Date().getFullYear(), safeWater: true, housingSafety: 'safe', members: [emptyMember] }}
      >
        <Card title={t('registry.basics')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={6}>{item('archiveNo', 'registry.archiveNo', <Input />, true)}</Col>
            <Col span={6}>
              {item('villageId', 'registry.village', (
                <Select showSearch={{ optionFilterProp: 'label' }} aria-label={t('registry.village')} options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
              ), true)}
            </Col>
            <Col span={4}>{item('groupName', 'registry.group', <Input />)}</Col>
            <Col span={8}>{item('address', 'registry.address', <Input />)}</Col>
            <Col span={6}>{item('phone', 'registry.phone', <Input />)}</Col>
            <Col span={6}>{item('bankName', 'registry.bank', <Input />)}</Col>
            <Col span={6}>{item('bankAccount', 'registry.bankAccount', <Input />)}</Col>
            <Col span={6}>{item('identifiedYear', 'registry.identifiedYear', <InputNumber min={1990} max={2100} aria-label={t('registry.identifiedYear')} />, true)}</Col>
            <Col span={6}>{item('attribute', 'registry.attribute', <CodeSelect list="householdAttribute" label={t('registry.attribute')} allowClear={false} />, true)}</Col>
            <Col span={6}>{item('mainCause', 'registry.mainCause', <CodeSelect list="povertyCause" label={t('registry.mainCause')} allowClear={false} />, true)}</Col>
            <Col span={6}>{item('housingSafety', 'registry.housing', <CodeSelect list="housingSafety" label={t('registry.housing')} allowClear={false} />)}</Col>
            <Col span={6}>
              <Form.Item name="safeWater" valuePropName="checked" label={t('registry.safeWater')}><Checkbox aria-label={t('registry.safeWater')} /></Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('registry.members')}>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={12} key={field.key} align="bottom" data-testid={`member-row-${index}`}>
                    <Col span={3}>{item([field.name, 'name'] as never, 'registry.name', <Input aria-label={`${t('registry.name')} ${index + 1}`} />, true)}</Col>
                    <Col span={5}>{item([field.name, 'idNumber'] as never, 'registry.idNumber', <Input aria-label={`${t('registry.idNumber')} ${index + 1}`} />, true)}</Col>
                    <Col span={3}>{item([field.name, 'relation'] as never, 'registry.relation', <CodeSelect list="relation" label={`${t('registry.relation')} ${index + 1}`} allowClear={false} />, true)}</Col>
                    <Col span={3}>{item([field.name, 'health'] as never, 'registry.health', <CodeSelect list="health" label={`${t('registry.health')} ${index + 1}`} allowClear={false} />)}</Col>
                    <Col span={3}>{item([field.name, 'education'] as never, 'registry.education', <CodeSelect list="education" label={`${t('registry.education')} ${index + 1}`} />)}</Col>
                    <Col span={3}>{item([field.name, 'labourAbility'] as never, 'registry.labourAbility', <CodeSelect list="labourAbility" label={`${t('registry.labourAbility')} ${index + 1}`} />)}</Col>
                    <Col span={2}>
                      <Form.Item name={[field.name, 'insBasicMedical']} valuePropName="checked" label={t('registry.basicMedical')}>
                        <Checkbox aria-label={`${t('registry.basicMedical')} ${index + 1}`} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item>
                        <Button danger onClick={() => remove(field.name)} disabled={fields.length === 1}>{t('common.remove')}</Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button onClick={() => add({ ...emptyMember, relation: 'son' })}>{t('registry.addMember')}</Button>
              </>
            )}
          </Form.List>
        </Card>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>{t('common.save')}</Button>
          <Button onClick={() => navigate('registry/households')}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </section>
  );
}

import { useState } from 'react';
import { Alert, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { CodeSelect } from '../../components/CodeSelect';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';
import type { CodeListName } from '../../../../db/codes';

type Household = ApiOutput<'registry.household'>['household'];

const TEXT: [string, string][] = [
  ['archiveNo', 'registry.archiveNo'], ['groupName', 'registry.group'], ['address', 'registry.address'], ['phone', 'registry.phone'],
  ['bankName', 'registry.bank'], ['bankAccount', 'registry.bankAccount'], ['relocationSite', 'reg.household.relocationSite'],
  ['familyDoctor', 'registry.familyDoctor'], ['familyDoctorPhone', 'reg.household.familyDoctorPhone'], ['familyDoctorContract', 'reg.household.familyDoctorContract'],
];
const CODES: [string, CodeListName, string, boolean][] = [
  ['attribute', 'householdAttribute', 'registry.attribute', false], ['mainCause', 'povertyCause', 'registry.mainCause', false],
  ['secondCause', 'povertyCause', 'reg.household.secondCause', true], ['thirdCause', 'povertyCause', 'reg.household.thirdCause', true],
  ['housingSafety', 'housingSafety', 'registry.housing', false], ['relocationType', 'relocationType', 'reg.household.relocationType', true],
];
const YEARS: [string, string][] = [['identifiedYear', 'registry.identifiedYear'], ['relocationYear', 'reg.household.relocationYear'], ['housingRenovatedYear', 'reg.household.renovatedYear']];
const NULLABLE = new Set(['secondCause', 'thirdCause', 'relocationType', 'relocationYear', 'housingRenovatedYear']);

/** Edits the household record; only the fields changed are sent, so nothing else moves. */
export function HouseholdEdit({ household, onClose }: { household: Household; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const villages = useCall('registry.villageOptions', {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initial = Object.fromEntries(Object.entries(household).map(([k, v]) => [k, v ?? undefined])) as Record<string, unknown>;

  const save = async (values: { fields: Record<string, unknown> }) => {
    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values.fields)) {
      if (v === initial[k]) continue;
      changed[k] = v === undefined || v === null || v === '' ? (NULLABLE.has(k) ? null : '') : v;
    }
    setBusy(true);
    setError(null);
    try {
      await call('registry.updateHousehold', { householdId: household.id, fields: changed as never });
      onClose(true);
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`${t('common.edit')} · ${household.archiveNo}`} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy}
      okText={t('common.save')} cancelText={t('common.cancel')} width={900} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ fields: initial }}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name={['fields', 'villageId']} label={t('registry.village')}>
              <Select showSearch={{ optionFilterProp: 'label' }} aria-label={t('registry.village')} options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
            </Form.Item>
          </Col>
          {TEXT.map(([name, key]) => <Col span={8} key={name}><Form.Item name={['fields', name]} label={t(key)}><Input /></Form.Item></Col>)}
          {CODES.map(([name, list, key, clear]) => (
            <Col span={8} key={name}><Form.Item name={['fields', name]} label={t(key)}><CodeSelect list={list} label={t(key)} allowClear={clear} /></Form.Item></Col>
          ))}
          {YEARS.map(([name, key]) => (
            <Col span={8} key={name}><Form.Item name={['fields', name]} label={t(key)}><InputNumber min={1990} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
          ))}
          <Col span={8}><Form.Item name={['fields', 'relocated']} valuePropName="checked" label={t('registry.relocated')}><Checkbox aria-label={t('registry.relocated')} /></Form.Item></Col>
          <Col span={8}><Form.Item name={['fields', 'safeWater']} valuePropName="checked" label={t('registry.safeWater')}><Checkbox aria-label={t('registry.safeWater')} /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}

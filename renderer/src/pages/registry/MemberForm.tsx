import { useState } from 'react';
import { Alert, Checkbox, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { CodeSelect } from '../../components/CodeSelect';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';
import type { CodeListName } from '../../../../db/codes';

type Member = ApiOutput<'registry.household'>['members'][number];

const CODES: [string, CodeListName, string][] = [
  ['relation', 'relation', 'registry.relation'],
  ['sex', 'sex', 'registry.sex'],
  ['ethnicity', 'ethnicity', 'registry.ethnicity'],
  ['education', 'education', 'registry.education'],
  ['schoolStatus', 'schoolStatus', 'registry.schoolStatus'],
  ['dropoutReason', 'dropoutReason', 'reg.member.dropoutReason'],
  ['health', 'health', 'registry.health'],
  ['disabilityCategory', 'disabilityCategory', 'reg.member.disabilityCategory'],
  ['disabilityGrade', 'disabilityGrade', 'reg.member.disabilityGrade'],
  ['labourAbility', 'labourAbility', 'registry.labourAbility'],
  ['dibaoClass', 'dibaoClass', 'reg.member.dibaoClass'],
  ['leftBehind', 'leftBehind', 'registry.leftBehind'],
];
const FLAGS: [string, string][] = [
  ['insBasicMedical', 'registry.basicMedical'], ['insCriticalIllness', 'registry.criticalIllness'],
  ['insSupplementary', 'reg.member.supplementary'], ['insBasicPension', 'registry.pension'],
  ['dibao', 'registry.dibao'], ['deceased', 'registry.deceased'],
];
const REQUIRED = new Set(['relation']);
/** Fields a clerk may clear: sent as null. Other empty fields are left out so the ledger keeps or derives them. */
const CLEARABLE = new Set(['education', 'schoolStatus', 'dropoutReason', 'disabilityCategory', 'disabilityGrade', 'labourAbility', 'dibaoClass', 'leftBehind', 'deceasedOn']);

function toRecord(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') {
      if (CLEARABLE.has(k)) out[k] = null;
      else if (v === '' && k !== 'birthDate') out[k] = '';
    } else out[k] = v;
  }
  return out;
}

/**
 * A member's whole record, new or existing. Refusals land on the field at fault; the API's field
 * names are `member.*` (add) and `fields.*` (change), which is how the form names its inputs.
 */
export function MemberForm({ householdId, member, onClose }: { householdId: number; member?: Member; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const root = member ? 'fields' : 'member';
  const initial = member
    ? Object.fromEntries(Object.entries(member).filter(([k]) => !['id', 'householdId', 'removed'].includes(k)).map(([k, v]) => [k, v ?? undefined]))
    : { relation: 'son', ethnicity: '01', health: 'healthy', insBasicMedical: true, migrantMonths: 0 };

  const save = async (values: Record<string, Record<string, unknown>>) => {
    setBusy(true);
    setError(null);
    const record = toRecord(values[root] ?? {});
    try {
      if (member) await call('registry.updateMember', { memberId: member.id, fields: record as never });
      else await call('registry.addMember', { householdId, member: record as never });
      onClose(true);
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const text = (name: string, key: string, required = false) => (
    <Form.Item name={[root, name]} label={t(key)} rules={required ? [{ required: true, message: t('common.required') }] : []}><Input /></Form.Item>
  );

  return (
    <Modal open title={member ? `${t('common.edit')} · ${member.name}` : t('registry.addMember')} onCancel={() => onClose(false)} onOk={() => form.submit()}
      confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} width={900} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ [root]: initial }}>
        <Row gutter={12}>
          <Col span={6}>{text('name', 'registry.name', true)}</Col>
          <Col span={8}>{text('idNumber', 'registry.idNumber', true)}</Col>
          <Col span={5}><Form.Item name={[root, 'birthDate']} label={t('registry.birthDate')} extra={t('reg.member.fromId')}><Input type="date" /></Form.Item></Col>
          <Col span={5}>{text('phone', 'registry.phone')}</Col>
          {CODES.map(([name, list, key]) => (
            <Col span={6} key={name}>
              <Form.Item name={[root, name]} label={t(key)} rules={REQUIRED.has(name) ? [{ required: true, message: t('common.required') }] : []}>
                <CodeSelect list={list} label={t(key)} allowClear={!REQUIRED.has(name)} />
              </Form.Item>
            </Col>
          ))}
          <Col span={6}>{text('chronicCertificate', 'reg.member.chronicCertificate')}</Col>
          <Col span={6}>
            <Form.Item name={[root, 'migrantMonths']} label={t('reg.member.migrantMonths')}><InputNumber min={0} max={12} /></Form.Item>
          </Col>
          <Col span={6}>{text('migrantPlace', 'reg.member.migrantPlace')}</Col>
          <Col span={6}><Form.Item name={[root, 'deceasedOn']} label={t('reg.member.deceasedOn')}><Input type="date" /></Form.Item></Col>
          {FLAGS.map(([name, key]) => (
            <Col span={4} key={name}>
              <Form.Item name={[root, name]} valuePropName="checked" label={t(key)}><Checkbox aria-label={t(key)} /></Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}

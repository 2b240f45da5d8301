import { useState } from 'react';
import { Alert, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { showFieldErrors } from '../../components/formErrors';
import { errorText } from '../../components/errors';

type Village = ApiOutput<'registry.villages'>['rows'][number];

/** Adds a village (code and township) or edits one: population, poor-village flag and exit year, first secretary, work team. */
export function VillageForm({ village, onClose }: { village?: Village; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const townships = useCall('registry.townships', village ? null : {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const poor = Form.useWatch('poorVillage', form) as boolean | undefined;

  const save = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    const { code, townshipId, ...fields } = values;
    const clean = { ...fields, exitYear: fields.poorVillage ? (fields.exitYear ?? null) : null };
    try {
      if (village) await call('registry.updateVillage', { villageId: village.id, fields: clean as never });
      else await call('registry.createVillage', { code, townshipId, ...clean } as never);
      onClose(true);
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Modal open title={village ? `${t('common.edit')} · ${village.name}` : t('reg.village.add')} onCancel={() => onClose(false)} onOk={() => form.submit()}
      confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} width={760} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={village ?? { poorVillage: false, ruralPopulation: 0 }}>
        <Row gutter={12}>
          {!village && (
            <>
              <Col span={12}>
                <Form.Item name="townshipId" label={t('registry.township')} rules={required}>
                  <Select aria-label={t('registry.township')} options={(townships.data ?? []).map((tw) => ({ value: tw.id, label: `${tw.name} (${tw.code})` }))} />
                </Form.Item>
              </Col>
              <Col span={12}><Form.Item name="code" label={t('reg.village.code')} rules={required} extra={t('reg.village.codeHint')}><Input /></Form.Item></Col>
            </>
          )}
          <Col span={12}><Form.Item name="name" label={t('registry.village')} rules={required}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name="ruralPopulation" label={t('registry.ruralPopulation')} rules={required}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="poorVillage" valuePropName="checked" label={t('registry.poorVillage')}><Checkbox aria-label={t('registry.poorVillage')} /></Form.Item></Col>
          <Col span={12}><Form.Item name="exitYear" label={t('registry.exitYear')}><InputNumber min={1990} max={2100} disabled={!poor} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="firstSecretary" label={t('reg.village.firstSecretary')}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name="firstSecretaryPhone" label={t('reg.village.firstSecretaryPhone')}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name="workTeamUnit" label={t('reg.village.workTeamUnit')}><Input /></Form.Item></Col>
          <Col span={24}><Form.Item name="workTeam" label={t('reg.village.workTeam')}><Input.TextArea rows={2} /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}

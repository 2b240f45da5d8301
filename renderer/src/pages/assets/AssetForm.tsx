import { useEffect } from 'react';
import { Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { FormActions } from '../../components/FormActions';
import { ProjectSelect, VillageSelect } from '../funds/pickers';

/** An asset of the register, new or corrected. Disposal has its own dialog on the asset. */
export function AssetForm({ assetId }: { assetId?: number }) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm(async (values: Record<string, unknown>) => {
    const fields = { ...values, builtOn: values.builtOn || null, villageId: values.villageId ?? null, projectId: values.projectId ?? null } as never;
    if (assetId) await call('assets.update', { assetId, fields });
    const id = assetId ?? (await call('assets.create', fields)).id;
    navigate(`assets/asset/${id}`);
  });
  const villages = useCall('registry.villageOptions', {});
  const projects = useCall('funds.projectOptions', {});
  const existing = useCall('assets.get', assetId ? { assetId } : null);
  useEffect(() => {
    if (existing.data) form.setFieldsValue(existing.data);
  }, [existing.data, form]);

  const col = (span: number, node: React.ReactNode) => <Col xs={24} md={span}>{node}</Col>;
  const code = (name: string, list: 'assetClass' | 'assetCategory' | 'assetOwnership' | 'assetOperator', text: string) => (
    <Form.Item name={name} label={text} rules={required}><CodeSelect list={list} label={text} allowClear={false} /></Form.Item>
  );

  return (
    <section aria-labelledby="asset-form-title">
      <Typography.Title level={3} id="asset-form-title">{assetId ? t('assets.editAsset') : t('assets.newAsset')}</Typography.Title>
      <FormError error={error} gap={16} />
      <Form form={form} name="asset" layout="vertical" onFinish={save}
        initialValues={{ assetClass: 'business', category: 'photovoltaic', ownership: 'village_collective', operator: 'collective', status: 'in_operation' }}>
        <Card>
          <Row gutter={16}>
            {col(6, <Form.Item name="code" label={t('assets.code')} rules={required} extra={t('assets.codeHint')}><Input /></Form.Item>)}
            {col(12, <Form.Item name="name" label={t('assets.name')} rules={required}><Input /></Form.Item>)}
            {col(6, (
              <Form.Item name="status" label={t('assets.status')} rules={required}>
                <Select aria-label={t('assets.status')} options={(['in_operation', 'idle'] as const).map((s) => ({ value: s, label: t(`assets.statusNames.${s}`) }))} />
              </Form.Item>
            ))}
            {col(6, code('assetClass', 'assetClass', t('assets.assetClass')))}
            {col(6, code('category', 'assetCategory', t('assets.category')))}
            {col(6, code('ownership', 'assetOwnership', t('assets.ownership')))}
            {col(6, code('operator', 'assetOperator', t('assets.operator')))}
            {col(12, <Form.Item name="operatorName" label={t('assets.operatorName')}><Input /></Form.Item>)}
            {col(6, <Form.Item name="villageId" label={t('registry.village')}><VillageSelect villages={villages.data ?? []} label={t('registry.village')} style={{ width: '100%' }} /></Form.Item>)}
            {col(6, <Form.Item name="builtOn" label={t('assets.builtOn')}><Input type="date" /></Form.Item>)}
            {col(12, <Form.Item name="location" label={t('assets.location')}><Input /></Form.Item>)}
            {col(12, <Form.Item name="projectId" label={t('assets.project')}><ProjectSelect projects={projects.data ?? []} label={t('assets.project')} style={{ width: '100%' }} /></Form.Item>)}
            {col(24, <Form.Item name="note" label={t('assets.note')}><Input.TextArea rows={2} /></Form.Item>)}
          </Row>
        </Card>
        <FormActions submitLabel={t('common.save')} />
      </Form>
    </section>
  );
}

import { useEffect } from 'react';
import { Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { FormActions } from '../../components/FormActions';
import { MoneyInput } from '../../components/Money';

/** A project of the library, new or edited: schedule, acceptance and the villages it lies in. */
export function ProjectForm({ projectId }: { projectId?: number }) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm(async (values: Record<string, unknown>) => {
    const fields = { ...values, plannedStart: values.plannedStart || null, plannedEnd: values.plannedEnd || null, acceptedOn: values.acceptedOn || null } as never;
    if (projectId) await call('funds.updateProject', { projectId, fields });
    const id = projectId ?? (await call('funds.createProject', fields)).id;
    navigate(`funds/project/${id}`);
  });
  const villages = useCall('registry.villageOptions', {});
  const existing = useCall('funds.project', projectId ? { projectId } : null);
  useEffect(() => {
    if (existing.data) form.setFieldsValue({ ...existing.data, villageIds: existing.data.villages.map((v) => v.id) });
  }, [existing.data, form]);

  const col = (span: number, node: React.ReactNode) => <Col xs={24} md={span}>{node}</Col>;

  return (
    <section aria-labelledby="project-form-title">
      <Typography.Title level={3} id="project-form-title">{projectId ? t('funds.editProject') : t('funds.newProject')}</Typography.Title>
      <FormError error={error} gap={16} />
      <Form form={form} name="project" layout="vertical" onFinish={save}
        initialValues={{ type: 'industry', status: 'planned', year: new Date().getFullYear(), budgetFen: 0, villageIds: [] }}>
        <Card>
          <Row gutter={16}>
            {col(6, <Form.Item name="code" label={t('funds.projectCode')} rules={required}><Input /></Form.Item>)}
            {col(12, <Form.Item name="name" label={t('funds.projectName')} rules={required}><Input /></Form.Item>)}
            {col(6, <Form.Item name="type" label={t('funds.projectType')} rules={required}><CodeSelect list="projectType" label={t('funds.projectType')} allowClear={false} /></Form.Item>)}
            {col(4, <Form.Item name="year" label={t('funds.year')} rules={required}><InputNumber min={1990} max={2100} aria-label={t('funds.year')} /></Form.Item>)}
            {col(6, <Form.Item name="budgetFen" label={t('funds.budgetYuan')} rules={required}><MoneyInput label={t('funds.budgetYuan')} /></Form.Item>)}
            {col(14, (
              <Form.Item name="villageIds" label={t('funds.villages')}>
                <Select mode="multiple" aria-label={t('funds.villages')} showSearch={{ optionFilterProp: 'label' }}
                  options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
              </Form.Item>
            ))}
            {col(12, <Form.Item name="site" label={t('funds.site')}><Input /></Form.Item>)}
            {col(12, <Form.Item name="implementer" label={t('funds.implementer')}><Input /></Form.Item>)}
            {col(24, <Form.Item name="content" label={t('funds.content')}><Input.TextArea rows={2} /></Form.Item>)}
            {col(6, <Form.Item name="responsible" label={t('funds.responsible')}><Input /></Form.Item>)}
            {col(6, <Form.Item name="plannedStart" label={t('funds.plannedStart')}><Input type="date" /></Form.Item>)}
            {col(6, <Form.Item name="plannedEnd" label={t('funds.plannedEnd')}><Input type="date" /></Form.Item>)}
            {col(6, <Form.Item name="status" label={t('funds.status')}><CodeSelect list="projectStatus" label={t('funds.status')} allowClear={false} /></Form.Item>)}
            {col(6, <Form.Item name="acceptedOn" label={t('funds.acceptedOn')} extra={t('funds.acceptedHint')}><Input type="date" /></Form.Item>)}
          </Row>
        </Card>
        <FormActions submitLabel={t('common.save')} />
      </Form>
    </section>
  );
}

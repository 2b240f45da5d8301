import { useState } from 'react';
import { Button, Form, Input, Modal, Table } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';

type Asset = ApiOutput<'assets.get'>;

/** 资产巡查: the inspections of an asset, newest first, and a dialog to record one. */
export function Inspections({ asset, editable, onChanged }: { asset: Asset; editable: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { form, save, error, required } = useLedgerForm(async (values: { inspectedOn: string; inspector: string; findings: string }) => {
    await call('assets.addInspection', { assetId: asset.id, ...values });
    setOpen(false);
    onChanged();
  });
  return (
    <>
      {editable && <Button onClick={() => setOpen(true)} style={{ marginBottom: 8 }}>{t('assets.addInspection')}</Button>}
      <Table rowKey="id" size="small" dataSource={asset.inspections} pagination={false} locale={{ emptyText: t('assets.noInspections') }}
        columns={[
          { title: t('assets.inspectedOn'), dataIndex: 'inspectedOn', width: 120 },
          { title: t('assets.inspector'), dataIndex: 'inspector', width: 140 },
          { title: t('assets.findings'), dataIndex: 'findings' },
        ]} />
      <Modal open={open} title={t('assets.addInspection')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <FormError error={error} />
        <Form form={form} name="inspection" layout="vertical" onFinish={save}>
          <Form.Item name="inspectedOn" label={t('assets.inspectedOn')} rules={required}><Input type="date" /></Form.Item>
          <Form.Item name="inspector" label={t('assets.inspector')} rules={required}><Input /></Form.Item>
          <Form.Item name="findings" label={t('assets.findings')} rules={required}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

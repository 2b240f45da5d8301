import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { HouseholdPicker, VillageSelect } from '../funds/pickers';
import { todayIso } from './dates';

interface Values {
  holderType: 'household' | 'village';
  householdId?: number;
  villageId?: number;
  units: number;
  weight?: number;
  fromDate: string;
  toDate?: string;
  note?: string;
}

/** 折股量化: issues a share to a household (suggested weight 2 when a member lost the ability to work) or a village collective. */
export function ShareForm({ open, assetId, onClose, onSaved }: { open: boolean; assetId: number; onClose: () => void; onSaved: (certificateNo: string) => void }) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm<Values>(async (v: Values) => {
    const created = await call('assets.addShare', { ...v, assetId, toDate: v.toDate || null, note: v.note ?? '' });
    onSaved(created.certificateNo);
  });
  const [hint, setHint] = useState<string | null>(null);
  const villages = useCall('registry.villageOptions', {});
  const holderType = Form.useWatch('holderType', form) ?? 'household';
  const suggest = async (householdId: number | null) => {
    setHint(null);
    if (!householdId) return;
    const s = await call('assets.shareDefaults', { householdId });
    form.setFieldValue('weight', s.weight);
    setHint(s.lostLabour > 0 ? t('assets.weightHintLost', { n: s.lostLabour }) : t('assets.weightHintNormal'));
  };
  return (
    <Modal open={open} title={t('assets.addShare')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} name="share" layout="vertical" onFinish={save} initialValues={{ holderType: 'household', units: 1, fromDate: todayIso() }}>
        <Form.Item name="holderType" label={t('assets.holderType')}>
          <Radio.Group optionType="button" options={[{ value: 'household', label: t('assets.holderHousehold') }, { value: 'village', label: t('assets.holderCollective') }]} />
        </Form.Item>
        {holderType === 'household'
          ? (
            <Form.Item name="householdId" label={t('assets.household')} rules={required} extra={t('assets.householdSearchHint')}>
              <HouseholdPicker label={t('assets.household')} style={{ width: '100%' }} onChange={(v) => void suggest(v)} />
            </Form.Item>
          )
          : (
            <Form.Item name="villageId" label={t('registry.village')} rules={required}>
              <VillageSelect villages={villages.data ?? []} label={t('registry.village')} style={{ width: '100%' }} />
            </Form.Item>
          )}
        <Form.Item name="units" label={t('assets.units')} rules={required}><InputNumber min={1} max={1_000_000} precision={0} aria-label={t('assets.units')} /></Form.Item>
        <Form.Item name="weight" label={t('assets.weight')} extra={t('assets.weightExtra')}>
          <InputNumber min={1} max={100} precision={0} aria-label={t('assets.weight')} />
        </Form.Item>
        {hint && <Typography.Paragraph type="secondary" role="status">{hint}</Typography.Paragraph>}
        <Form.Item name="fromDate" label={t('assets.fromDate')} rules={required}><Input type="date" /></Form.Item>
        <Form.Item name="toDate" label={t('assets.toDate')}><Input type="date" /></Form.Item>
        <Form.Item name="note" label={t('assets.note')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

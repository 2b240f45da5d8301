import { Form, Input, InputNumber, Select, Segmented } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { HouseholdPicker } from './HouseholdPicker';
import { PlanPicker } from './PlanPicker';
import { DOC_TYPES, NOTICE_KINDS, scopeKindsFor, type Choice } from './choice';

/** The print screen's choices: document, language, layout, year and whom it is for. */
export function PrintForm({ choice, onChange }: { choice: Choice; onChange: (next: Choice) => void }) {
  const { t } = useI18n();
  const townships = useCall('registry.townships', {});
  const villages = useCall('registry.villageOptions', {});
  const set = (changes: Partial<Choice>) => onChange({ ...choice, ...changes });
  const notice = choice.docType === 'notice';
  const scopes = scopeKindsFor(choice.docType);

  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('certificates.docType')}>
        <Segmented
          aria-label={t('certificates.docType')}
          value={choice.docType}
          onChange={(v) => {
            const docType = v as Choice['docType'];
            set({ docType, scopeKind: scopeKindsFor(docType).includes(choice.scopeKind) ? choice.scopeKind : 'village' });
          }}
          options={DOC_TYPES.map((d) => ({ value: d, label: t(`certificates.docTypes.${d}`) }))}
        />
      </Form.Item>
      {notice && (
        <Form.Item label={t('certificates.noticeKind')}>
          <Select
            aria-label={t('certificates.noticeKind')}
            value={choice.noticeKind}
            onChange={(noticeKind) => set({ noticeKind })}
            options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`certificates.noticeKinds.${k}`) }))}
            style={{ width: 240 }}
          />
        </Form.Item>
      )}
      {notice && choice.noticeKind === 'distribution' && (
        <Form.Item label={t('certificates.plan')} extra={t('certificates.planHint')}>
          <PlanPicker value={choice.planId} onChange={(planId) => set({ planId })} />
        </Form.Item>
      )}
      <Form.Item label={t('certificates.language')}>
        <Segmented
          aria-label={t('certificates.language')}
          value={choice.lang}
          onChange={(v) => set({ lang: v as Choice['lang'] })}
          options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]}
        />
      </Form.Item>
      {!notice && (
        <Form.Item label={t('certificates.layout')}>
          <Segmented
            aria-label={t('certificates.layout')}
            value={choice.layout}
            onChange={(v) => set({ layout: v as Choice['layout'] })}
            options={(['a4', 'cards'] as const).map((l) => ({ value: l, label: t(`certificates.layouts.${l}`) }))}
          />
        </Form.Item>
      )}
      {choice.docType !== 'share_certificate' && (
        <Form.Item label={t('certificates.year')}>
          <InputNumber aria-label={t('certificates.year')} min={1990} max={2100} value={choice.year} onChange={(v) => v && set({ year: v })} />
        </Form.Item>
      )}
      {notice && (
        <Form.Item label={`${t('certificates.postingFrom')} / ${t('certificates.postingDays')}`}>
          <Input
            type="date"
            aria-label={t('certificates.postingFrom')}
            value={choice.postingFrom ?? ''}
            onChange={(e) => set({ postingFrom: e.target.value || undefined })}
            style={{ width: 180, marginRight: 8 }}
          />
          <InputNumber aria-label={t('certificates.postingDays')} min={1} max={90} value={choice.postingDays} onChange={(v) => set({ postingDays: v ?? undefined })} />
        </Form.Item>
      )}
      <Form.Item label={t('certificates.scope')}>
        <Segmented
          aria-label={t('certificates.scope')}
          value={choice.scopeKind}
          onChange={(v) => set({ scopeKind: v as Choice['scopeKind'] })}
          options={scopes.map((s) => ({ value: s, label: t(`certificates.scopes.${s}`) }))}
        />
      </Form.Item>
      <Form.Item label={t(`certificates.scopes.${choice.scopeKind}`)}>
        {choice.scopeKind === 'household' && <HouseholdPicker value={choice.householdId} onChange={(householdId) => set({ householdId })} />}
        {choice.scopeKind === 'village' && (
          <Select
            aria-label={t('certificates.village')}
            placeholder={t('certificates.village')}
            showSearch={{ optionFilterProp: 'label' }}
            value={choice.villageId}
            onChange={(villageId) => set({ villageId })}
            options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
            style={{ width: 240 }}
          />
        )}
        {choice.scopeKind === 'township' && (
          <Select
            aria-label={t('certificates.township')}
            placeholder={t('certificates.township')}
            value={choice.townshipId}
            onChange={(townshipId) => set({ townshipId })}
            options={(townships.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }))}
            style={{ width: 240 }}
          />
        )}
      </Form.Item>
    </Form>
  );
}

import { Flex, Input, InputNumber } from 'antd';
import { useI18n } from '../../../i18n';
import { AccountSelect, HouseholdPicker, ProjectSelect, SourceSelect, VillageSelect, useFundOptions } from '../pickers';

export interface LineFilter {
  from?: string;
  to?: string;
  accountId?: number;
  sourceId?: number;
  projectId?: number;
  villageId?: number;
  householdId?: number;
  assetId?: number;
  q: string;
}

/** Filters over posted lines: dates, account (with its sub-accounts), dimensions, text. */
export function LineFilters({ value, onChange, accountRequired = false }: { value: LineFilter; onChange: (f: LineFilter) => void; accountRequired?: boolean }) {
  const { t } = useI18n();
  const options = useFundOptions();
  const set = (change: Partial<LineFilter>) => onChange({ ...value, ...change });
  const num = (v: number | null) => v ?? undefined;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input type="date" aria-label={t('funds.from')} value={value.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} style={{ width: 150 }} />
      <Input type="date" aria-label={t('funds.to')} value={value.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} style={{ width: 150 }} />
      <AccountSelect accounts={options.accounts} label={t('funds.account')} value={value.accountId} allowClear={!accountRequired} onChange={(v) => set({ accountId: num(v) })} style={{ width: 220 }} />
      <SourceSelect sources={options.sources} label={t('funds.source')} value={value.sourceId} onChange={(v) => set({ sourceId: num(v) })} />
      <ProjectSelect projects={options.projects} label={t('funds.project')} value={value.projectId} onChange={(v) => set({ projectId: num(v) })} />
      <VillageSelect villages={options.villages} label={t('registry.village')} value={value.villageId} onChange={(v) => set({ villageId: num(v) })} />
      <HouseholdPicker label={t('funds.household')} value={value.householdId} onChange={(v) => set({ householdId: num(v) })} />
      <InputNumber min={1} aria-label={t('funds.asset')} placeholder={t('funds.asset')} value={value.assetId} onChange={(v) => set({ assetId: num(v) })} />
      <Input.Search aria-label={t('funds.summary')} placeholder={t('funds.summary')} allowClear onSearch={(q) => set({ q })} style={{ width: 200 }} />
    </Flex>
  );
}

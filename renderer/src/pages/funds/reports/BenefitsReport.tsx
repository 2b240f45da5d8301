import { useState } from 'react';
import { Flex, Table, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useCall } from '../../../app/useCall';
import { href } from '../../../app/router';
import { moneyColumn, Money } from '../../../components/Money';
import { HouseholdPicker, VillageSelect, useFundOptions } from '../pickers';
import { ExportButton } from '../ExportButton';
import { YearSelect } from '../YearSelect';

/** 农户受益: what each household was paid in a year, by type. */
export function BenefitsReport() {
  const { t, lang } = useI18n();
  const { villages } = useFundOptions();
  const [filter, setFilter] = useState<{ year: number; villageId?: number; householdId?: number }>({ year: new Date().getFullYear() });
  const { data, loading } = useCall('funds.benefitsReport', filter);
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <YearSelect value={filter.year} allowAll={false} onChange={(year) => year && setFilter((f) => ({ ...f, year }))} />
        <VillageSelect villages={villages} label={t('registry.village')} value={filter.villageId} onChange={(v) => setFilter((f) => ({ ...f, villageId: v ?? undefined }))} />
        <HouseholdPicker label={t('funds.household')} value={filter.householdId} onChange={(v) => setFilter((f) => ({ ...f, householdId: v ?? undefined }))} />
        <ExportButton request={{ report: 'householdBenefits', params: filter }} />
      </Flex>
      <Table
        rowKey={(r) => `${r.householdId}-${r.accountId}`}
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        columns={[
          { title: t('registry.archiveNo'), dataIndex: 'archiveNo', render: (v: string, r) => <a href={href(`registry/household/${r.householdId}`)}>{v}</a> },
          { title: t('registry.headName'), dataIndex: 'headName' },
          { title: t('registry.village'), dataIndex: 'village' },
          { title: t('funds.benefitType'), key: 'type', render: (_: unknown, r) => `${r.code} ${lang === 'zh' ? r.nameZh : r.nameEn}` },
          { title: t('funds.amount'), dataIndex: 'amountFen', ...moneyColumn },
        ]}
      />
      {data && <Typography.Paragraph>{t('funds.benefitsTotal', { households: data.households })} <Money fen={data.totalFen} strong /></Typography.Paragraph>}
    </>
  );
}

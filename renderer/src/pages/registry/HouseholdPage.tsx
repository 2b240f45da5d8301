import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Tabs, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate, useRoute } from '../../app/router';
import { errorText } from '../../components/errors';
import { HouseholdEdit } from './HouseholdEdit';
import { MembersPanel } from './MembersPanel';
import { StatusPanel } from './StatusPanel';
import { IncomePanel } from './IncomePanel';
import { MeasuresPanel } from './MeasuresPanel';
import { CadresPanel } from './CadresPanel';
import { useRegistryRoles } from './roles';

const TABS = ['members', 'status', 'income', 'measures', 'cadres'] as const;

/** One household: its record above, then members, status over time, income and assessment, help in tabs (the tab is in the address). */
export function HouseholdPage({ householdId }: { householdId: number }) {
  const { t, lang, label } = useI18n();
  const { params } = useRoute();
  const roles = useRegistryRoles();
  const { data, error, reload } = useCall('registry.household', { householdId });
  const [editing, setEditing] = useState(false);
  if (error) return <Alert type="error" showIcon title={errorText(error, lang)} />;
  if (!data) return null;
  const h = data.household;
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'members';
  const yes = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const causes = [h.mainCause, h.secondCause, h.thirdCause].filter(Boolean).map((c) => label('povertyCause', c));

  const basics = (
    <Card title={t('reg.tabs.basics')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('registry.township')}>{h.township}</Descriptions.Item>
        <Descriptions.Item label={t('registry.village')}>{h.village}</Descriptions.Item>
        <Descriptions.Item label={t('registry.group')}>{h.groupName}</Descriptions.Item>
        <Descriptions.Item label={t('registry.address')}>{h.address}</Descriptions.Item>
        <Descriptions.Item label={t('registry.phone')}>{h.phone}</Descriptions.Item>
        <Descriptions.Item label={t('registry.bank')}>{h.bankName} {h.bankAccount}</Descriptions.Item>
        <Descriptions.Item label={t('registry.attribute')}>{label('householdAttribute', h.attribute)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.causes')}>{causes.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('registry.identifiedYear')}>{h.identifiedYear}</Descriptions.Item>
        <Descriptions.Item label={t('registry.housing')}>{label('housingSafety', h.housingSafety)}{h.housingRenovatedYear ? ` (${t('reg.household.renovatedYear')} ${h.housingRenovatedYear})` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('registry.safeWater')}>{yes(h.safeWater)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.relocated')}>{h.relocated ? `${label('relocationType', h.relocationType)} ${h.relocationYear ?? ''} ${h.relocationSite}` : t('common.no')}</Descriptions.Item>
        <Descriptions.Item label={t('registry.familyDoctor')}>{h.familyDoctor} {h.familyDoctorPhone} {h.familyDoctorContract}</Descriptions.Item>
        <Descriptions.Item label={t('registry.statusSince')}>{h.statusSince}</Descriptions.Item>
        {h.policyEndsOn && <Descriptions.Item label={t('registry.policyEndsOn')}>{h.policyEndsOn}</Descriptions.Item>}
        {h.reviewDue && <Descriptions.Item label={t('registry.reviewDue')}>{h.reviewDue}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );

  const panels: Record<(typeof TABS)[number], React.ReactNode> = {
    members: <MembersPanel data={data} onChanged={reload} />,
    status: <StatusPanel householdId={householdId} onChanged={reload} />,
    income: <IncomePanel householdId={householdId} />,
    measures: <MeasuresPanel householdId={householdId} />,
    cadres: <CadresPanel householdId={householdId} />,
  };

  return (
    <article aria-labelledby="household-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="household-title">{h.headName} · {h.archiveNo}</Typography.Title>
        <Flex gap={8}>
          {roles.write && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          <Button onClick={() => window.history.back()}>{t('common.back')}</Button>
        </Flex>
      </Flex>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Tag color={h.status === 'poor' || h.status === 'returned' || h.status === 'new_identified' ? 'red' : h.status === 'cancelled' ? 'default' : 'green'}>{label('householdStatus', h.status)}</Tag>
        {h.monitoringType && <Tag color="orange">{label('monitoringType', h.monitoringType)}</Tag>}
        <Tag>{label('householdAttribute', h.attribute)}</Tag>
        <Tag>{t('registry.size')} {h.size}</Tag>
      </Flex>
      {basics}
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`registry/household/${householdId}`, { tab: key === 'members' ? undefined : key })}
        items={TABS.map((key) => ({ key, label: key === 'members' ? `${t('reg.tabs.members')} (${data.members.filter((m) => !m.removed).length})` : t(`reg.tabs.${key}`), children: panels[key] }))}
      />
      {editing && <HouseholdEdit household={h} onClose={(saved) => {
        setEditing(false);
        if (saved) reload();
      }} />}
    </article>
  );
}

import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { errorText } from '../../components/errors';

/** One household: its record and its members. */
export function HouseholdPage({ householdId }: { householdId: number }) {
  const { t, lang, label } = useI18n();
  const { data, error } = useCall('registry.household', { householdId });
  if (error) return <Alert type="error" showIcon title={errorText(error, lang)} />;
  if (!data) return null;
  const h = data.household;
  const yes = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const causes = [h.mainCause, h.secondCause, h.thirdCause].filter(Boolean).map((c) => label('povertyCause', c));

  return (
    <article aria-labelledby="household-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="household-title">
          {h.headName} · {h.archiveNo}
        </Typography.Title>
        <Button onClick={() => window.history.back()}>{t('common.back')}</Button>
      </Flex>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Tag color="red">{label('householdStatus', h.status)}</Tag>
        {h.monitoringType && <Tag color="orange">{label('monitoringType', h.monitoringType)}</Tag>}
        <Tag>{label('householdAttribute', h.attribute)}</Tag>
      </Flex>
      <Card title={t('registry.basics')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('registry.township')}>{h.township}</Descriptions.Item>
          <Descriptions.Item label={t('registry.village')}>{h.village}</Descriptions.Item>
          <Descriptions.Item label={t('registry.group')}>{h.groupName}</Descriptions.Item>
          <Descriptions.Item label={t('registry.address')}>{h.address}</Descriptions.Item>
          <Descriptions.Item label={t('registry.phone')}>{h.phone}</Descriptions.Item>
          <Descriptions.Item label={t('registry.bank')}>{h.bankName} {h.bankAccount}</Descriptions.Item>
          <Descriptions.Item label={t('registry.causes')}>{causes.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('registry.identifiedYear')}>{h.identifiedYear}</Descriptions.Item>
          <Descriptions.Item label={t('registry.housing')}>{label('housingSafety', h.housingSafety)}{h.housingRenovatedYear ? ` (${h.housingRenovatedYear})` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('registry.safeWater')}>{yes(h.safeWater)}</Descriptions.Item>
          <Descriptions.Item label={t('registry.relocated')}>{h.relocated ? `${label('relocationType', h.relocationType)} ${h.relocationYear ?? ''}` : t('common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('registry.familyDoctor')}>{h.familyDoctor} {h.familyDoctorPhone}</Descriptions.Item>
          <Descriptions.Item label={t('registry.statusSince')}>{h.statusSince}</Descriptions.Item>
          {h.policyEndsOn && <Descriptions.Item label={t('registry.policyEndsOn')}>{h.policyEndsOn}</Descriptions.Item>}
          {h.reviewDue && <Descriptions.Item label={t('registry.reviewDue')}>{h.reviewDue}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={`${t('registry.members')} (${data.members.filter((m) => !m.removed).length})`}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.members}
          scroll={{ x: true }}
          columns={[
            { title: t('registry.name'), dataIndex: 'name', render: (v: string, m) => <>{v}{m.deceased && <Tag style={{ marginLeft: 6 }}>{t('registry.deceased')}</Tag>}</> },
            { title: t('registry.relation'), dataIndex: 'relation', render: (v: string) => label('relation', v) },
            { title: t('registry.idNumber'), dataIndex: 'idNumber' },
            { title: t('registry.sex'), dataIndex: 'sex', render: (v: string) => label('sex', v) },
            { title: t('registry.birthDate'), dataIndex: 'birthDate' },
            { title: t('registry.education'), dataIndex: 'education', render: (v: string | null) => label('education', v) },
            { title: t('registry.schoolStatus'), dataIndex: 'schoolStatus', render: (v: string | null) => label('schoolStatus', v) },
            { title: t('registry.health'), dataIndex: 'health', render: (v: string, m) => `${label('health', v)}${m.disabilityCategory ? ` · ${label('disabilityCategory', m.disabilityCategory)} ${label('disabilityGrade', m.disabilityGrade)}` : ''}` },
            { title: t('registry.labourAbility'), dataIndex: 'labourAbility', render: (v: string | null) => label('labourAbility', v) },
            {
              title: t('registry.insurance'), key: 'ins',
              render: (_: unknown, m) => [m.insBasicMedical && t('registry.basicMedical'), m.insCriticalIllness && t('registry.criticalIllness'), m.insBasicPension && t('registry.pension')].filter(Boolean).join('、'),
            },
            { title: t('registry.dibao'), dataIndex: 'dibao', render: (v: boolean, m) => (v ? label('dibaoClass', m.dibaoClass) || t('common.yes') : '') },
            { title: t('registry.leftBehind'), dataIndex: 'leftBehind', render: (v: string | null) => label('leftBehind', v) },
          ]}
        />
      </Card>
    </article>
  );
}

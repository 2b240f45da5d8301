/**
 * The home screen: a household search, alerts, households by status, attribute and cause, poverty incidence, fund
 * progress and asset income for the county, a township or a village (in the address bar, so a
 * view can be linked). Every bar and every table row opens the list its figure counts.
 */
import { Alert, Col, Flex, Input, Row, Select, Spin, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate, useRoute } from '../../app/router';
import { AreaPicker, areaOf, type Area } from './AreaPicker';
import { AlertsPanel } from './AlertsPanel';
import { HouseholdPanels } from './HouseholdPanels';
import { IncidencePanel } from './IncidencePanel';
import { AssetIncomePanel, FundsPanel } from './MoneyPanels';

const thisYear = new Date().getFullYear();

export function Dashboard() {
  const { t, lang } = useI18n();
  const { params } = useRoute();
  const area = areaOf(params);
  const year = Number(params.get('year') ?? thisYear);
  const figures = useCall('dashboard.figures', { ...area, year });
  const alerts = useCall('dashboard.alerts', area);
  const townships = useCall('registry.townships', {});
  const set = (next: { area?: Area; year?: number }) => {
    const y = next.year ?? year;
    const a = next.area ?? area;
    navigate('home', { townshipId: a.townshipId, villageId: a.villageId, year: y === thisYear ? undefined : y });
  };
  const d = figures.data;
  const townshipName = townships.data?.find((x) => x.id === d?.incidence.units[0]?.drill.townshipId)?.name;

  return (
    <section aria-labelledby="dashboard-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} id="dashboard-title" style={{ margin: 0 }}>{t('dashboard.title')}</Typography.Title>
        <Flex gap={8} wrap align="center">
          {/* Finding a household is what a clerk does most: the list's own search, from home. */}
          <Input.Search
            aria-label={t('common.search')}
            placeholder={t('registry.searchPlaceholder')}
            allowClear
            onSearch={(q) => q.trim() && navigate('registry/households', { q: q.trim() })}
            style={{ width: 300 }}
          />
          <AreaPicker value={area} onChange={(a) => set({ area: a })} />
          <Select
            aria-label={t('dashboard.year')}
            value={year}
            onChange={(y) => set({ year: y })}
            options={Array.from({ length: 12 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: lang === 'zh' ? `${y} 年` : String(y) }))}
            style={{ width: 110 }}
          />
        </Flex>
      </Flex>
      {figures.error && <Alert type="error" showIcon message={figures.error.text(lang)} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <AlertsPanel data={alerts.data} area={area} loading={alerts.loading} />
        {!d ? (
          <Col span={24}><Spin /></Col>
        ) : (
          <>
            <HouseholdPanels data={d.households} />
            <IncidencePanel data={d.incidence} townshipName={townshipName} />
            <FundsPanel data={d.funds} year={year} />
            <AssetIncomePanel data={d.assetIncome} year={year} villageId={area.villageId} />
            <Col span={24}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.madeIn', { ms: d.ms })}</Typography.Text>
            </Col>
          </>
        )}
      </Row>
    </section>
  );
}

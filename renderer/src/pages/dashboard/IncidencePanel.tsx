/** Poverty incidence by township (county) or village (one township) against the exit threshold. */
import { Col } from 'antd';
import { percentText } from '../../../../db/funds/format';
import { useI18n } from '../../i18n';
import { href } from '../../app/router';
import { FigureCard } from './FigureCard';
import { barOption, COLORS } from './options';
import { householdsHref, type DashboardData } from './drill';

export function IncidencePanel({ data, townshipName }: { data: DashboardData['incidence']; townshipName?: string }) {
  const { t } = useI18n();
  const title = data.level === 'township' ? t('dashboard.incidenceTownships') : t('dashboard.incidenceVillages', { township: townshipName ?? '' });
  const pct = (bp: number | null) => (bp === null ? 0 : bp / 100);
  const color = (below: boolean | null) => (below === null ? COLORS.grey : below ? COLORS.green : COLORS.red);
  const rows = data.units.map((u) => ({
    key: String(u.id),
    label: u.name,
    href: householdsHref(u.drill),
    cells: [
      percentText(u.incidenceBp),
      u.poorHouseholds.toLocaleString(),
      u.poorPeople.toLocaleString(),
      u.ruralPopulation.toLocaleString(),
      u.belowThreshold === null ? t('dashboard.noPopulation') : u.belowThreshold ? t('dashboard.below') : t('dashboard.notBelow'),
      ...(data.level === 'township' ? [<a key="v" href={`${href('home')}?townshipId=${u.id}`}>{t('dashboard.village')}</a>] : []),
    ],
  }));
  const tot = data.total;
  return (
    <Col span={24}>
      <FigureCard
        id="incidence"
        title={title}
        note={t('dashboard.incidenceNote', { pct: data.thresholdPct })}
        headers={[t('dashboard.unit'), t('dashboard.incidence'), t('dashboard.poorHouseholds'), t('dashboard.poorPeople'), t('dashboard.ruralPopulation'), t('dashboard.threshold', { pct: data.thresholdPct }), ...(data.level === 'township' ? [t('dashboard.village')] : [])]}
        rows={rows}
        footer={[t('dashboard.total'), percentText(tot.incidenceBp), tot.poorHouseholds.toLocaleString(), tot.poorPeople.toLocaleString(), tot.ruralPopulation.toLocaleString(),
          tot.belowThreshold === null ? '' : tot.belowThreshold ? t('dashboard.below') : t('dashboard.notBelow'), ...(data.level === 'township' ? [''] : [])]}
        option={barOption(data.units.map((u) => ({ name: u.name, value: pct(u.incidenceBp), color: color(u.belowThreshold) })), {
          percent: true, markAt: { value: data.thresholdPct, label: t('dashboard.threshold', { pct: data.thresholdPct }) },
        })}
        chartHeight={300}
        stacked
      />
    </Col>
  );
}

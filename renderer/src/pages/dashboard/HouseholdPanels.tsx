/** Households and people by status, attribute and main cause; every bar and row opens its list. */
import { Col } from 'antd';
import { useI18n } from '../../i18n';
import type { CodeListName } from '../../../../db/codes';
import { FigureCard } from './FigureCard';
import { barOption, pieOption, COLORS } from './options';
import { householdsHref, type DashboardData } from './drill';

type Breakdown = DashboardData['households']['status'];

const STATUS_COLOR: Record<string, string> = {
  new_identified: COLORS.orange, poor: COLORS.red, returned: COLORS.red, exited: COLORS.green, exited_no_policy: '#237804', cancelled: COLORS.grey, non_poor: '#722ed1',
};

function useRows(b: Breakdown) {
  const { label } = useI18n();
  return b.buckets.map((x) => ({
    key: x.code,
    label: label(b.list as CodeListName, x.code),
    href: householdsHref(x.drill),
    cells: [x.households.toLocaleString(), x.people.toLocaleString()],
  }));
}

export function HouseholdPanels({ data }: { data: DashboardData['households'] }) {
  const { t, label } = useI18n();
  const headers = [t('dashboard.category'), t('dashboard.households'), t('dashboard.people')];
  const footer = (b: Breakdown) => [t('dashboard.total'), b.households.toLocaleString(), b.people.toLocaleString()];
  const status = useRows(data.status);
  const attribute = useRows(data.attribute);
  const cause = useRows(data.mainCause);
  const items = (b: Breakdown, colors?: Record<string, string>) =>
    b.buckets.map((x) => ({ name: label(b.list as CodeListName, x.code), value: x.households, color: colors?.[x.code] }));
  const unit = ` ${t('dashboard.households')}`;
  return (
    <>
      <Col xs={24} xl={12}>
        <FigureCard id="by-status" title={t('dashboard.byStatus')} note={t('dashboard.allNote')} headers={headers} rows={status} footer={footer(data.status)}
          option={barOption(items(data.status, STATUS_COLOR), { unit })} />
      </Col>
      <Col xs={24} xl={12}>
        <FigureCard id="by-attribute" title={t('dashboard.byAttribute')} note={t('dashboard.registeredNote')} headers={headers} rows={attribute} footer={footer(data.attribute)}
          option={pieOption(items(data.attribute), unit)} />
      </Col>
      <Col span={24}>
        <FigureCard id="by-cause" title={t('dashboard.byCause')} note={t('dashboard.registeredNote')} headers={headers} rows={cause} footer={footer(data.mainCause)}
          option={barOption(items(data.mainCause), { horizontal: true, unit })} chartHeight={340} />
      </Col>
    </>
  );
}

/** Fund spending progress by source and asset income; money is shown in yuan. */
import { Col } from 'antd';
import { formatFen } from '../../../../db/rules/money';
import { labelOf } from '../../../../db/codes';
import { percentText } from '../../../../db/funds/format';
import { useI18n } from '../../i18n';
import { href } from '../../app/router';
import { FigureCard } from './FigureCard';
import { barOption, COLORS } from './options';
import type { DashboardData } from './drill';

/** Yuan as a chart value (charts draw numbers; tables show the exact text). */
const yuan = (fen: number) => Math.round(fen) / 100;

export function FundsPanel({ data, year }: { data: DashboardData['funds']; year: number }) {
  const { t, lang } = useI18n();
  const list = `${href('funds/sources')}?year=${year}`;
  const rows = data.sources.map((s) => ({
    key: String(s.id),
    label: `${labelOf('fundLevel', s.level, lang)} · ${s.docNo}`,
    href: list,
    cells: [percentText(s.progressBp), formatFen(s.amountFen), formatFen(s.receivedFen), formatFen(s.spentFen)],
  }));
  const tot = data.totals;
  return (
    <Col xs={24} xl={12}>
      <FigureCard
        id="funds"
        title={t('dashboard.funds')}
        note={t('dashboard.fundsNote', { year })}
        empty={data.sources.length ? undefined : t('dashboard.noSources')}
        headers={[t('dashboard.source'), t('dashboard.progress'), t('dashboard.amount'), t('dashboard.received'), t('dashboard.spent')]}
        rows={rows}
        footer={[t('dashboard.total'), percentText(tot.progressBp), formatFen(tot.amountFen), formatFen(tot.receivedFen), formatFen(tot.spentFen)]}
        option={barOption(data.sources.map((s, i) => ({ name: rows[i]!.label, value: s.progressBp === null ? 0 : s.progressBp / 100 })), { horizontal: true, percent: true })}
      />
    </Col>
  );
}

export function AssetIncomePanel({ data, year, villageId }: { data: DashboardData['assetIncome']; year: number; villageId?: number }) {
  const { t } = useI18n();
  const list = `${href('assets')}${villageId ? `?villageId=${villageId}` : ''}`;
  const measures = [
    { key: 'received', label: t('dashboard.assetReceived'), fen: data.receivedFen, color: COLORS.primary },
    { key: 'costs', label: t('dashboard.assetCosts'), fen: data.costsFen, color: COLORS.grey },
    { key: 'distributed', label: t('dashboard.assetDistributed'), fen: data.distributedFen, color: COLORS.green },
    { key: 'waiting', label: t('dashboard.assetWaiting'), fen: data.waitingFen, color: COLORS.orange },
  ];
  return (
    <Col xs={24} xl={12}>
      <FigureCard
        id="asset-income"
        title={t('dashboard.assetIncome')}
        note={t('dashboard.assetNote', { year })}
        empty={data.rows.length ? undefined : t('dashboard.noAssets')}
        headers={[t('dashboard.category'), t('dashboard.amount')]}
        rows={measures.map((m) => ({ key: m.key, label: m.label, href: list, cells: [formatFen(m.fen)] }))}
        option={barOption(measures.map((m) => ({ name: m.label, value: yuan(m.fen), color: m.color })))}
      />
    </Col>
  );
}

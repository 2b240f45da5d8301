/** A dashboard card: a chart whose bars open their lists, and the same figures as a table. */
import type { ReactNode } from 'react';
import { Card, Empty, Typography } from 'antd';
import { Chart, type ChartOption } from '../../components/Chart';
import { useI18n } from '../../i18n';
import { FigureTable, type FigureRow } from './FigureTable';
import { go } from './drill';

export function FigureCard({ id, title, note, option, rows, headers, footer, empty, extra, chartHeight, stacked = false }: {
  id: string;
  title: string;
  note?: string;
  option: ChartOption;
  rows: FigureRow[];
  headers: string[];
  footer?: ReactNode[];
  /** Shown instead of chart and table when there is nothing to show. */
  empty?: string;
  extra?: ReactNode;
  chartHeight?: number;
  /** Table under the chart instead of beside it (wide tables). */
  stacked?: boolean;
}) {
  const { t, lang } = useI18n();
  const items = rows.map((r) => t('dashboard.item', { name: r.label, value: String(r.cells[0] ?? '') })).join(lang === 'zh' ? '；' : '; ');
  return (
    <Card title={<span id={`${id}-title`}>{title}</span>} extra={extra} size="small" style={{ height: '100%' }}>
      <section aria-labelledby={`${id}-title`} data-testid={id}>
        {note && <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{note}</Typography.Paragraph>}
        {empty ? <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
            <div style={{ flex: stacked ? '1 1 100%' : '3 1 360px', minWidth: 0 }}>
              <Chart
                option={option}
                label={t('dashboard.chartLabel', { title, items })}
                height={chartHeight}
                testId={`${id}-chart`}
                onClick={({ dataIndex }) => {
                  const target = rows[dataIndex]?.href;
                  if (target) go(target);
                }}
              />
            </div>
            <div style={{ flex: stacked ? '1 1 100%' : '2 1 260px', minWidth: 0, overflowX: 'auto' }}>
              <FigureTable caption={title} headers={headers} rows={rows} footer={footer} testId={`${id}-table`} />
            </div>
          </div>
        )}
      </section>
    </Card>
  );
}

/** A standard report on screen: each section a table, cells formatted as in the PDF. */
import { Table, Typography } from 'antd';
import type { ApiOutput } from '../../api';
import { cellText } from '../../../../db/reports/format';
import { useI18n } from '../../i18n';

type Report = ApiOutput<'reports.data'>;

export function ReportView({ report }: { report: Report }) {
  const { t } = useI18n();
  return (
    <article aria-labelledby="report-title">
      <Typography.Title level={4} id="report-title" style={{ textAlign: 'center', marginBottom: 0 }}>{report.title}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>{report.subtitle}</Typography.Paragraph>
      {report.sections.map((s, si) => {
        const rows = [...s.rows, ...(s.footer ? [s.footer] : [])].map((r, i) => ({ key: i, cells: r, total: s.footer !== undefined && i === s.rows.length }));
        return (
          <section key={s.title} aria-labelledby={`report-section-${si}`} style={{ marginBottom: 24 }}>
            <Typography.Title level={5} id={`report-section-${si}`}>{s.title}</Typography.Title>
            {s.note && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{s.note}</Typography.Paragraph>}
            {/* A wide table scrolls in its own region, reachable by keyboard. */}
            <div role="region" aria-labelledby={`report-section-${si}`} tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table
              size="small"
              bordered
              pagination={rows.length > 60 ? { pageSize: 50, showSizeChanger: false } : false}
              dataSource={rows}
              locale={{ emptyText: t('reports.empty') }}
              columns={s.columns.map((c, i) => ({
                key: String(i),
                title: c.header,
                align: c.kind === 'text' ? 'left' : 'right',
                onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
                render: (_: unknown, r: (typeof rows)[number]) => {
                  const text = cellText(c.kind, r.cells[i] ?? null);
                  return r.total ? <strong>{text}</strong> : text;
                },
              }))}
            />
            </div>
          </section>
        );
      })}
    </article>
  );
}

/** The alerts with their counts: each a link to its work list. */
import { Badge, Card, Col, List, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { href } from '../../app/router';
import type { ApiOutput } from '../../api';
import type { Area } from './AreaPicker';

export const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'blue' } as const;

export function alertHref(key: string, area: Area): string {
  const q = new URLSearchParams();
  if (area.townshipId) q.set('townshipId', String(area.townshipId));
  if (area.villageId) q.set('villageId', String(area.villageId));
  const s = q.toString();
  return `${href(`alerts/${key}`)}${s ? `?${s}` : ''}`;
}

export function AlertsPanel({ data, area, loading }: { data: ApiOutput<'dashboard.alerts'> | null; area: Area; loading: boolean }) {
  const { t, lang } = useI18n();
  const alerts = data?.alerts ?? [];
  return (
    <Col span={24}>
      <Card size="small" title={<span id="alerts-title">{t('dashboard.alerts')}</span>} extra={data && <Typography.Text type="secondary">{t('alerts.asOf', { date: data.asOf })}</Typography.Text>}>
        <section aria-labelledby="alerts-title" data-testid="alerts">
          <List
            loading={loading}
            grid={{ gutter: 12, xs: 1, sm: 2, lg: 3, xxl: 5 }}
            dataSource={alerts}
            locale={{ emptyText: t('dashboard.noAlerts') }}
            renderItem={(a) => (
              <List.Item>
                <a href={alertHref(a.key, area)} title={a.explanation[lang]} style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
                  <span>
                    <Tag color={SEVERITY_COLOR[a.severity]}>{t(`alerts.severity.${a.severity}`)}</Tag>
                    {a.title[lang]}
                  </span>
                  <Badge count={a.count} showZero overflowCount={99999} color={a.count ? SEVERITY_COLOR[a.severity] : '#d9d9d9'} />
                </a>
              </List.Item>
            )}
          />
        </section>
      </Card>
    </Col>
  );
}

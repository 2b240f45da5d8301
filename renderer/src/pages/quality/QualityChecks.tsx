import { useState } from 'react';
import { Alert, Button, Card, Collapse, Empty, Flex, Progress, Select, Space, Switch, Tabs, Typography } from 'antd';
import { call } from '../../api';
import { useCall } from '../../app/useCall';
import { useI18n } from '../../i18n';
import { useJob } from '../../components/useJob';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';
import type { QualityRun } from '../../../../db/quality/report';
import { ScopePicker, type Scope } from './ScopePicker';
import { SeverityTag } from './SeverityTag';
import { RuleFindings } from './RuleFindings';
import { AreaTable } from './AreaTable';

/**
 * Run the data-quality checks for the county, a township or a village (a background job with
 * progress), then read the findings rule by rule, the counts by village and township, and export
 * the report.
 */
export function QualityChecks() {
  const { t, lang } = useI18n();
  const rules = useCall('quality.rules', {}).data ?? [];
  const [scope, setScope] = useState<Scope>({});
  const [ran, setRan] = useState<{ run: QualityRun; scope: Scope } | null>(null);
  const [onlyFound, setOnlyFound] = useState(true);
  const [exportLang, setExportLang] = useState<'zh' | 'en'>(lang);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [jobScope, setJobScope] = useState<Scope>({});
  const { job, follow, cancel, percent } = useJob((j) => {
    if (j.state === 'done') setRan({ run: j.result as QualityRun, scope: jobScope });
    else if (j.state === 'failed') setError(lang === 'zh' ? j.error?.zh ?? '' : j.error?.message ?? '');
  });
  const running = job?.state === 'running';

  const start = async () => {
    setError(null);
    setJobScope(scope);
    try {
      follow(await call('quality.start', scope));
    } catch (err) {
      setError(errorText(err, lang));
    }
  };

  const exportReport = async () => {
    if (!ran) return;
    setExporting(true);
    try {
      saveFile(await call('quality.export', { ...ran.scope, asOf: ran.run.asOf, lang: exportLang }));
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setExporting(false);
    }
  };

  const run = ran?.run;
  const byId = new Map(run?.rules.map((r) => [r.ruleId, r]) ?? []);
  const shown = rules.filter((r) => !onlyFound || (byId.get(r.id)?.count ?? 0) > 0);

  return (
    <section aria-labelledby="quality-title">
      <Typography.Title level={3} id="quality-title">{t('quality.checks')}</Typography.Title>
      <Card>
        <Flex gap={12} wrap align="center">
          <ScopePicker value={scope} onChange={setScope} />
          <Button type="primary" onClick={() => void start()} loading={running} disabled={running}>{t('quality.run')}</Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('quality.intro', { count: rules.length })}</Typography.Paragraph>
      </Card>
      {running && job && (
        <Card style={{ marginTop: 16 }}>
          <Flex align="center" gap={16}>
            <Progress percent={percent} aria-label={t('common.progress')} style={{ flex: 1 }} />
            <Button danger onClick={() => void cancel()}>{t('quality.cancel')}</Button>
          </Flex>
          <Typography.Text type="secondary" role="status">
            {job.total > 0 ? t('quality.progress', { done: job.done, total: job.total }) : t('quality.running')}
          </Typography.Text>
        </Card>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 16 }} />}
      {run && ran && (
        <Card style={{ marginTop: 16 }}>
          <Flex justify="space-between" wrap gap={12} align="center">
            <Space wrap>
              <Typography.Text role="status">{t('quality.totals', run.totals)}</Typography.Text>
              <Typography.Text type="secondary">{t('quality.lastRun', { asOf: run.asOf, ms: run.ms })}</Typography.Text>
            </Space>
            <Space wrap>
              <Select aria-label={t('quality.exportLang')} value={exportLang} onChange={setExportLang} style={{ width: 110 }}
                options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} />
              <Button onClick={() => void exportReport()} loading={exporting}>{t('quality.export')}</Button>
            </Space>
          </Flex>
          <Tabs
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'rules', label: t('quality.byRule'),
                children: (
                  <>
                    <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
                      <Switch id="only-found" checked={onlyFound} onChange={setOnlyFound} aria-label={t('quality.onlyProblems')} />
                      <label htmlFor="only-found">{t('quality.onlyProblems')}</label>
                    </Flex>
                    {shown.length === 0 ? <Empty description={t('quality.none')} /> : (
                      <Collapse
                        items={shown.map((r) => {
                          const outcome = byId.get(r.id);
                          return {
                            key: r.id,
                            label: (
                              <Space wrap>
                                <SeverityTag severity={r.severity} />
                                <Typography.Text strong>{r.title[lang]}</Typography.Text>
                                <Typography.Text type="secondary">{r.id}</Typography.Text>
                                <Typography.Text>{outcome?.skipped ? t('quality.skipped') : t('quality.count', { count: outcome?.count ?? 0 })}</Typography.Text>
                              </Space>
                            ),
                            children: (
                              <>
                                <Typography.Paragraph>{r.explain[lang]}</Typography.Paragraph>
                                {(outcome?.count ?? 0) > 0 && <RuleFindings ruleId={r.id} scope={ran.scope} asOf={run.asOf} />}
                              </>
                            ),
                          };
                        })}
                      />
                    )}
                  </>
                ),
              },
              { key: 'villages', label: t('quality.byVillage'), children: <AreaTable rows={run.villages} rules={run.rules} villages /> },
              { key: 'townships', label: t('quality.byTownship'), children: <AreaTable rows={run.townships} rules={run.rules} villages={false} /> },
            ]}
          />
        </Card>
      )}
    </section>
  );
}

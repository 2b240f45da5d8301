/**
 * Standard reports: pick the report, year and area (kept in the address bar), see it on screen,
 * print it as a PDF or export it as .xlsx in the chosen language.
 */
import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Radio, Select, Spin, Typography } from 'antd';
import { call, type ApiInput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate, useRoute } from '../../app/router';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';
import { AreaPicker, areaOf, type Area } from '../dashboard/AreaPicker';
import { ReportView } from './ReportView';

type Kind = ApiInput<'reports.data'>['report'];
const KINDS: Kind[] = ['registry', 'funds', 'assets'];
const thisYear = new Date().getFullYear();

export function ReportsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { params } = useRoute();
  const kind = (KINDS.includes(params.get('report') as Kind) ? params.get('report') : 'registry') as Kind;
  const year = Number(params.get('year') ?? thisYear);
  const area = areaOf(params);
  const [outLang, setOutLang] = useState<'zh' | 'en'>(lang);
  useEffect(() => setOutLang(lang), [lang]);
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const input = { report: kind, year, ...area, lang };
  const { data, loading, error } = useCall('reports.data', input);
  const set = (next: { report?: Kind; year?: number; area?: Area }) => {
    const a = next.area ?? area;
    navigate('reports', { report: next.report ?? kind, year: next.year ?? year, townshipId: a.townshipId, villageId: a.villageId });
  };

  const file = async (format: 'pdf' | 'xlsx') => {
    setBusy(format);
    try {
      saveFile(await call('reports.file', { ...input, lang: outLang, format }));
    } catch (err) {
      void message.error(errorText(err, lang));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="reports-title">
      <Typography.Title level={3} id="reports-title">{t('reports.title')}</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Radio.Group
            aria-label={t('reports.report')}
            value={kind}
            onChange={(e) => set({ report: e.target.value as Kind })}
            optionType="button"
            buttonStyle="solid"
            options={KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
          />
          <Typography.Text type="secondary">{t(`reports.hints.${kind}`)}</Typography.Text>
          <Flex gap={8} wrap align="center">
            <Select
              aria-label={t('reports.year')}
              value={year}
              onChange={(y) => set({ year: y })}
              options={Array.from({ length: 13 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: lang === 'zh' ? `${y} 年` : String(y) }))}
              style={{ width: 110 }}
            />
            <AreaPicker value={area} onChange={(a) => set({ area: a })} />
            <Select
              aria-label={t('reports.language')}
              value={outLang}
              onChange={setOutLang}
              options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]}
              style={{ width: 110 }}
            />
            <Button type="primary" onClick={() => file('pdf')} loading={busy === 'pdf'}>{t('reports.print')}</Button>
            <Button onClick={() => file('xlsx')} loading={busy === 'xlsx'}>{t('reports.exportXlsx')}</Button>
          </Flex>
        </Flex>
      </Card>
      {error && <Typography.Text type="danger">{error.text(lang)}</Typography.Text>}
      <Card size="small" title={t('reports.preview')}>
        {loading && !data ? <Spin /> : data && <ReportView report={data} />}
      </Card>
    </section>
  );
}

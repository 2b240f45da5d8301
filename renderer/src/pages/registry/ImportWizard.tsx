import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, InputNumber, Progress, Result, Select, Steps, Table, Typography } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { navigate } from '../../app/router';
import { useJob, type JobView } from '../../components/useJob';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';
import { readAsBase64 } from './files';

import type { ImportPreview as Preview } from '../../../../db/registry/import';
import type { ColumnKey } from '../../../../db/registry/import/columns';

type Mapping = { column: number; field: ColumnKey }[];
type Layout = { sheet?: string; headerRow?: number; columns?: Mapping };

/** The job's error in the user's language. */
const jobError = (job: JobView, lang: string) => (job.error ? (lang === 'zh' ? job.error.zh : job.error.message) : '');

function ProblemTable({ problems }: { problems: Preview['problems'] }) {
  const { t, lang } = useI18n();
  return (
    <Table
      rowKey={(p) => `${p.row}-${p.column}-${p.en}`}
      size="small"
      dataSource={problems}
      pagination={{ pageSize: 20, showTotal: (count) => t('common.total', { count }) }}
      columns={[
        { title: t('reg.excel.row'), dataIndex: 'row', width: 80 },
        { title: t('reg.excel.column'), dataIndex: 'column', width: 80 },
        { title: t('reg.excel.field'), dataIndex: 'field' },
        { title: t('reg.excel.problem'), key: 'msg', render: (_: unknown, p) => (lang === 'zh' ? p.zh : p.en) },
      ]}
    />
  );
}

/** Map each sheet column to a field (or leave it out); the header row can be chosen by hand. */
function MappingTable({ preview, mapping, onChange }: { preview: Preview; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const { t, lang } = useI18n();
  const fieldOptions = [
    { value: '', label: t('reg.excel.ignore') },
    ...preview.fields.map((f) => ({ value: f.key, label: `${lang === 'zh' ? f.zh : f.en}${f.required ? ' *' : ''}` })),
  ];
  const set = (column: number, field: string) => onChange([...mapping.filter((m) => m.column !== column), ...(field ? [{ column, field: field as ColumnKey }] : [])]);
  return (
    <Table
      rowKey="column"
      size="small"
      pagination={false}
      scroll={{ y: 360 }}
      dataSource={preview.layout.columns}
      columns={[
        { title: t('reg.excel.column'), dataIndex: 'letter', width: 70 },
        { title: t('reg.excel.header'), dataIndex: 'header' },
        {
          title: t('reg.excel.field'), key: 'field', width: 260,
          render: (_: unknown, c) => (
            <Select aria-label={`${t('reg.excel.field')} ${c.letter}`} style={{ width: 240 }} showSearch={{ optionFilterProp: 'label' }}
              value={mapping.find((m) => m.column === c.column)?.field ?? ''} onChange={(v) => set(c.column, v)} options={fieldOptions} />
          ),
        },
        { title: t('reg.excel.sample'), key: 'sample', render: (_: unknown, c) => preview.sample.slice(0, 3).map((r) => r.values[String(c.column)]).filter(Boolean).join(' · ') },
      ]}
    />
  );
}

/**
 * Import households and members from .xlsx: pick a file, check the detected layout and mapping,
 * read every problem, then import all or nothing with progress and cancel.
 */
export function ImportWizard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [headerRow, setHeaderRow] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<JobView | null>(null);

  const previewJob = useJob((job) => {
    if (job.state !== 'done') return setError(jobError(job, lang));
    const p = job.result as Preview;
    setPreview(p);
    setHeaderRow(p.layout.headerRow);
    setMapping(p.layout.columns.flatMap((c) => (c.field ? [{ column: c.column, field: c.field }] : [])));
  });
  const importJob = useJob((job) => setResult(job));

  const chosenLayout = (): Layout => (preview ? { sheet: preview.layout.sheet, headerRow: headerRow ?? undefined, columns: mapping } : {});

  const check = async (input: { fileName: string; base64: string }, layout: Layout) => {
    setError(null);
    setResult(null);
    try {
      previewJob.follow(await call('registry.importPreview', { ...input, ...layout }));
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    const next = { fileName: picked.name, base64: await readAsBase64(picked) };
    setFile(next);
    setPreview(null);
    await check(next, {});
  };
  const start = async () => {
    if (!file) return;
    setError(null);
    try {
      importJob.follow(await call('registry.importStart', { ...file, ...chosenLayout() }));
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  const template = async () => {
    try {
      saveFile(await call('registry.importTemplate', {}));
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };

  const importing = importJob.job?.state === 'running';
  const step = result?.state === 'done' ? 3 : importing ? 2 : preview ? 1 : 0;

  return (
    <section aria-labelledby="import-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="import-title">{t('reg.excel.title')}</Typography.Title>
        <Button onClick={template}>{t('reg.excel.template')}</Button>
      </Flex>
      <Steps current={step} style={{ marginBottom: 16 }} items={['pick', 'check', 'import', 'done'].map((s) => ({ title: t(`reg.excel.step.${s}`) }))} />
      <Typography.Paragraph type="secondary">{t('reg.excel.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}

      <Card style={{ marginBottom: 16 }}>
        <label htmlFor="import-file" style={{ marginRight: 12 }}>{t('reg.excel.pickFile')}</label>
        <input id="import-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={importing} onChange={(e) => void pick(e.target.files?.[0])} />
        {previewJob.job?.state === 'running' && <Progress percent={previewJob.percent} status="active" aria-label={t('reg.excel.reading')} style={{ marginTop: 12 }} />}
      </Card>

      {preview && file && (
        <>
          <Card title={t('reg.excel.layout')} style={{ marginBottom: 16 }} extra={
            <Flex gap={8} align="center">
              {preview.layout.sheets.length > 1 && (
                <Select aria-label={t('reg.excel.sheet')} value={preview.layout.sheet} style={{ minWidth: 160 }}
                  onChange={(sheet) => void check(file, { sheet })} options={preview.layout.sheets.map((s) => ({ value: s, label: s }))} />
              )}
              <label htmlFor="header-row">{t('reg.excel.headerRow')}</label>
              <InputNumber id="header-row" min={1} value={headerRow} onChange={(v) => setHeaderRow(v)} />
              <Button onClick={() => void check(file, chosenLayout())} disabled={importing}>{t('reg.excel.recheck')}</Button>
            </Flex>
          }>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('reg.excel.file')}>{preview.fileName}</Descriptions.Item>
              <Descriptions.Item label={t('reg.excel.dataRows')}>{preview.dataRows}</Descriptions.Item>
              <Descriptions.Item label={t('reg.excel.skipped')}>{t('reg.excel.skippedText', preview.skipped)}</Descriptions.Item>
              <Descriptions.Item label="SHA-256"><Typography.Text code copyable>{preview.sha256.slice(0, 16)}…</Typography.Text></Descriptions.Item>
            </Descriptions>
            <MappingTable preview={preview} mapping={mapping} onChange={setMapping} />
          </Card>

          <Card title={preview.problems.length ? t('reg.excel.problems', { count: preview.problems.length }) : t('reg.excel.noProblems')} style={{ marginBottom: 16 }}>
            {preview.problems.length
              ? <><Alert type="error" showIcon title={t('reg.excel.nothingWritten')} style={{ marginBottom: 12 }} /><ProblemTable problems={preview.problems} /></>
              : <Alert type="success" showIcon title={t('reg.excel.ready', { households: preview.households, members: preview.members })} />}
          </Card>

          <Flex gap={8} align="center">
            <Button type="primary" disabled={!preview.ok || importing || result?.state === 'done'} onClick={start}>{t('reg.excel.start', { households: preview.households, members: preview.members })}</Button>
            {importing && <Button danger onClick={() => void importJob.cancel()}>{t('reg.excel.cancel')}</Button>}
          </Flex>
          {importJob.job && importing && <Progress percent={importJob.percent} status="active" aria-label={t('common.progress')} style={{ marginTop: 12 }} />}
        </>
      )}

      {result && (
        result.state === 'done'
          ? <Result status="success" title={t('reg.excel.done', result.result as { households: number; members: number })}
              extra={<Button type="primary" onClick={() => navigate('registry/households')}>{t('nav.households')}</Button>} />
          : <Alert type={result.state === 'cancelled' ? 'warning' : 'error'} showIcon style={{ marginTop: 16 }}
              title={result.state === 'cancelled' ? t('reg.excel.cancelled') : jobError(result, lang)}
              description={result.error?.problems?.length ? <ProblemTable problems={result.error.problems.map((p) => ({ row: p.row ?? 0, column: '', field: p.field, en: p.en, zh: p.zh }))} /> : undefined} />
      )}
    </section>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, InputNumber, Table, Tabs, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';
import { readAsBase64 } from '../registry/files';
import { ScopePicker, type Scope } from './ScopePicker';
import { DisagreementTable, NotOnRosterTable, NotRegisteredTable } from './DibaoTables';
import type { Picked } from './ProposalCheck';

type Comparison = ApiOutput<'exchange.dibaoCompare'>;

/**
 * Cross-check the civil-affairs dibao roster: upload the .xlsx, check what was read, go through the
 * three kinds of mismatch, and accept the proposed changes that are right (with confirmation).
 * Nothing in the ledger changes until then.
 */
export function DibaoWizard() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [scope, setScope] = useState<Scope>({});
  const [result, setResult] = useState<Comparison | null>(null);
  const [picked, setPicked] = useState<Picked>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (f: File | undefined) => {
    setResult(null);
    setPicked(new Map());
    setFile(f ? { fileName: f.name, base64: await readAsBase64(f) } : null);
  };

  const compare = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await call('exchange.dibaoCompare', { ...file, year, ...scope }));
      setPicked(new Map());
    } catch (err) {
      setResult(null);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const accept = () => {
    if (!result || !file) return;
    modal.confirm({
      title: t('quality.confirmTitle', { count: picked.size }),
      content: t('quality.confirmBody'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await call('exchange.dibaoAccept', { fileName: file.fileName, sha256: result.roster.sha256, proposals: [...picked.values()] });
          void message.success(t('quality.accepted', { count: r.changed }));
          await compare();
        } catch (err) {
          setError(errorText(err, lang));
        }
      },
    });
  };

  const r = result?.roster;
  return (
    <section aria-labelledby="dibao-title">
      <Typography.Title level={3} id="dibao-title">{t('quality.dibao')}</Typography.Title>
      <Card>
        <Typography.Paragraph>{t('quality.dibaoIntro')}</Typography.Paragraph>
        <Flex gap={12} wrap align="center">
          <label htmlFor="dibao-file">{t('quality.chooseFile')}</label>
          <input id="dibao-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0])} />
          <Button onClick={async () => saveFile(await call('exchange.dibaoTemplate', {}))}>{t('quality.template')}</Button>
        </Flex>
        <Flex gap={12} wrap align="center" style={{ marginTop: 12 }}>
          <label htmlFor="dibao-year">{t('quality.year')}</label>
          <InputNumber id="dibao-year" min={1990} max={2100} value={year} onChange={(v) => setYear(v ?? new Date().getFullYear())} />
          <Typography.Text>{t('quality.rosterCovers')}</Typography.Text>
          <ScopePicker value={scope} onChange={setScope} />
          <Button type="primary" onClick={() => void compare()} disabled={!file} loading={busy}>{t('quality.compare')}</Button>
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 16 }} />}
      {result && r && (
        <>
          <Card style={{ marginTop: 16 }} title={t('quality.preview')}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
              { key: 'sheet', label: t('quality.sheet'), children: r.layout.sheet },
              { key: 'header', label: t('quality.headerRowLabel'), children: r.layout.headerRow },
              { key: 'cols', label: t('quality.columnsFound'), children: r.layout.columns.map((c) => `${c.letter} ${c.header}`).join('；') },
              { key: 'missing', label: t('quality.missingColumns'), children: r.layout.missing.map((k) => t(`quality.column.${k}`)).join('、') || '—' },
              { key: 'people', label: t('quality.people'), children: r.people },
              { key: 'matched', label: t('quality.matched'), children: result.matched },
              { key: 'skipped', label: t('quality.skippedRows'), children: r.skipped },
              { key: 'year', label: t('quality.year'), children: result.year },
            ]} />
            {r.problems.length > 0 && (
              <>
                <Typography.Title level={5}>{t('quality.problems')}</Typography.Title>
                <Table size="small" rowKey={(p) => `${p.row}-${p.field}`} dataSource={r.problems} pagination={{ pageSize: 10 }} columns={[
                  { title: t('quality.row'), dataIndex: 'row', width: 80 },
                  { title: t('quality.field'), dataIndex: 'field', width: 140, render: (k: string) => t(`quality.column.${k}`) },
                  { title: t('quality.problem'), key: 'msg', render: (_: unknown, p) => (lang === 'zh' ? p.zh : p.en) },
                ]} />
              </>
            )}
          </Card>
          <Card style={{ marginTop: 16 }}>
            <Tabs items={[
              { key: 'a', label: `${t('quality.tabNotRegistered')} (${result.notRegistered.length})`, children: <NotRegisteredTable rows={result.notRegistered} picked={picked} onPick={setPicked} /> },
              { key: 'b', label: `${t('quality.tabNotOnRoster')} (${result.notOnRoster.length})`, children: <NotOnRosterTable rows={result.notOnRoster} picked={picked} onPick={setPicked} /> },
              { key: 'c', label: `${t('quality.tabDisagree')} (${result.disagreements.length})`, children: <DisagreementTable rows={result.disagreements} picked={picked} onPick={setPicked} /> },
            ]} />
            <Flex justify="flex-end">
              <Button type="primary" disabled={!picked.size} onClick={accept}>{t('quality.accept', { count: picked.size })}</Button>
            </Flex>
          </Card>
        </>
      )}
    </section>
  );
}

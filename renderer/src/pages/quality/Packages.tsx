import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Progress, Radio, Space, Table, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useCall } from '../../app/useCall';
import { useI18n } from '../../i18n';
import { useJob } from '../../components/useJob';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';
import { readAsBase64 } from '../registry/files';
import { ScopePicker, type Scope } from './ScopePicker';
import { PackageVerdict } from './PackageVerdict';
import type { ExportedPackage } from '../../../../db/exchange/package/export';

type Part = 'registry' | 'funds' | 'assets';
const PARTS: Part[] = ['registry', 'funds', 'assets'];
type Verdict = ApiOutput<'exchange.packageVerify'>;

/** Export the county's or a village's data as a signed package, and verify packages read-only. */
export function Packages() {
  const { t, lang } = useI18n();
  const list = useCall('exchange.packages', {});
  const [whole, setWhole] = useState(true);
  const [scope, setScope] = useState<Scope>({});
  const [parts, setParts] = useState<Part[]>(PARTS);
  const [made, setMade] = useState<ExportedPackage | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { job, follow, cancel, percent } = useJob((j) => {
    if (j.state === 'done') {
      setMade(j.result as ExportedPackage);
      list.reload();
    } else if (j.state === 'failed') setError(lang === 'zh' ? j.error?.zh ?? '' : j.error?.message ?? '');
  });
  const running = job?.state === 'running';

  const attempt = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  const start = () => attempt(async () => {
    setMade(null);
    follow(await call('exchange.packageStart', { villageId: whole ? undefined : scope.villageId, parts }));
  });
  const verify = (input: { fileName: string; base64?: string }) => attempt(async () => {
    setVerdict(null);
    setVerdict(await call('exchange.packageVerify', input.base64 ? { fileName: input.fileName, base64: input.base64 } : { fileName: input.fileName }));
  });
  const download = (fileName: string) => attempt(async () => saveFile(await call('exchange.packageFile', { fileName })));

  return (
    <section aria-labelledby="packages-title">
      <Typography.Title level={3} id="packages-title">{t('quality.packages')}</Typography.Title>
      <Card title={t('quality.exportPackage')}>
        <Typography.Paragraph type="secondary">{t('quality.packageIntro')}</Typography.Paragraph>
        <Flex gap={12} wrap align="center">
          <Radio.Group aria-label={t('quality.scope')} value={whole} onChange={(e) => setWhole(e.target.value as boolean)}
            options={[{ value: true, label: t('quality.county') }, { value: false, label: t('quality.oneVillage') }]} />
          {!whole && <ScopePicker value={scope} onChange={setScope} />}
          <Checkbox.Group aria-label={t('quality.parts')} value={parts} onChange={(v) => setParts(v as Part[])}
            options={PARTS.map((p) => ({ value: p, label: t(`quality.part.${p}`) }))} />
          <Button type="primary" onClick={() => void start()} loading={running} disabled={running || !parts.length || (!whole && !scope.villageId)}>
            {t('quality.startPackage')}
          </Button>
        </Flex>
        {running && job && (
          <Flex align="center" gap={16} style={{ marginTop: 12 }}>
            <Progress percent={percent} aria-label={t('common.progress')} style={{ flex: 1 }} />
            <Button danger onClick={() => void cancel()}>{t('common.cancel')}</Button>
          </Flex>
        )}
        {made && (
          <Alert type="success" showIcon style={{ marginTop: 12 }} role="status" title={t('quality.packageDone', { fileName: made.fileName })}
            description={
              <Descriptions size="small" column={1} items={[
                { key: 'm', label: t('quality.manifestSha256'), children: <Typography.Text code copyable>{made.manifestSha256}</Typography.Text> },
                { key: 'k', label: t('quality.keyFingerprint'), children: <Typography.Text code>{made.keyFingerprint}</Typography.Text> },
                { key: 'o', label: t('quality.outOfBandLabel'), children: t('quality.outOfBand') },
              ]} />
            } />
        )}
      </Card>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 16 }} />}
      <Card title={t('quality.packageList')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('quality.folder')}：<Typography.Text code>{list.data?.folder}</Typography.Text></Typography.Paragraph>
        <Table
          size="small" rowKey="fileName" dataSource={list.data?.packages ?? []} loading={list.loading} pagination={{ pageSize: 10 }}
          columns={[
            { title: t('quality.fileName'), dataIndex: 'fileName' },
            { title: t('quality.size'), dataIndex: 'bytes', render: (b: number) => `${(b / 1048576).toFixed(1)} MB` },
            { title: t('quality.modifiedAt'), dataIndex: 'modifiedAt' },
            {
              title: t('quality.actions'), key: 'actions',
              render: (_: unknown, p) => (
                <Space>
                  <Button size="small" onClick={() => void verify({ fileName: p.fileName })} aria-label={`${t('quality.verify')} ${p.fileName}`}>{t('quality.verify')}</Button>
                  <Button size="small" onClick={() => void download(p.fileName)} aria-label={`${t('quality.download')} ${p.fileName}`}>{t('quality.download')}</Button>
                </Space>
              ),
            },
          ]}
        />
        <Flex gap={12} align="center" style={{ marginTop: 12 }}>
          <label htmlFor="package-file">{t('quality.verifyUpload')}</label>
          <input id="package-file" type="file" accept=".tar,application/x-tar" onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) void verify({ fileName: f.name, base64: await readAsBase64(f) });
          }} />
        </Flex>
      </Card>
      {verdict && <PackageVerdict verdict={verdict} />}
    </section>
  );
}

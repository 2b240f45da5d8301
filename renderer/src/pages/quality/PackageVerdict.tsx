import { Alert, Card, Collapse, Descriptions, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ApiOutput } from '../../api';

type Verdict = ApiOutput<'exchange.packageVerify'>;
type FileCheck = Verdict['files'][number];

/** What verifying a package found: the verdict, who made it, its digests and every file. Read-only. */
export function PackageVerdict({ verdict }: { verdict: Verdict }) {
  const { t, lang } = useI18n();
  const m = verdict.manifest;
  const sig = verdict.signature;
  const scope = !m ? '' : m.scope.kind === 'county' ? t('quality.county') : `${m.scope.townshipName} ${m.scope.villageName}（${m.scope.villageCode}）`;
  return (
    <Card style={{ marginTop: 16 }} title={`${t('quality.verifyOf')} ${verdict.fileName}`}>
      {verdict.ok
        ? <Alert type="success" showIcon title={t('quality.verdictOk')} role="status" />
        : <Alert type="error" showIcon role="alert" title={t('quality.verdictBad')}
            description={<ul style={{ margin: 0 }}>{verdict.problems.map((p, i) => <li key={i}>{lang === 'zh' ? p.zh : p.en}</li>)}</ul>} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('quality.readOnly')}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered items={[
        { key: 'sha', label: t('quality.packageSha256'), children: <Typography.Text code copyable>{verdict.sha256}</Typography.Text> },
        { key: 'msha', label: t('quality.manifestSha256'), children: verdict.manifestSha256 ? <Typography.Text code copyable>{verdict.manifestSha256}</Typography.Text> : '—' },
        {
          key: 'sig', label: t('quality.signature'),
          children: !sig.present ? <Tag color="red">{t('quality.signatureMissing')}</Tag> : (
            <>
              <Tag color={sig.valid ? 'green' : 'red'}>{sig.valid ? t('quality.signatureValid') : t('quality.signatureInvalid')}</Tag>
              {sig.signedByThisLedger !== null && <Tag color={sig.signedByThisLedger ? 'green' : 'orange'}>{sig.signedByThisLedger ? t('quality.thisLedger') : t('quality.otherLedger')}</Tag>}
              <Typography.Text code>{sig.keyFingerprint}</Typography.Text>
            </>
          ),
        },
        ...(m ? [
          { key: 'by', label: t('quality.producedBy'), children: `${m.producedBy.userName} · ${m.producedAt}` },
          { key: 'county', label: t('quality.countyName'), children: `${m.ledger.countyName}（${m.ledger.countyCode}） · ${t('quality.schemaVersion')} ${m.ledger.schemaVersion}` },
          { key: 'scope', label: t('quality.scope'), children: `${scope} · ${m.parts.map((p) => t(`quality.part.${p}`)).join('、')}` },
        ] : []),
      ]} />
      <Table<FileCheck>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="path"
        dataSource={verdict.files}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (f) => (
            <Collapse size="small" items={[{ key: 'p', label: t('quality.previewRows'), children: <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{f.preview.map((r) => JSON.stringify(r)).join('\n')}</pre> }]} />
          ),
        }}
        columns={[
          { title: t('quality.file'), dataIndex: 'path' },
          { title: t('quality.rows'), key: 'rows', render: (_: unknown, f) => (f.actualRows === f.expectedRows ? f.expectedRows : `${f.actualRows ?? '—'} ≠ ${f.expectedRows}`) },
          { title: t('quality.status'), key: 'ok', render: (_: unknown, f) => <Tag color={f.ok ? 'green' : 'red'}>{f.ok ? t('quality.fileOk') : t('quality.fileBad')}</Tag> },
          { title: t('quality.expectedSha'), dataIndex: 'expectedSha256', render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text> },
          {
            title: t('quality.actualSha'), key: 'actual',
            render: (_: unknown, f) => (f.actualSha256 === null ? '—' : <Typography.Text code type={f.actualSha256 === f.expectedSha256 ? undefined : 'danger'}>{f.actualSha256.slice(0, 16)}…</Typography.Text>),
          },
        ]}
      />
    </Card>
  );
}

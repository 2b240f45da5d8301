import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useRoute } from '../../app/router';
import { errorText } from '../../components/errors';

type Verdict = ApiOutput<'certificates.verify'>;

const ALERT_TYPE = { valid: 'success', superseded: 'warning', unknown: 'info', mismatch: 'error' } as const;

/** Check a printed document: type its serial or paste (scan) its QR text. */
export function VerifyPrint() {
  const { t, lang } = useI18n();
  const { params } = useRoute();
  const [text, setText] = useState(params.get('serial') ?? '');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<string | null>(null);

  const verify = async (value = text) => {
    setError(null);
    try {
      setVerdict(await call('certificates.verify', { text: value }));
    } catch (err) {
      setVerdict(null);
      setError(errorText(err, lang));
    }
  };

  // Opened from the register with ?serial=…: check it straight away.
  const fromLink = params.get('serial');
  useEffect(() => {
    if (fromLink) {
      setText(fromLink);
      void verify(fromLink);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromLink]);

  const r = verdict?.record;
  return (
    <section aria-labelledby="verify-title">
      <Typography.Title level={3} id="verify-title">{t('certificates.verify')}</Typography.Title>
      <Card>
        <Flex gap={8}>
          <Input
            aria-label={t('certificates.verifyInput')}
            placeholder={t('certificates.verifyPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => void verify()}
            allowClear
            style={{ maxWidth: 640 }}
          />
          <Button type="primary" onClick={() => void verify()} disabled={!text.trim()}>{t('certificates.verifyButton')}</Button>
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 16 }} />}
      {verdict && (
        <Card style={{ marginTop: 16 }}>
          <Alert
            type={ALERT_TYPE[verdict.status]}
            showIcon
            role="status"
            data-verdict={verdict.status}
            title={<strong style={{ fontSize: 18 }}>{t(`certificates.verdict.${verdict.status}`)}</strong>}
            description={lang === 'zh' ? verdict.reason.zh : verdict.reason.en}
          />
          {r && (
            <Descriptions bordered size="small" column={2} style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('certificates.serial')}>{r.serial}</Descriptions.Item>
              <Descriptions.Item label={t('certificates.docType')}>{t(`certificates.docTypes.${r.docType}`)}{r.noticeKind ? ` · ${t(`certificates.noticeKinds.${r.noticeKind}`)}` : ''} · {r.year}</Descriptions.Item>
              {verdict.household && <Descriptions.Item label={t('certificates.archiveNo')}>{verdict.household.archiveNo}</Descriptions.Item>}
              {verdict.household && <Descriptions.Item label={t('certificates.headName')}>{verdict.household.headName}</Descriptions.Item>}
              <Descriptions.Item label={t('certificates.villageName')}>{[r.township, r.village].filter(Boolean).join(' ')}</Descriptions.Item>
              {verdict.qr && <Descriptions.Item label={t('certificates.qrRef')}>{verdict.qr.ref} {verdict.refMatches ? '✓' : '✗'}</Descriptions.Item>}
              <Descriptions.Item label={t('certificates.printedAt')}>{r.printedAt.replace('T', ' ').slice(0, 16)}</Descriptions.Item>
              <Descriptions.Item label={t('certificates.printedBy')}>{r.printedByName}</Descriptions.Item>
              <Descriptions.Item label={t('certificates.reprintCount')}>{r.reprintCount}</Descriptions.Item>
              {r.reprintOfSerial && <Descriptions.Item label={t('certificates.reprintOf')}>{r.reprintOfSerial}</Descriptions.Item>}
              <Descriptions.Item label={t('certificates.latestSerial')}>{r.latestSerial}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      )}
    </section>
  );
}

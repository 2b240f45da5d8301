import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { call, ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useJob } from '../../components/useJob';
import type { ApiErrorValue } from '../../../../electron/api/contract';
import type { PrintBatchResult } from '../../../../electron/certificates/batch';
import { PrintForm } from './PrintForm';
import { PdfPreview } from './PdfPreview';
import { BatchProgress } from './BatchProgress';
import { PrintError } from './PrintError';
import { VILLAGE_SET, isDirect, sameDocument, toRequest, type Choice } from './choice';

interface Printed {
  fileName: string;
  base64: string;
  count: number;
  pages: number;
  serials: string[];
}

const asErrorValue = (err: unknown): ApiErrorValue =>
  err instanceof ApiError
    ? { code: err.code, message: err.message, zh: err.zh, field: err.field, problems: err.problems }
    : { code: 'INTERNAL', message: String(err), zh: String(err) };

/**
 * The print screen: choose, print (one document at once, or a village/township as a background
 * batch with progress and cancel), then preview, save or print the PDF. Every print is registered.
 */
export function PrintCenter() {
  const { t, lang } = useI18n();
  const [choice, setChoice] = useState<Choice>({
    docType: 'assistance_card', noticeKind: 'exit', lang, layout: 'cards', year: new Date().getFullYear(), scopeKind: 'village',
  });
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const { job, follow, cancel, percent } = useJob(async (done) => {
    if (done.state === 'done') {
      const result = done.result as PrintBatchResult;
      try {
        const file = await call('certificates.file', { fileName: result.fileName });
        setPrinted({ ...result, base64: file.base64 });
      } catch (err) {
        setError(asErrorValue(err));
      }
    } else if (done.state === 'cancelled') {
      setNotice(t('certificates.cancelled'));
    } else if (done.error) {
      setError(done.error);
    }
  });

  const request = toRequest(choice);
  const direct = isDirect(choice);
  const running = job?.state === 'running';
  /** The choice that produced what is shown (the next documents of the same village are offered from it). */
  const [last, setLast] = useState<Choice | null>(null);

  const start = async (next: Choice = choice) => {
    const request = toRequest(next);
    if (!request) return;
    setChoice(next);
    setLast(next);
    setPrinted(null);
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      if (isDirect(next)) {
        const r = await call('certificates.print', request);
        setPrinted({ ...r, count: r.serials.length });
      } else {
        follow(await call('certificates.startBatch', request));
      }
    } catch (err) {
      setError(asErrorValue(err));
    } finally {
      setBusy(false);
    }
  };

  // The other cards and notices of the same village or township, one click each.
  const next = last && last.scopeKind !== 'household' && !running && (printed || error || notice) ? (
    <Card size="small" title={t('certificates.nextForScope')} style={{ marginTop: 16 }}>
      <Flex gap={8} wrap>
        {VILLAGE_SET.filter((d) => !sameDocument(last, d) && !(d.noticeKind === 'distribution' && !last.planId)).map((d) => (
          <Button key={`${d.docType}:${d.noticeKind ?? ''}`} disabled={busy} onClick={() => void start({ ...last, docType: d.docType, noticeKind: d.noticeKind ?? last.noticeKind })}>
            {d.docType === 'notice' ? t(`certificates.noticeKinds.${d.noticeKind!}`) : t(`certificates.docTypes.${d.docType}`)}
          </Button>
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('certificates.nextHint')}</Typography.Paragraph>
    </Card>
  ) : null;

  return (
    <section aria-labelledby="print-title">
      <Typography.Title level={3} id="print-title">{t('certificates.print')}</Typography.Title>
      <Card title={t('certificates.choose')}>
        <PrintForm choice={choice} onChange={setChoice} />
        <Typography.Paragraph type="secondary">{t('certificates.sharesToday')}</Typography.Paragraph>
        <Button type="primary" disabled={!request || running} loading={busy} onClick={() => void start()}>
          {direct ? t('certificates.printOne') : t('certificates.startBatch')}
        </Button>
      </Card>
      {running && job && <BatchProgress job={job} percent={percent} onCancel={() => void cancel()} />}
      {notice && <Alert type="info" showIcon title={notice} role="status" style={{ marginTop: 16 }} />}
      {error && <PrintError error={error} />}
      {!printed && next}
      {printed && (
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            style={{ marginTop: 16 }}
            title={t('certificates.finished', { count: printed.count, pages: printed.pages, first: printed.serials[0], last: printed.serials.at(-1) })}
          />
          {next}
          <PdfPreview fileName={printed.fileName} base64={printed.base64} />
        </>
      )}
    </section>
  );
}

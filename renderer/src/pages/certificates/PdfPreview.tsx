import { useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { usePdfUrl } from './pdfBlob';

/** The desktop's print bridge (electron/main/print.ts), when the preload offers it. */
interface DesktopPrinter {
  printFile?: (fileName: string, options?: { silent?: boolean }) => Promise<{ ok: boolean; reason?: string; zh?: string }>;
}

/**
 * The printed PDF: a preview frame (Chromium's PDF viewer), "Save as PDF" (a download link, which
 * works everywhere) and "Print". On the desktop, "Print" sends the registered file to the office
 * printer through the main process (electron/main/print.ts: system print dialog) when the bridge
 * offers `printFile`; otherwise (the browser) it asks the frame to print itself. Where neither can
 * print, the user is told to save the file and print it from a PDF reader.
 */
export function PdfPreview({ fileName, base64 }: { fileName: string; base64: string }) {
  const { t } = useI18n();
  const url = usePdfUrl(base64);
  const frame = useRef<HTMLIFrameElement>(null);
  const [printFailed, setPrintFailed] = useState(false);

  const print = async () => {
    const desktop = (window as { countyLedger?: DesktopPrinter }).countyLedger;
    if (desktop?.printFile) {
      const r = await desktop.printFile(fileName).catch(() => ({ ok: false }));
      setPrintFailed(!r.ok && (r as { reason?: string }).reason !== 'Cancelled');
      return;
    }
    try {
      const win = frame.current?.contentWindow;
      if (!win) throw new Error('no preview frame');
      win.focus();
      win.print();
      setPrintFailed(false);
    } catch {
      setPrintFailed(true);
    }
  };

  if (!url) return null;
  return (
    <Card title={`${t('certificates.preview')} · ${fileName}`} style={{ marginTop: 16 }}>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Button type="primary" href={url} download={fileName}>{t('certificates.save')}</Button>
        <Button onClick={() => void print()}>{t('certificates.printNow')}</Button>
      </Flex>
      {printFailed && <Alert type="warning" showIcon title={t('certificates.printFailed')} style={{ marginBottom: 12 }} role="alert" />}
      <Typography.Paragraph type="secondary">{t('certificates.previewHint')}</Typography.Paragraph>
      <iframe ref={frame} title={t('certificates.preview')} src={url} style={{ width: '100%', height: '72vh', border: '1px solid #ddd' }} />
    </Card>
  );
}

import { useState } from 'react';
import { App, Button } from 'antd';
import { call, type ApiInput } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';

type Full = ApiInput<'funds.export'>;
export type ExportRequest = Full extends infer U ? (U extends unknown ? Omit<U, 'lang'> : never) : never;

/** Asks the ledger for a report file in the current language and saves it. */
export function ExportButton({ request, label }: { request: ExportRequest; label?: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      saveFile(await call('funds.export', { ...request, lang } as Full));
    } catch (err) {
      void message.error(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return <Button onClick={run} loading={busy}>{label ?? t('funds.exportXlsx')}</Button>;
}

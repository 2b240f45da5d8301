import { useState } from 'react';
import { App, Button, Space, Tooltip } from 'antd';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/saveFile';
import { useAssetRoles } from './roles';

/** 代发清单 as .xlsx or CSV. Accounts come in full only for accountants and administrators; the ledger masks them for everyone else. */
export function BankListButtons({ planId }: { planId: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const roles = useAssetRoles();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    try {
      const file = await call('assets.bankList', { planId, format, lang });
      saveFile(file);
      void message.success(t('assets.bankListSaved', { rows: file.rows }));
    } catch (err) {
      void message.error(errorText(err, lang));
    } finally {
      setBusy(null);
    }
  };
  const note = roles.fullAccounts ? t('assets.bankListFull') : t('assets.bankListMasked');
  return (
    <Tooltip title={note}>
      <Space>
        <Button onClick={() => run('xlsx')} loading={busy === 'xlsx'} aria-describedby="bank-list-note">{t('assets.bankListXlsx')}</Button>
        <Button onClick={() => run('csv')} loading={busy === 'csv'} aria-describedby="bank-list-note">{t('assets.bankListCsv')}</Button>
        <span id="bank-list-note" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{note}</span>
      </Space>
    </Tooltip>
  );
}

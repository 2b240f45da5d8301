import { Form, Input, Modal, Select } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { FormError, useLedgerForm } from '../../components/useLedgerForm';
import { ACCOUNT_TYPES } from '../../../../db/funds/format';
import { AccountSelect } from './pickers';

type Account = ApiOutput<'funds.accounts'>[number];

/** A new account (under a parent, or top-level), or new names for one users added. */
export function AccountForm({ accounts, renaming, open, onClose, onSaved }: {
  accounts: Account[];
  renaming?: Account;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { form, save, error, required } = useLedgerForm(async (values: Record<string, unknown>) => {
    if (renaming) await call('funds.updateAccount', { accountId: renaming.id, nameZh: values.nameZh as string, nameEn: values.nameEn as string });
    else await call('funds.createAccount', { ...values, code: (values.code as string) || undefined } as never);
    onSaved();
  });
  const parentId: number | undefined = Form.useWatch('parentId', form);
  return (
    <Modal open={open} title={renaming ? `${t('funds.rename')} ${renaming.code}` : t('funds.newAccount')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} name="account" layout="vertical" onFinish={save} initialValues={renaming ?? {}}>
        {!renaming && (
          <>
            <Form.Item name="parentId" label={t('funds.parentAccount')} extra={t('funds.parentHint')}>
              <AccountSelect accounts={accounts} label={t('funds.parentAccount')} />
            </Form.Item>
            <Form.Item name="code" label={t('funds.accountCode')} extra={parentId ? t('funds.codeAuto') : t('funds.codeTop')} rules={parentId ? [] : required}><Input /></Form.Item>
            {!parentId && (
              <Form.Item name="type" label={t('funds.accountType')} rules={required}>
                <Select aria-label={t('funds.accountType')} options={ACCOUNT_TYPES.map((ty) => ({ value: ty, label: t(`funds.typeOf.${ty}`) }))} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="nameZh" label={t('funds.nameZh')} rules={required}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('funds.nameEn')} rules={required}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

import { useState } from 'react';
import { App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { errorText } from '../../components/errors';
import { useFundRoles } from './roles';
import { AccountForm } from './AccountForm';

type Account = ApiOutput<'funds.accounts'>[number];

/** 会计科目: the seeded chart and the accounts users added under it. */
export function AccountsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const roles = useFundRoles();
  const { data, loading, reload } = useCall('funds.accounts', {});
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const toggle = async (a: Account) => {
    try {
      await call('funds.updateAccount', { accountId: a.id, active: !a.active });
      reload();
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };
  return (
    <section aria-labelledby="accounts-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="accounts-title">{t('funds.nav.accounts')}</Typography.Title>
        {roles.keep && <Button type="primary" onClick={() => setEditing('new')}>{t('funds.newAccount')}</Button>}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('funds.accountCode'), dataIndex: 'code' },
          { title: t('funds.account'), key: 'name', render: (_: unknown, a) => <span style={{ paddingLeft: a.depth * 16, fontWeight: a.leaf ? undefined : 600 }}>{lang === 'zh' ? a.nameZh : a.nameEn}</span> },
          { title: t('funds.accountType'), dataIndex: 'type', render: (v: string) => t(`funds.typeOf.${v}`) },
          { title: t('funds.normalSide'), dataIndex: 'normalSide', render: (v: string) => t(`funds.side.${v}`) },
          { title: t('funds.fundRole'), dataIndex: 'fundRole', render: (v: string | null) => (v ? t(`funds.roleOf.${v}`) : '') },
          { title: t('funds.requiredDims'), dataIndex: 'requiredDims', render: (v: string[]) => v.map((d) => t(`funds.dim.${d}`)).join('、') },
          {
            title: t('funds.state'), key: 'state',
            render: (_: unknown, a) => (
              <>
                {a.system && <Tag>{t('funds.seeded')}</Tag>}
                {!a.active && <Tag color="red">{t('funds.inactive')}</Tag>}
                {!a.leaf && <Tag color="blue">{t('funds.summaryAccount')}</Tag>}
              </>
            ),
          },
          {
            title: t('funds.actions'), key: 'actions',
            render: (_: unknown, a) => roles.keep && !a.system && (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(a)} aria-label={`${t('funds.rename')} ${a.code}`}>{t('funds.rename')}</Button>
                <Button size="small" onClick={() => toggle(a)} aria-label={`${a.active ? t('funds.deactivate') : t('funds.activate')} ${a.code}`}>
                  {a.active ? t('funds.deactivate') : t('funds.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <AccountForm accounts={data ?? []} open={editing !== null} renaming={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
    </section>
  );
}

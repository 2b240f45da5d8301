import type { ReactNode } from 'react';
import { Button, Empty, Flex, Layout, Menu, Typography } from 'antd';
import { call } from '../api';
import { useI18n } from '../i18n';
import { LangSwitch } from '../components/LangSwitch';
import { navigate, useRoute } from './router';
import { useSession } from './session';
import { HouseholdList } from '../pages/registry/HouseholdList';
import { VillageList } from '../pages/registry/VillageList';
import { HouseholdPage } from '../pages/registry/HouseholdPage';
import { HouseholdForm } from '../pages/registry/HouseholdForm';
import { Users } from '../pages/settings/Users';
import { AuditTrail } from '../pages/settings/AuditTrail';

function Later({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={3}>{title}</Typography.Title>
      <Empty description={t('common.notYet')} />
    </>
  );
}

function page(path: string[], t: (k: string) => string): ReactNode {
  const [area, sub, arg] = path;
  if (area === 'registry') {
    if (sub === 'villages') return <VillageList />;
    if (sub === 'household' && arg) return <HouseholdPage householdId={Number(arg)} />;
    if (sub === 'new') return <HouseholdForm />;
    return <HouseholdList />;
  }
  if (area === 'settings') return sub === 'audit' ? <AuditTrail /> : <Users />;
  if (area === 'funds') return <Later title={t('nav.funds')} />;
  if (area === 'assets') return <Later title={t('nav.assets')} />;
  if (area === 'certificates') return <Later title={t('nav.certificates')} />;
  if (area === 'reports') return <Later title={t('nav.reports')} />;
  return <HouseholdList />;
}

/** The app frame: navigation on the left, the current page on the right. */
export function Shell() {
  const { t } = useI18n();
  const { path } = useRoute();
  const { user, refresh } = useSession();
  const selected = path.length ? path.slice(0, 2).join('/') : 'registry/households';

  const items = [
    {
      key: 'registry', label: t('nav.registry'), children: [
        { key: 'registry/households', label: t('nav.households') },
        { key: 'registry/villages', label: t('nav.villages') },
      ],
    },
    { key: 'funds', label: t('nav.funds') },
    { key: 'assets', label: t('nav.assets') },
    { key: 'certificates', label: t('nav.certificates') },
    { key: 'reports', label: t('nav.reports') },
    {
      key: 'settings', label: t('nav.settings'), children: [
        { key: 'settings/users', label: t('nav.users') },
        { key: 'settings/audit', label: t('nav.audit') },
      ],
    },
  ];

  const signOut = async () => {
    await call('auth.signOut', {});
    await refresh();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #eee' }}>
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('app.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </div>
        <nav aria-label={t('nav.menu')}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={['registry', 'settings']}
            items={items}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #eee', padding: '0 24px' }}>
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
            <LangSwitch />
            <Typography.Text>{user?.displayName} · {user ? t(`roles.${user.role}`) : ''}</Typography.Text>
            <Button onClick={signOut}>{t('common.signOut')}</Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }} id="main" role="main">
          {page(path, t)}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import type { ReactNode } from 'react';
import { Button, Empty, Flex, Layout, Menu, Typography } from 'antd';
import { call } from '../api';
import { useI18n } from '../i18n';
import { LangSwitch } from '../components/LangSwitch';
import { navigate, useRoute } from './router';
import { useSession } from './session';
import { registryNavItems, registryPage } from '../pages/registry/routes';
import { Users } from '../pages/settings/Users';
import { AuditTrail } from '../pages/settings/AuditTrail';
import { Account } from '../pages/settings/Account';
import { Backups } from '../pages/settings/Backups';
import { AssetsRoutes } from '../pages/assets';
import { certificatesPage } from '../pages/certificates/routes';
import { FundsRoutes, fundsNavItems } from '../pages/funds';
import { Dashboard } from '../pages/dashboard/Dashboard';
import { AlertList } from '../pages/dashboard/AlertList';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { qualityNavItems, qualityPage } from '../pages/quality/routes';

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
  if (area === 'registry') return registryPage(sub, arg);
  if (area === 'settings') {
    if (sub === 'account') return <Account />;
    if (sub === 'backups') return <Backups />;
    return sub === 'audit' ? <AuditTrail /> : <Users />;
  }
  if (area === 'funds') return <FundsRoutes path={path.slice(1)} />;
  if (area === 'assets') return <AssetsRoutes path={path.slice(1)} />;
  if (area === 'certificates') return certificatesPage(sub);
  if (area === 'reports') return <ReportsPage />;
  if (area === 'quality') return qualityPage(sub);
  if (area === 'alerts' && sub) return <AlertList alertKey={sub} key={sub} />;
  return <Dashboard />;
}

/** The app frame: navigation on the left, the current page on the right. */
export function Shell() {
  const { t } = useI18n();
  const { path } = useRoute();
  const { user, refresh } = useSession();
  const selected = path.length && path[0] !== 'alerts' ? path.slice(0, 2).join('/') : 'home';

  const items = [
    { key: 'home', label: t('nav.dashboard') },
    {
      key: 'registry', label: t('nav.registry'), children: registryNavItems(t),
    },
    { key: 'funds', label: t('nav.funds'), children: fundsNavItems(t) },
    { key: 'assets', label: t('nav.assets') },
    {
      key: 'certificates', label: t('nav.certificates'), children: [
        { key: 'certificates/print', label: t('certificates.print') },
        { key: 'certificates/verify', label: t('certificates.verify') },
        { key: 'certificates/register', label: t('certificates.register') },
      ],
    },
    { key: 'reports', label: t('nav.reports') },
    { key: 'quality', label: t('quality.nav'), children: qualityNavItems(t) },
    {
      key: 'settings', label: t('nav.settings'), children: [
        { key: 'settings/users', label: t('nav.users') },
        { key: 'settings/audit', label: t('nav.audit') },
        { key: 'settings/backups', label: t('backups.title') },
        { key: 'settings/account', label: t('account.title') },
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
            defaultOpenKeys={['registry', 'funds', 'settings']}
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

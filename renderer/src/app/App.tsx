import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { call, type ApiOutput } from '../api';
import { useI18n } from '../i18n';
import { Welcome } from '../pages/Welcome';
import { SignIn } from '../pages/SignIn';
import { Shell } from './Shell';
import { SessionContext } from './session';

type Status = ApiOutput<'setup.status'>;
type User = NonNullable<ApiOutput<'auth.me'>>;

/** First start → welcome; no one signed in → sign-in; otherwise the app. */
export function App() {
  const { lang } = useI18n();
  const [status, setStatus] = useState<Status | null>(null);
  const [user, setUser] = useState<User | null>(null);

  const refresh = useCallback(async () => {
    const s = await call('setup.status', {});
    setStatus(s);
    setUser(s.ledger === 'open' ? await call('auth.me', {}) : null);
  }, []);

  useEffect(() => {
    void refresh();
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [refresh, lang]);

  let body;
  if (!status) body = <Spin fullscreen />;
  else if (status.ledger === 'none') body = <Welcome onReady={refresh} />;
  else if (!user) body = <SignIn needsAdmin={status.needsAdmin} demo={status.demo} onSignedIn={refresh} />;
  else body = <Shell />;

  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      <AntApp>
        <SessionContext.Provider value={{ user, refresh }}>{body}</SessionContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}

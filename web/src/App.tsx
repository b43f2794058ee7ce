/**
 * The console's frame: antd in Chinese (zh_CN), a menu of the pages, who is signed in, and the
 * page for the path, each page its own chunk (loaded when first opened; ADR 023).
 */
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { navigate, usePath } from './router';
import { currentSession, onSessionChange, signOut } from './session';

const SignIn = lazy(() => import('./pages/SignIn'));
const Queue = lazy(() => import('./pages/Queue'));
const TicketPage = lazy(() => import('./pages/TicketPage'));
const Intake = lazy(() => import('./pages/Intake'));
const LocalDesk = lazy(() => import('./pages/LocalDesk'));

const MENU = [
  { key: '/queue', label: '工单' },
  { key: '/intake', label: '来电登记' },
  { key: '/local-desk', label: '本地时钟与短信' },
];

function useSession() {
  return useSyncExternalStore(onSessionChange, () => sessionStorage.getItem('estate-desk.session'));
}

function Page({ path }: { path: string }) {
  const ticket = /^\/ticket\/([^/]+)$/.exec(path);
  if (ticket?.[1]) return <TicketPage id={decodeURIComponent(ticket[1])} />;
  if (path === '/intake') return <Intake />;
  if (path === '/local-desk') return <LocalDesk />;
  return <Queue />;
}

export function App() {
  const path = usePath();
  useSession();
  const session = currentSession();
  const signedOut = !session && path !== '/sign-in';
  useEffect(() => {
    if (signedOut) navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
  }, [signedOut]);
  const selected = path.startsWith('/ticket/') ? '/queue' : path === '/' ? '/queue' : path;

  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
            <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
              物业服务台 工作台
            </Typography.Text>
            {session ? (
              <>
                <nav aria-label="主菜单" style={{ flex: 1, minWidth: 0 }}>
                  <Menu
                    theme="dark"
                    mode="horizontal"
                    selectedKeys={[selected]}
                    items={MENU}
                    onClick={({ key }) => navigate(key)}
                  />
                </nav>
                <Typography.Text style={{ color: '#fff' }}>{session.name}</Typography.Text>
                <Button
                  size="small"
                  onClick={() => {
                    signOut();
                  }}
                >
                  切换用户
                </Button>
              </>
            ) : null}
          </Layout.Header>
          <Layout.Content style={{ padding: 16 }}>
            <main>
              <Suspense fallback={<Spin aria-label="加载中" />}>
                {session && path !== '/sign-in' ? <Page path={path} /> : <SignIn />}
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}

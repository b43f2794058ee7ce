/**
 * The console's frame: antd in Chinese (zh_CN), a menu of the pages, who is signed in, and the
 * page for the path, each page its own chunk (loaded when first opened; ADR 023).
 */
import { Button, ConfigProvider, Layout, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { consoleConfig } from './config';
import { followLink, navigate, usePath } from './router';
import { currentSession, onSessionChange, signOut } from './session';
import { Loading } from './loading';

const SignIn = lazy(() => import('./pages/SignIn'));
const Queue = lazy(() => import('./pages/Queue'));
const TicketPage = lazy(() => import('./pages/TicketPage'));
const Intake = lazy(() => import('./pages/Intake'));
const LocalDesk = lazy(() => import('./pages/LocalDesk'));
const Records = lazy(() => import('./pages/records/Records'));
const Keys = lazy(() => import('./pages/keys/Keys'));
const MoveIns = lazy(() => import('./pages/keys/MoveIns'));

const MENU = [
  { key: '/queue', label: '工单' },
  { key: '/intake', label: '来电登记' },
  { key: '/records', label: '报表' },
  { key: '/key-ledger', label: '钥匙' },
  { key: '/move-in', label: '入住' },
  { key: '/local-desk', label: '本地时钟与短信' },
];

/**
 * antd's default grey for secondary text (#8c8c8c on white, 3.4:1) and its blue for links and
 * primary buttons (#1677ff, 4.1:1) fail WCAG AA's 4.5:1, which the browser tests check with
 * axe-core: antd's own darker blue (blue-7) and greys; the rest of antd's look as it is.
 */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    // antd lightens a hovered primary button (#4096ff, 3.0:1 under white text): blue-8 instead.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorTextDescription: '#595959',
    colorTextTertiary: '#595959',
    colorTextPlaceholder: '#737373',
  },
  components: {
    // A table's empty text (本月没有超时 …) is drawn in the disabled grey (under 2:1, axe fails it): readable grey instead.
    Table: { colorTextDisabled: '#595959' },
  },
};

function useSession() {
  return useSyncExternalStore(onSessionChange, () => sessionStorage.getItem('estate-desk.session'));
}

function Page({ path }: { path: string }) {
  const ticket = /^\/ticket\/([^/]+)$/.exec(path);
  if (ticket?.[1]) return <TicketPage id={decodeURIComponent(ticket[1])} />;
  if (path === '/intake') return <Intake />;
  if (path === '/local-desk') return <LocalDesk />;
  // 报表 has pages of its own under /records/… (weekly, monthly, work log).
  if (path === '/records' || path.startsWith('/records/')) return <Records />;
  if (path === '/key-ledger') return <Keys />;
  if (path === '/move-in') return <MoveIns />;
  return <Queue />;
}

/** The local panel exists on the local desk only (its routes are never deployed, ADR 023). */
function useMenu() {
  const [local, setLocal] = useState(false);
  useEffect(() => {
    void consoleConfig().then((c) => setLocal(c.mode === 'local'));
  }, []);
  return local ? MENU : MENU.filter((item) => item.key !== '/local-desk');
}

export function App() {
  const menu = useMenu();
  const path = usePath();
  useSession();
  const session = currentSession();
  const signedOut = !session && path !== '/sign-in';
  useEffect(() => {
    // With the query: a shared, filtered queue link comes back filtered once signed in.
    if (signedOut)
      navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }, [signedOut]);
  const selected = path.startsWith('/ticket/')
    ? '/queue'
    : path === '/'
      ? '/queue'
      : path.startsWith('/records/')
        ? '/records'
        : path;

  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            物业服务台 工作台
          </Typography.Text>
          {session ? (
            <>
              {/* Too narrow for the whole menu (a small tablet): it scrolls inside itself, never the page. */}
              <nav
                aria-label="主菜单"
                style={{ flex: 1, minWidth: 0, overflowX: 'auto', whiteSpace: 'nowrap' }}
              >
                {/* Plain links, not antd's Menu: lighter on the first page, and Tab reaches each. */}
                {menu.map((item) => (
                  <a
                    key={item.key}
                    href={item.key}
                    onClick={followLink}
                    aria-current={selected === item.key ? 'page' : undefined}
                    style={{
                      color: '#fff',
                      marginRight: 20,
                      paddingBottom: 4,
                      borderBottom: selected === item.key ? '2px solid #fff' : '2px solid transparent',
                    }}
                  >
                    {item.label}
                  </a>
                ))}
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
            <Suspense fallback={<Loading />}>
              {session && path !== '/sign-in' ? <Page path={path} /> : <SignIn />}
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}

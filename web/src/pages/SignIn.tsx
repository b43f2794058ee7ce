/**
 * 登录. On AWS (`/config.json` says cognito, ADR 024): 登录 goes to the user pool's managed login
 * (code + PKCE) and comes back here with a code, exchanged for the ID token. Locally, 本地登录:
 * pick a person of the demo directory; the local desk mints their ID token (`POST /local/sign-in`).
 */
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { beginSignIn, completeSignIn, isSignInReturn, logoutUrl } from '../cognito';
import { type ConsoleConfig, consoleConfig } from '../config';
import { DEPARTMENT } from '../labels';
import { type DemoPerson, local } from '../local';
import { navigate } from '../router';
import { sessionFromToken, signIn } from '../session';
import { Loading } from '../loading';

/** Where to go after signing in: `?next=` when it is a console page, else the queue. */
function nextPage(): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/queue';
}

export default function SignIn() {
  const [config, setConfig] = useState<ConsoleConfig>();
  useEffect(() => {
    void consoleConfig().then(setConfig);
  }, []);
  if (!config) return <Loading />;
  return config.mode === 'cognito' ? <ManagedSignIn config={config} /> : <LocalSignIn />;
}

/** The way back from one managed sign-in, exchanged once even if the page renders twice. */
let returning: Promise<{ idToken: string; next: string }> | undefined;

function ManagedSignIn({ config }: { config: Extract<ConsoleConfig, { mode: 'cognito' }> }) {
  const redirectUri = `${window.location.origin}/sign-in`;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(() => isSignInReturn(window.location.search));
  useEffect(() => {
    if (!isSignInReturn(window.location.search)) return;
    returning ??= completeSignIn(config.cognito, {
      search: window.location.search,
      redirectUri,
      store: sessionStorage,
    });
    returning
      .then(({ idToken, next }) => {
        // The code is spent: no way back to it in the history.
        window.history.replaceState(null, '', '/sign-in');
        signIn({ ...sessionFromToken(idToken), logoutUrl: logoutUrl(config.cognito, redirectUri) });
        navigate(next);
      })
      .catch((e: Error) => {
        window.history.replaceState(null, '', '/sign-in');
        setError(e.message);
        setBusy(false);
      })
      .finally(() => {
        returning = undefined;
      });
  }, [config, redirectUri]);

  async function start() {
    setBusy(true);
    window.location.assign(
      await beginSignIn(config.cognito, { redirectUri, next: nextPage(), store: sessionStorage }),
    );
  }

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        登录
      </Typography.Title>
      <Typography.Paragraph>使用物业服务中心为您开设的账号登录工作台。</Typography.Paragraph>
      {error ? <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" loading={busy} onClick={() => void start()}>
        登录
      </Button>
    </Card>
  );
}

function LocalSignIn() {
  const [people, setPeople] = useState<DemoPerson[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    local<{ staff: DemoPerson[] }>('GET', 'sign-in')
      .then((r) => setPeople(r.staff))
      .catch((e: Error) => setError(e.message));
  }, []);

  async function choose(person: DemoPerson) {
    try {
      const { token } = await local<{ token: string }>('POST', 'sign-in', { staffId: person.id });
      signIn(sessionFromToken(token));
      navigate(nextPage());
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        本地登录
      </Typography.Title>
      <Typography.Paragraph>
        选择演示园区的一位员工登录(仅本地演示使用,正式环境通过统一登录页登录)。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {/* Buttons, not a table: the first page stays light (ADR 023). */}
      {!people && !error ? <Loading /> : null}
      <Space wrap>
        {(people ?? []).map((person) => (
          <Button
            key={person.id}
            onClick={() => void choose(person)}
            style={{ height: 'auto', padding: '6px 12px' }}
          >
            <span>
              以{person.name}登录
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {DEPARTMENT[person.department] ?? person.department} · {person.roles.join('、')}
              </Typography.Text>
            </span>
          </Button>
        ))}
      </Space>
    </Card>
  );
}

/**
 * 本地登录: pick a person of the demo directory; the local desk mints their ID token
 * (`POST /local/sign-in`, local only — in AWS the user pool's hosted sign-in takes its place).
 */
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DEPARTMENT } from '../labels';
import { type DemoPerson, local } from '../local';
import { navigate } from '../router';
import { sessionFromToken, signIn } from '../session';

export default function SignIn() {
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
      const next = new URLSearchParams(window.location.search).get('next');
      navigate(next?.startsWith('/') && !next.startsWith('/sign-in') ? next : '/queue');
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
      {!people && !error ? <Spin aria-label="加载中" /> : null}
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

/**
 * 本地登录: pick a person of the demo directory; the local desk mints their ID token
 * (`POST /local/sign-in`, local only — in AWS the user pool's hosted sign-in takes its place).
 */
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
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
      <Table<DemoPerson>
        rowKey="id"
        loading={!people && !error}
        dataSource={people ?? []}
        pagination={false}
        size="small"
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '部门', dataIndex: 'department', render: (d: string) => DEPARTMENT[d] ?? d },
          {
            title: '岗位',
            dataIndex: 'roles',
            render: (roles: string[]) => roles.map((r) => <Tag key={r}>{r}</Tag>),
          },
          {
            title: '操作',
            key: 'go',
            render: (_: unknown, person) => (
              <Button type="primary" size="small" onClick={() => void choose(person)}>
                以{person.name}登录
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 本地时钟与短信 (local only): the desk's clock — advance it, set it — firing every timer due on the
 * way, and the SMS outbox, so a demo shows a 2-hour follow-up fire in a second.
 */
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type LocalClock, type LocalSms, local } from '../local';
import { useParkZone } from '../park';

const STEPS = [
  { label: '+10分钟', value: 'PT10M' },
  { label: '+31分钟', value: 'PT31M' },
  { label: '+2小时', value: 'PT2H' },
  { label: '+1天', value: 'P1D' },
];

/** The local routes answer UTC: shown in the park's zone. */
function inZone(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone, hour12: false });
}

export default function LocalDesk() {
  const zone = useParkZone('park-1');
  const [clock, setClock] = useState<LocalClock>();
  const [sms, setSms] = useState<LocalSms[]>([]);
  const [setTo, setSetTo] = useState('');
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();

  const load = useCallback(async () => {
    try {
      setClock(await local<LocalClock>('GET', 'clock'));
      setSms((await local<{ messages: LocalSms[] }>('GET', 'sms')).messages.slice().reverse());
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function move(body: { advance: string } | { set: string }) {
    try {
      const moved = await local<LocalClock>('POST', 'clock', body);
      setNote(`时钟已到 ${inZone(moved.now, zone)},触发了 ${moved.fired?.length ?? 0} 个时限`);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        本地时钟与短信
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Card title="服务台时钟" size="small">
        <Space orientation="vertical">
          <Typography.Text data-testid="desk-now">
            现在:{clock ? inZone(clock.now, zone) : '…'}
          </Typography.Text>
          <Space wrap>
            {STEPS.map((s) => (
              <Button key={s.value} onClick={() => void move({ advance: s.value })}>
                {s.label}
              </Button>
            ))}
          </Space>
          <Space wrap>
            <Input
              aria-label="设为(含时区,如 2026-11-27T15:00:00+08:00)"
              placeholder="2026-11-27T15:00:00+08:00"
              value={setTo}
              onChange={(e) => setSetTo(e.target.value)}
              style={{ width: 280 }}
            />
            <Button onClick={() => void move({ set: setTo })}>设定时钟</Button>
          </Space>
          {note ? <Alert type="success" showIcon title={note} /> : null}
        </Space>
      </Card>
      <Card
        title={`短信发件箱(${sms.length})`}
        size="small"
        extra={<Button onClick={() => void load()}>刷新</Button>}
      >
        <Table<LocalSms>
          rowKey="id"
          size="small"
          dataSource={sms}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '时间', dataIndex: 'at', render: (at: string) => inZone(at, zone) },
            { title: '收件人', dataIndex: 'to' },
            { title: '内容', dataIndex: 'text' },
          ]}
        />
      </Card>
    </Space>
  );
}

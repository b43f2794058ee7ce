/**
 * 工单: the park's tickets (GET /tickets with the filters the API has: kind, status, overdue),
 * overdue ones first and marked, what each owes and by when; refreshed every 15 s by itself.
 */
import { Alert, Button, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, type Ticket, type TicketKind, type TicketStatus } from '../api/client';
import { KIND, STATUS, timerLabel } from '../labels';
import { byUrgency, overdueOf, pendingTimers } from '../owing';
import { followLink } from '../router';
import { parkTime } from '../time';

const REFRESH_MS = 15_000;

export default function Queue() {
  const [kind, setKind] = useState<TicketKind>();
  const [status, setStatus] = useState<TicketStatus>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [tickets, setTickets] = useState<Ticket[]>();
  const [error, setError] = useState<string>();
  const [loadedAt, setLoadedAt] = useState<string>();

  const load = useCallback(async () => {
    const { data, error } = await api.GET('/tickets', {
      params: {
        query: {
          limit: 100,
          ...(kind ? { kind } : {}),
          ...(status ? { status } : {}),
          ...(overdueOnly ? { overdue: 'true' as const } : {}),
        },
      },
    });
    if (error || !data) return setError(errorText(error));
    setError(undefined);
    setTickets([...data.tickets].sort(byUrgency));
    setLoadedAt(new Date().toLocaleTimeString('zh-CN', { hour12: false }));
  }, [kind, status, overdueOnly]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        工单
      </Typography.Title>
      <Space wrap>
        <Select<TicketKind>
          aria-label="类型"
          placeholder="全部类型"
          allowClear
          style={{ width: 140 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(KIND).map(([value, label]) => ({ value: value as TicketKind, label }))}
        />
        <Select<TicketStatus>
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(STATUS).map(([value, label]) => ({ value: value as TicketStatus, label }))}
        />
        <Space>
          <Switch aria-label="只看超时" checked={overdueOnly} onChange={setOverdueOnly} />
          <span aria-hidden="true">只看超时</span>
        </Space>
        <Button onClick={() => void load()}>刷新</Button>
        {loadedAt ? (
          <Typography.Text type="secondary">更新于 {loadedAt}(每15秒自动刷新)</Typography.Text>
        ) : null}
      </Space>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<Ticket>
        rowKey="id"
        loading={!tickets && !error}
        dataSource={tickets ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        size="middle"
        rowClassName={(t) => (overdueOf(t).length ? 'row-overdue' : '')}
        columns={[
          {
            title: '单号',
            dataIndex: 'number',
            render: (number: string, t) => (
              <a href={`/ticket/${encodeURIComponent(t.id)}`} onClick={followLink}>
                {number}
              </a>
            ),
          },
          {
            title: '超时',
            key: 'overdue',
            render: (_: unknown, t) =>
              overdueOf(t).length ? (
                <Tag color="#a8071a">超时:{overdueOf(t).map(timerLabel).join('、')}</Tag>
              ) : null,
          },
          { title: '类型', dataIndex: 'kind', render: (k: TicketKind) => KIND[k] ?? k },
          { title: '状态', dataIndex: 'status', render: (s: TicketStatus) => STATUS[s] ?? s },
          { title: '来电房号', key: 'unit', render: (_: unknown, t) => t.caller?.unit ?? '' },
          { title: '受理时间', dataIndex: 'createdAt', render: (at: string) => parkTime(at) },
          {
            title: '待办及期限',
            key: 'owed',
            render: (_: unknown, t) => {
              const next = pendingTimers(t)[0];
              return next ? `${timerLabel(next.name)} ${parkTime(next.dueAt)}前` : '';
            },
          },
        ]}
      />
    </Space>
  );
}

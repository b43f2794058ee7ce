/**
 * 工单: the park's tickets (GET /tickets with the filters the API has: kind, status, overdue),
 * overdue ones first and marked, what each owes and by when; refreshed every 15 s by itself.
 */
import { Alert, Button, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, type Ticket, type TicketKind, type TicketStatus } from '../api/client';
import { ExportCsvButton } from '../file-buttons';
import { KIND, obligationLabel, STATUS, timerLabel } from '../labels';
import { byUrgency, overdueOf, pendingTimers } from '../owing';
import { useParkZone } from '../park';
import { followLink } from '../router';
import { parkTime } from '../time';

const REFRESH_MS = 15_000;

export default function Queue() {
  const zone = useParkZone('park-1');
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
          ...(overdueOnly && kind ? { overdue: 'true' as const } : {}),
        },
      },
    });
    // The route also answers CSV (format=csv); asked without it, the answer is the JSON page.
    if (error || !data || typeof data === 'string') return setError(errorText(error));
    setError(undefined);
    setTickets([...data.tickets].sort(byUrgency));
    // The browser's clock, shown on the park's wall clock (a laptop in another zone reads park time).
    setLoadedAt(new Date().toLocaleTimeString('zh-CN', { hour12: false, timeZone: zone }));
  }, [kind, status, overdueOnly, zone]);

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
          {/* The API filters overdue tickets of one kind at a time. */}
          <Switch
            aria-label="只看超时"
            checked={overdueOnly && Boolean(kind)}
            disabled={!kind}
            onChange={setOverdueOnly}
          />
          <span aria-hidden="true">只看超时{kind ? '' : '(先选类型)'}</span>
        </Space>
        <Button onClick={() => void load()}>刷新</Button>
        <ExportCsvButton
          path="/tickets"
          query={{ kind, status, overdue: overdueOnly && kind ? 'true' : undefined }}
          fileName="工单.csv"
        />
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
            // A declined repair has no work-order number (RP-2): still a link, by what it is.
            render: (number: string | undefined, t) => (
              <a href={`/ticket/${encodeURIComponent(t.id)}`} onClick={followLink}>
                {number || `${STATUS[t.status] ?? t.status}(无单号)`}
              </a>
            ),
          },
          {
            title: '超时',
            key: 'overdue',
            render: (_: unknown, t) =>
              overdueOf(t).length ? (
                <Tag color="#a8071a">超时:{overdueOf(t).map(obligationLabel).join('、')}</Tag>
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

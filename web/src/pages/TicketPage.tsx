/**
 * 工单详情: the ticket, its timers with their due times, the whole timeline with every SMS sent,
 * and the allowed commands as buttons with their forms.
 */
import { Alert, Card, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, type Ticket } from '../api/client';
import { TicketPrintButtons } from '../file-buttons';
import { DEPARTMENT, eventLabel, KIND, obligationLabel, SEVERITY, statusLabel, timerLabel } from '../labels';
import { overdueOf } from '../owing';
import { useParkZone } from '../park';
import { parkTime } from '../time';
import { Commands } from './commands';
import { type MoveInStep, STEP } from './keys/model';
import { TicketDetails } from './ticket/details';

const REFRESH_MS = 10_000;

type Entry = NonNullable<Ticket['timeline']>[number] & {
  actor?: { name?: string; staffId?: string };
  data?: Record<string, unknown>;
};

/** Solid tags in antd's darker shades (white text at ≥ 4.5:1: the light preset greens fail axe). */
const TIMER_STATE: Record<string, { text: string; color: string }> = {
  pending: { text: '进行中', color: '#0958d9' },
  met: { text: '已完成', color: '#237804' },
  missed: { text: '已超时', color: '#a8071a' },
  fired: { text: '已提醒', color: '#ad4e00' },
  cancelled: { text: '已取消', color: 'default' },
};

function summary(entry: Entry): string {
  const data = entry.data ?? {};
  if (entry.type === 'sms') return `发给 ${String(data.to ?? '')}:${String(data.text ?? '')}`;
  const parts: string[] = [];
  if (typeof data.staffName === 'string') parts.push(data.staffName);
  // A complaint's grading: its grade and whom it is about (CH-1, CH-3).
  if (typeof data.severity === 'string') parts.push(SEVERITY[data.severity] ?? data.severity);
  const about = data.about as { staffName?: string; department?: string } | undefined;
  if (about?.staffName ?? about?.department)
    parts.push(`对象:${about.staffName ?? DEPARTMENT[about.department ?? '']}`);
  // A complaint's signature names its step (CH-4 report sheet, CH-5 supervisor …).
  // A move-in's step recorded names its MI step (MI-1..MI-8).
  if (typeof data.step === 'string') {
    const step = STEP[data.step as MoveInStep];
    parts.push(step ? `${step.rule} ${step.title}` : obligationLabel(data.step));
  }
  if (typeof data.description === 'string') parts.push(data.description);
  if (typeof data.note === 'string') parts.push(data.note);
  const slip = data.serviceSlip as { number?: string; signedBy?: string } | undefined;
  if (slip?.number) parts.push(`服务单${slip.number}(${slip.signedBy ?? ''}签字)`);
  return parts.join(' · ');
}

export default function TicketPage({ id }: { id: string }) {
  const [ticket, setTicket] = useState<Ticket>();
  const [error, setError] = useState<string>();
  const zone = useParkZone(ticket?.parkId);

  const load = useCallback(async () => {
    const { data, error } = await api.GET('/tickets/{id}', { params: { path: { id } } });
    if (error || !data) return setError(errorText(error));
    setError(undefined);
    setTicket(data);
  }, [id]);
  useEffect(() => {
    void load();
    // SMS are sent after the command that caused them (from the stream): the page refreshes itself to show them.
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  if (!ticket) return error ? <Alert type="error" showIcon title={error} /> : <Card loading />;
  const overdue = overdueOf(ticket);
  const timers = Object.entries(ticket.timers).map(([name, t]) => ({ name, ...t }));
  timers.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {KIND[ticket.kind]}单 {ticket.number ?? '(无单号)'}{' '}
        <Tag color="blue" data-testid="ticket-status">
          {statusLabel(ticket.kind, ticket.status)}
        </Tag>
        {overdue.length ? <Tag color="#a8071a">超时:{overdue.map(obligationLabel).join('、')}</Tag> : null}
      </Typography.Title>
      <TicketPrintButtons id={ticket.id} kind={ticket.kind} />
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Card title="操作" size="small">
        <Commands ticket={ticket} timeZone={zone} onDone={() => void load()} />
      </Card>
      <TicketDetails ticket={ticket} />
      <Card title="时限" size="small">
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={timers}
          columns={[
            { title: '事项', dataIndex: 'name', render: (n: string) => timerLabel(n) },
            { title: '期限', dataIndex: 'dueAt', render: (at: string) => parkTime(at) },
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: string) => <Tag color={TIMER_STATE[s]?.color}>{TIMER_STATE[s]?.text ?? s}</Tag>,
            },
          ]}
        />
      </Card>
      <Card title="经过(含全部短信)" size="small">
        <Timeline
          items={(ticket.timeline ?? []).map((e, i) => {
            const entry = e as Entry;
            return {
              key: `${entry.at}-${i}`,
              color: entry.type === 'sms' ? 'gray' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>{eventLabel(entry.type)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {parkTime(entry.at)} {entry.actor?.name ?? ''}
                  </Typography.Text>
                  <div>{summary(entry)}</div>
                </div>
              ),
            };
          })}
        />
      </Card>
    </Space>
  );
}

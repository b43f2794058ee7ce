/**
 * 周例会 (DS-7, DS-8): the week's complaints still not handled (or recorded as lacking the means),
 * what each owes and by when, the entries on each; the dispatcher records a case that cannot be
 * handled, the office's head (管理处经理/主任) confirms it or decides a new way, and signs the
 * weekly check of handling quality. Every entry is append-only (CH-11).
 */
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { DEPARTMENT, STATUS, timerLabel } from '../../labels';
import { followLink } from '../../router';
import { parkTime } from '../../time';
import {
  addWeeks,
  byLine,
  type Entry,
  hasGroup,
  isoWeekOf,
  PeriodPicker,
  parkDay,
  SEVERITY,
  useShown,
} from './shared';

interface ReviewCase {
  id: string;
  number?: string;
  status: string;
  severity?: string;
  department?: string;
  departmentLabel?: string;
  createdAt: string;
  owes: string[];
  nextDeadline?: { timer: string; dueAt: string };
  residentDeadline?: string;
  recorded: boolean;
  entries: Entry[];
}

interface WeeklyReview {
  week: string;
  from: string;
  to: string;
  reviewDueAt?: string;
  cases: ReviewCase[];
  checks: Entry[];
  entries: Entry[];
  truncated?: boolean;
}

const ENTRY_TYPE: Record<string, string> = { item: '登记', decision: '决定', check: '检查' };

function Entries({ entries }: { entries: Entry[] }) {
  if (!entries.length) return null;
  return (
    <ul style={{ paddingLeft: 20, margin: 0 }}>
      {entries.map((e) => (
        <li key={e.id}>
          <Tag>{ENTRY_TYPE[e.type ?? ''] ?? e.type}</Tag>
          {e.text}
          <Typography.Text type="secondary">
            {' '}
            —— {byLine(e.by)} {parkTime(e.at)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** One entry form: a case (when `cases` is given) and a text; posts, then reloads the week. */
function EntryForm(props: {
  /** The form's name: its fields' ids (`report_text`) stay unique on a page of several forms. */
  name: string;
  title: string;
  field: string;
  submit: string;
  cases?: { value: string; label: string }[];
  post: (text: string, ticketId: string) => Promise<{ error?: unknown }>;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ text: string; ticketId: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Card title={props.title} size="small" style={{ width: 420 }}>
      <Form
        form={form}
        name={props.name}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            const { error } = await props.post(v.text, v.ticketId ?? '');
            if (error) return setError(errorText(error));
            setError(undefined);
            form.resetFields();
            props.onDone();
          } finally {
            setBusy(false);
          }
        }}
      >
        {props.cases ? (
          <Form.Item name="ticketId" label="投诉单" rules={[{ required: true, message: '请选择投诉单' }]}>
            <Select options={props.cases} placeholder="选择投诉单" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="text"
          label={props.field}
          rules={[{ required: true, message: `请填写${props.field}` }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {error ? (
          <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {props.submit}
        </Button>
      </Form>
    </Card>
  );
}

export default function Weekly() {
  const [week, setWeek] = useState(() => isoWeekOf(parkDay('Asia/Shanghai')));
  const [review, setReview] = useState<WeeklyReview>();
  const [error, setError] = useState<string>();

  const shown = useShown(week);
  const load = useCallback(async () => {
    const { data, error } = await api.GET('/reviews/weekly', { params: { query: { week } } });
    if (shown() !== week) return;
    if (error || !data) {
      setReview(undefined);
      return setError(errorText(error));
    }
    setError(undefined);
    setReview(data as unknown as WeeklyReview);
  }, [week, shown]);
  useEffect(() => {
    void load();
  }, [load]);

  const option = (c: ReviewCase) => ({ value: c.id, label: c.number ?? c.id });
  const params = { params: { path: { week } } };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        周例会
      </Typography.Title>
      <PeriodPicker
        type="week"
        label="周"
        unit="周"
        placeholder="2026-W48"
        value={week}
        onChange={setWeek}
        step={addWeeks}
      />
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
      {review ? (
        <>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {parkTime(review.from, true)} 至 {parkTime(review.to, true)}
            {review.reviewDueAt ? `;应于 ${parkTime(review.reviewDueAt)} 前复核` : ''}
            {review.truncated ? '(本周投诉过多,只列出前一部分)' : ''}
          </Typography.Paragraph>
          <Card title="本周未处理完的投诉" size="small">
            <Table<ReviewCase>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={review.cases}
              locale={{ emptyText: '本周没有未处理完的投诉' }}
              columns={[
                {
                  title: '单号',
                  key: 'number',
                  render: (_: unknown, c) => (
                    <a href={`/ticket/${encodeURIComponent(c.id)}`} onClick={followLink}>
                      {c.number ?? c.id}
                    </a>
                  ),
                },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: string) => STATUS[s as keyof typeof STATUS] ?? s,
                },
                {
                  title: '级别',
                  dataIndex: 'severity',
                  render: (s?: string) => (s ? (SEVERITY[s] ?? s) : '未定级'),
                },
                {
                  title: '部门',
                  key: 'department',
                  render: (_: unknown, c) => c.departmentLabel ?? DEPARTMENT[c.department ?? ''] ?? '',
                },
                { title: '受理时间', dataIndex: 'createdAt', render: (at: string) => parkTime(at) },
                {
                  title: '超时欠办',
                  key: 'owes',
                  render: (_: unknown, c) =>
                    c.owes.length ? <Tag color="#a8071a">{c.owes.join('、')}</Tag> : '无',
                },
                {
                  title: '下一期限',
                  key: 'next',
                  render: (_: unknown, c) =>
                    c.nextDeadline
                      ? `${timerLabel(c.nextDeadline.timer)} ${parkTime(c.nextDeadline.dueAt)}前`
                      : c.residentDeadline
                        ? `业主期限 ${parkTime(c.residentDeadline)}`
                        : '',
                },
                { title: '登记', dataIndex: 'recorded', render: (r: boolean) => (r ? '已登记' : '') },
                { title: '记录', key: 'entries', render: (_: unknown, c) => <Entries entries={c.entries} /> },
              ]}
            />
          </Card>
          <Card title="每周检查(管理处经理签字)" size="small">
            {review.checks.length ? (
              <Entries entries={review.checks} />
            ) : (
              <Typography.Text type="secondary">本周尚未检查签字</Typography.Text>
            )}
          </Card>
          <Space wrap align="start">
            {hasGroup('dispatcher', 'manager') && review.cases.length ? (
              <EntryForm
                title="登记无法处理或缺乏条件的投诉(调度员)"
                field="情况说明"
                name="item"
                submit="登记"
                cases={review.cases.map(option)}
                post={(note, ticketId) =>
                  api.POST('/reviews/weekly/{week}/items', { ...params, body: { ticketId, note } })
                }
                onDone={() => void load()}
              />
            ) : null}
            {hasGroup('manager') && review.cases.some((c) => c.recorded) ? (
              <EntryForm
                title="管理处负责人决定"
                field="决定"
                name="decision"
                submit="记录决定"
                cases={review.cases.filter((c) => c.recorded).map(option)}
                post={(decision, ticketId) =>
                  api.POST('/reviews/weekly/{week}/decisions', { ...params, body: { ticketId, decision } })
                }
                onDone={() => void load()}
              />
            ) : null}
            {hasGroup('manager') ? (
              <EntryForm
                title="每周检查签字"
                field="检查意见"
                name="check"
                submit="签字"
                post={(note) => api.POST('/reviews/weekly/{week}/check', { ...params, body: { note } })}
                onDone={() => void load()}
              />
            ) : null}
          </Space>
        </>
      ) : !error ? (
        <Card loading />
      ) : null}
    </Space>
  );
}

/**
 * 月度总结 (DS-8, CH-10: 《投诉调度记录月总结表》): the month's counts, the 及时率 per department and per
 * deadline type (charts with the same figures as tables), the deadlines missed, the dispatcher's
 * report, the office head's signature and the complaints marked for corrective action (CH-11:
 * each an append-only entry); the CSV and the printable form.
 */
import { Alert, Button, Card, Form, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../api/client';
import { FileButton, PrintButton } from '../../file-buttons';
import { downloadFile } from '../../files';
import { KIND } from '../../labels';
import { useParkZone } from '../../park';
import { followLink } from '../../router';
import { parkTime } from '../../time';
import { type RateBar, RateChart } from './RateChart';
import { addMonths, byLine, type Entry, hasGroup, PeriodPicker, parkDay, useShown } from './shared';

interface Rate {
  due: number;
  met: number;
  missed: number;
  rate: number | null;
}

interface Miss {
  ticketId: string;
  number?: string;
  kind: string;
  timer: string;
  label: string;
  dueAt: string;
  departmentLabel: string;
  late?: true;
}

export interface MonthlyReport {
  parkName: string;
  month: string;
  tickets: { total: number; byKind: Record<string, number> };
  complaints: { total: number; validity: { valid: number; invalid: number; ungraded: number } };
  repairs: { total: number; reopens: number };
  emergencies: { total: number };
  timeliness: Rate & {
    byType: (Rate & { type: string; label: string })[];
    byDepartment: (Rate & { department: string; label: string })[];
    misses: Miss[];
    pendingPastDue: number;
  };
  openAtMonthEnd: {
    total: number;
    tickets: { ticketId: string; number?: string; kind: string; status: string }[];
  };
  entries: { reports: Entry[]; signatures: Entry[]; correctives: Entry[] };
}

const percent = (r: Rate) => (r.rate === null ? '—' : `${r.rate}%`);

function RateTable({ caption, first, rows }: { caption: string; first: string; rows: RateBar[] }) {
  return (
    <Table<RateBar>
      size="small"
      rowKey="label"
      pagination={false}
      dataSource={rows}
      title={() => caption}
      columns={[
        { title: first, dataIndex: 'label' },
        { title: '到期', dataIndex: 'due' },
        { title: '按时', dataIndex: 'met' },
        { title: '超时', key: 'missed', render: (_: unknown, r) => r.due - r.met },
        { title: '及时率', key: 'rate', render: (_: unknown, r) => (r.rate === null ? '—' : `${r.rate}%`) },
      ]}
    />
  );
}

function EntryList({ entries, empty }: { entries: Entry[]; empty: string }) {
  if (!entries.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul style={{ paddingLeft: 20, margin: 0 }}>
      {entries.map((e) => (
        <li key={e.id}>
          {e.ticketNumber ? <Tag>{e.ticketNumber}</Tag> : null}
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

/** One append-only entry form (report, signature, corrective): posts, then reloads the month. */
function EntryForm(props: {
  /** The form's name: its fields' ids (`report_text`) stay unique on a page of several forms. */
  name: string;
  title: string;
  field: string;
  submit: string;
  post: (text: string, ticketId?: string) => Promise<unknown>;
  tickets?: { value: string; label: string }[];
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ text: string; ticketId?: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Card title={props.title} size="small">
      <Form
        form={form}
        name={props.name}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            const { error } = (await props.post(v.text, v.ticketId)) as { error?: unknown };
            if (error) return setError(errorText(error));
            setError(undefined);
            form.resetFields();
            props.onDone();
          } finally {
            setBusy(false);
          }
        }}
      >
        {props.tickets ? (
          <Form.Item name="ticketId" label="投诉单" rules={[{ required: true, message: '请选择投诉单' }]}>
            <Select options={props.tickets} placeholder="选择投诉单" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="text"
          label={props.field}
          rules={[{ required: true, message: `请填写${props.field}` }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
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

export default function Monthly() {
  const zone = useParkZone('park-1');
  const [month, setMonth] = useState(() => parkDay('Asia/Shanghai').slice(0, 7));
  const [report, setReport] = useState<MonthlyReport>();
  const [error, setError] = useState<string>();

  const shown = useShown(month);
  const load = useCallback(async () => {
    const { data, error } = await api.GET('/reports/monthly', { params: { query: { month } } });
    if (shown() !== month) return;
    if (error || !data) {
      setReport(undefined);
      return setError(errorText(error));
    }
    setError(undefined);
    setReport((data as { report: MonthlyReport }).report);
  }, [month, shown]);
  useEffect(() => {
    void load();
  }, [load]);

  const t = report?.timeliness;
  const byDepartment = useMemo<RateBar[]>(() => t?.byDepartment ?? [], [t]);
  const byType = useMemo<RateBar[]>(() => t?.byType ?? [], [t]);
  const complaints = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of t?.misses ?? []) if (m.kind === 'complaint') seen.set(m.ticketId, m.number ?? m.ticketId);
    for (const o of report?.openAtMonthEnd.tickets ?? [])
      if (o.kind === 'complaint') seen.set(o.ticketId, o.number ?? o.ticketId);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [t, report]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        月度总结
      </Typography.Title>
      <Space wrap>
        <PeriodPicker
          type="month"
          label="月份"
          unit="月"
          placeholder="2026-11"
          value={month}
          onChange={setMonth}
          step={addMonths}
        />
        <FileButton
          run={() =>
            downloadFile(`/reports/monthly?month=${month}&format=csv`, `投诉调度记录月总结表-${month}.csv`)
          }
        >
          下载CSV
        </FileButton>
        <PrintButton path={`/reports/monthly?month=${month}&format=html`}>打印月总结表</PrintButton>
      </Space>
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
      {report && t ? (
        <>
          <Card title={`${report.parkName} ${month} 概况`} size="small">
            <Space wrap size="large">
              <Statistic title="本月受理" value={report.tickets.total} />
              <Statistic title="投诉" value={report.complaints.total} />
              <Statistic title="报修" value={report.repairs.total} />
              <Statistic title="紧急事件" value={report.emergencies.total} />
              <Statistic title="及时率" value={percent(t)} data-testid="rate-overall" />
              <Statistic title="到期时限(按时/超时)" value={`${t.due}(${t.met}/${t.missed})`} />
              <Statistic title="已过期未办结" value={t.pendingPastDue} />
              <Statistic title="月末未结" value={report.openAtMonthEnd.total} />
            </Space>
          </Card>
          <Space wrap align="start" style={{ width: '100%' }}>
            <Card title="各部门及时率" size="small" style={{ width: 560 }}>
              <RateChart title="各部门及时率" bars={byDepartment} />
              <RateTable caption="各部门及时率(数据)" first="部门" rows={byDepartment} />
            </Card>
            <Card title="各类时限及时率" size="small" style={{ width: 560 }}>
              <RateChart title="各类时限及时率" bars={byType} />
              <RateTable caption="各类时限及时率(数据)" first="时限类型" rows={byType} />
            </Card>
          </Space>
          <Card title="超时清单" size="small">
            <Table<Miss>
              size="small"
              rowKey={(m) => `${m.ticketId}-${m.timer}-${m.dueAt}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={t.misses}
              locale={{ emptyText: '本月没有超时' }}
              columns={[
                {
                  title: '单号',
                  key: 'number',
                  render: (_: unknown, m) => (
                    <a href={`/ticket/${encodeURIComponent(m.ticketId)}`} onClick={followLink}>
                      {m.number ?? m.ticketId}
                    </a>
                  ),
                },
                {
                  title: '类型',
                  dataIndex: 'kind',
                  render: (k: string) => KIND[k as keyof typeof KIND] ?? k,
                },
                { title: '时限', dataIndex: 'label' },
                { title: '责任部门', dataIndex: 'departmentLabel' },
                { title: '到期时间', dataIndex: 'dueAt', render: (at: string) => parkTime(at) },
                { title: '情况', key: 'late', render: (_: unknown, m) => (m.late ? '逾期办结' : '未按时办') },
              ]}
            />
          </Card>
          <Space wrap align="start" style={{ width: '100%' }}>
            <Card title="月度报告(调度员)" size="small" style={{ width: 560 }}>
              <EntryList entries={report.entries.reports} empty="尚未提交月度报告" />
            </Card>
            <Card title="管理处负责人意见与签字" size="small" style={{ width: 560 }}>
              <EntryList entries={report.entries.signatures} empty="尚未签字" />
            </Card>
            <Card title="纠正与预防措施" size="small" style={{ width: 560 }}>
              <EntryList entries={report.entries.correctives} empty="本月没有标记的投诉" />
            </Card>
          </Space>
          <Space wrap align="start" style={{ width: '100%' }}>
            {hasGroup('dispatcher', 'manager') ? (
              <div style={{ width: 560 }}>
                <EntryForm
                  title="写月度报告"
                  field="报告内容"
                  name="report"
                  submit="提交报告"
                  post={(text) =>
                    api.POST('/reports/monthly/{month}/report', {
                      params: { path: { month } },
                      body: { text },
                    })
                  }
                  onDone={() => void load()}
                />
              </div>
            ) : null}
            {hasGroup('manager') ? (
              <div style={{ width: 560 }}>
                <EntryForm
                  title="管理处负责人签字"
                  field="审核意见"
                  name="sign"
                  submit="签字"
                  post={(comment) =>
                    api.POST('/reports/monthly/{month}/sign', {
                      params: { path: { month } },
                      body: { comment },
                    })
                  }
                  onDone={() => void load()}
                />
              </div>
            ) : null}
            {hasGroup('dispatcher', 'manager') && complaints.length ? (
              <div style={{ width: 560 }}>
                <EntryForm
                  title="标记纠正与预防措施(服务质量原因的投诉)"
                  field="原因与措施"
                  name="corrective"
                  submit="标记"
                  tickets={complaints}
                  post={(text, ticketId) =>
                    api.POST('/reports/monthly/{month}/corrective', {
                      params: { path: { month } },
                      body: { text, ticketId: ticketId ?? '' },
                    })
                  }
                  onDone={() => void load()}
                />
              </div>
            ) : null}
          </Space>
          <Typography.Text type="secondary">
            及时率 = 本月到期的时限中按时办结的比例(逾期办结算超时);时间为园区时间({zone})。
          </Typography.Text>
        </>
      ) : !error ? (
        <Card loading />
      ) : null}
    </Space>
  );
}

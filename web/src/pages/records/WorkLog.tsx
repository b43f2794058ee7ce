/**
 * 工作日志 (DS-9): the desk's day in time order — every ticket event and SMS of one park-local day,
 * a page at a time (更多 follows the cursor) — and the printable 《工作日志》 of the whole day.
 */
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { PrintButton } from '../../file-buttons';
import { followLink } from '../../router';
import { parkTime } from '../../time';
import { addDays, PeriodPicker, parkDay, useShown } from './shared';

interface LogEntry {
  at: string;
  ticketId: string;
  number?: string;
  kindLabel?: string;
  type: string;
  what: string;
  by: string;
  sms?: { to: string; phone: string; state: string };
}

interface WorkLogPage {
  parkName: string;
  date: string;
  entries: LogEntry[];
  cursor?: string;
}

const PAGE = 100;

export default function WorkLog() {
  const [date, setDate] = useState(() => parkDay('Asia/Shanghai'));
  const [entries, setEntries] = useState<LogEntry[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();

  const shown = useShown(date);
  const load = useCallback(
    async (from?: string) => {
      const { data, error } = await api.GET('/work-log', {
        params: { query: { date, limit: PAGE, ...(from ? { cursor: from } : {}) } },
      });
      if (shown() !== date) return;
      if (error || !data) return setError(errorText(error));
      const page = data as unknown as WorkLogPage;
      setError(undefined);
      setEntries((old) => [...(from ? (old ?? []) : []), ...page.entries]);
      setCursor(page.cursor);
    },
    [date, shown],
  );
  useEffect(() => {
    setEntries(undefined);
    void load();
  }, [load]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        工作日志
      </Typography.Title>
      <Space wrap>
        <PeriodPicker
          type="date"
          label="日期"
          unit="天"
          placeholder="2026-11-27"
          value={date}
          onChange={setDate}
          step={addDays}
        />
        <PrintButton path={`/work-log?date=${date}&format=html`}>打印工作日志</PrintButton>
      </Space>
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
      <Card size="small" title={`${date} 的记录`}>
        <Table<LogEntry>
          size="small"
          rowKey={(e) => `${e.ticketId}-${e.at}-${e.type}`}
          loading={!entries && !error}
          dataSource={entries ?? []}
          pagination={false}
          locale={{ emptyText: '这一天没有记录' }}
          columns={[
            { title: '时间', dataIndex: 'at', render: (at: string) => parkTime(at) },
            {
              title: '单号',
              key: 'number',
              render: (_: unknown, e) => (
                <a href={`/ticket/${encodeURIComponent(e.ticketId)}`} onClick={followLink}>
                  {e.number ?? e.ticketId}
                </a>
              ),
            },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '事项', dataIndex: 'what' },
            { title: '经办', dataIndex: 'by' },
            {
              title: '短信接收人',
              key: 'sms',
              render: (_: unknown, e) => (e.sms ? `${e.sms.to} ${e.sms.phone}` : ''),
            },
          ]}
        />
        {cursor ? (
          <Button style={{ marginTop: 12 }} onClick={() => void load(cursor)}>
            更多
          </Button>
        ) : null}
      </Card>
    </Space>
  );
}

/**
 * 工单: the park's tickets with every filter of GET /tickets (ADR 020), kept in the URL (a filtered
 * queue can be bookmarked, shared, reloaded); "我的工单" (a technician's default); overdue ones first
 * and marked, what each owes and by when; 加载更多 follows the API's cursor; refreshed every 15 s
 * by itself without losing what was loaded.
 *
 * At first the queue reads one API page (100 tickets, the API's largest) and the overdue ones:
 * a park's 1,000 tickets would be ten requests one after another before anything shows, and the
 * desk works from the top (overdue, then newest). The table shows 50 rows a page: cheap to draw, and
 * it stays a real <table> (antd's `virtual` draws rows as divs in a scroll box: harder for screen
 * readers and keyboard users, and only worth it for thousands of rows at once).
 */
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Ticket, TicketKind, TicketStatus } from '../api/client';
import { KIND, obligationLabel, STATUS, timerLabel } from '../labels';
import { overdueOf, pendingTimers } from '../owing';
import { useParkZone } from '../park';
import { followLink } from '../router';
import { ExportCsvButton } from '../file-buttons';
import { currentSession } from '../session';
import { parkTime } from '../time';
import { FilterBar } from './queue/FilterBar';
import {
  apiQuery,
  filtersFromSearch,
  mayExport,
  mayFilterByPhone,
  type QueueFilters,
  searchOf,
} from './queue/filters';
import { prefetch, useTicketPages } from './queue/useTicketPages';

const ROWS_PER_PAGE = 50;

// This chunk loads as the queue is first opened: its first read starts now, beside the first render.
prefetch(apiQuery(filtersFromSearch(window.location.search, currentSession()), currentSession()));
/** Marked once a page load, when the first rows are on screen (the browser test and the bench read it). */
let rowsMarked = false;

export default function Queue() {
  const zone = useParkZone('park-1');
  // Who is signed in, as the queue opened (切换用户 goes through the sign-in page and back: a new queue).
  const [session] = useState(currentSession);
  const [filters, setFilters] = useState<QueueFilters>(() =>
    filtersFromSearch(window.location.search, session),
  );
  const [tablePage, setTablePage] = useState(1);
  const query = useMemo(() => apiQuery(filters, session), [filters, session]);
  const { tickets, error, more, loadingMore, loadMore, refresh, loadedAt, reads } = useTicketPages(query);

  const changeFilters = useCallback(
    (next: QueueFilters) => {
      setFilters(next);
      setTablePage(1);
      const search = searchOf(next, session);
      // Replace, not push: the URL says what is shown; Back leaves the queue rather than undoing filters.
      window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
    },
    [session],
  );

  // Back/forward to a queue link of other filters.
  useEffect(() => {
    const onPop = () => setFilters(filtersFromSearch(window.location.search, currentSession()));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (rowsMarked || !tickets?.length) return;
    rowsMarked = true;
    performance.mark('queue-rows');
  }, [tickets]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        工单
      </Typography.Title>
      <FilterBar filters={filters} onChange={changeFilters} phoneAllowed={mayFilterByPhone(session)} />
      <Space wrap>
        <Button onClick={() => refresh()}>刷新</Button>
        {/* The register as a file is the desk's and management's (records.export): not field staff's. */}
        {mayExport(session) ? <ExportCsvButton path="/tickets" query={query} fileName="工单.csv" /> : null}
        {loadedAt ? (
          <Typography.Text type="secondary">
            更新于 {loadedAt.toLocaleTimeString('zh-CN', { hour12: false, timeZone: zone })}(每15秒自动刷新)
          </Typography.Text>
        ) : null}
      </Space>
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
      <Table<Ticket>
        rowKey="id"
        loading={!tickets}
        dataSource={tickets ?? []}
        pagination={{
          pageSize: ROWS_PER_PAGE,
          current: tablePage,
          onChange: setTablePage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
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
      <Space>
        <Typography.Text data-testid="queue-loaded" data-reads={reads}>
          已加载 {tickets?.length ?? 0} 条{tickets && !more ? '(已全部加载)' : ''}
        </Typography.Text>
        {more ? (
          <Button onClick={loadMore} loading={loadingMore}>
            加载更多
          </Button>
        ) : null}
      </Space>
    </Space>
  );
}

/**
 * 钥匙: the key ledger (KY-1..KY-4, MI-7). Every set of the register (GET /keys), in the cabinet or
 * out — with whom, since when, on which slip, due back when — overdue ones first and marked (their
 * request missed its return or closing clock: the server's clock decides); the key requests by
 * status (GET /tickets?kind=key), overdue first, each a link to its ticket page; and, for security,
 * the property office and management, 登记钥匙 and 报失 in forms.
 */
import { Alert, Button, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText, type TicketStatus } from '../../api/client';
import { STATUS } from '../../labels';
import { followLink } from '../../router';
import { currentSession } from '../../session';
import { parkTime } from '../../time';
import {
  KEY_OVERDUE,
  KEY_SET_STATE,
  KEY_SET_STATE_COLOR,
  type KeySetRow,
  type KeySetState,
  type KeyTicket,
  keySetsOf,
  ledgerOrder,
  overdueOfKey,
  overdueSets,
  place,
  REQUESTER,
  requestOrder,
} from './model';
import { KeySetHistory } from './KeySetHistory';
import { RegisterKeySet } from './RegisterKeySet';

/** GET /keys answers at most 50 sets a page. */
const PAGE = 50;
const REFRESH_MS = 30_000;
/** The groups PERMISSIONS lets register a set and report one lost (keys.register, keys.report-lost). */
const KEEPERS = ['security', 'office', 'manager'];
const REQUEST_STATUSES: TicketStatus[] = [
  'requested',
  'verified',
  'slip-issued',
  'handed-out',
  'returned',
  'lost',
  'declined',
  'cancelled',
];
const OVERDUE_TAG = '#a8071a';

function ticketLink(id: string, text: string) {
  return (
    <a href={`/ticket/${encodeURIComponent(id)}`} onClick={followLink}>
      {text}
    </a>
  );
}

function overdueTag(missed: string[] | undefined) {
  return missed?.length ? (
    <Tag color={OVERDUE_TAG}>超时:{missed.map((m) => KEY_OVERDUE[m] ?? m).join('、')}</Tag>
  ) : null;
}

export default function Keys() {
  const keeper = (currentSession()?.groups ?? []).some((g) => KEEPERS.includes(g));
  // The filters as typed, and as last applied (查询 or Enter).
  const [draft, setDraft] = useState({ unit: '', area: '' });
  const [filters, setFilters] = useState({ unit: '', area: '' });
  const [state, setState] = useState<KeySetState>();
  const [sets, setSets] = useState<KeySetRow[]>();
  const [cursor, setCursor] = useState<string>();
  const [late, setLate] = useState<Map<string, string[]>>(new Map());
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<TicketStatus | undefined>('handed-out');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [requests, setRequests] = useState<KeyTicket[]>();
  const [requestError, setRequestError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [losing, setLosing] = useState<KeySetRow>();

  const placeFilter = useMemo(
    () => ({
      ...(filters.unit ? { unit: filters.unit } : {}),
      ...(filters.area ? { area: filters.area } : {}),
    }),
    [filters],
  );

  const loadSets = useCallback(
    async (after?: string) => {
      const [page, overdue] = await Promise.all([
        api.GET('/keys', {
          params: {
            query: {
              limit: PAGE,
              ...placeFilter,
              ...(state ? { state } : {}),
              ...(after ? { cursor: after } : {}),
            },
          },
        }),
        // Which sets are late: the requests that missed their return (or closing) clock.
        api.GET('/tickets', { params: { query: { kind: 'key', overdue: 'true', limit: 100 } } }),
      ]);
      if (page.error || !page.data) return setError(errorText(page.error));
      setError(undefined);
      const { keySets, cursor: next } = keySetsOf(page.data);
      setSets((before) => [...(after ? (before ?? []) : []), ...keySets]);
      setCursor(next);
      if (!overdue.error && overdue.data && typeof overdue.data !== 'string')
        setLate(overdueSets(overdue.data.tickets as KeyTicket[]));
    },
    [placeFilter, state],
  );

  const loadRequests = useCallback(async () => {
    const { data, error } = await api.GET('/tickets', {
      params: {
        query: {
          kind: 'key',
          limit: 100,
          ...(status ? { status } : {}),
          ...(overdueOnly ? { overdue: 'true' as const } : {}),
          ...(filters.unit ? { unit: filters.unit } : {}),
        },
      },
    });
    if (error || !data || typeof data === 'string') return setRequestError(errorText(error));
    setRequestError(undefined);
    setRequests([...(data.tickets as KeyTicket[])].sort(requestOrder));
  }, [status, overdueOnly, filters.unit]);

  // Refreshed by itself, as the queue is: a key falling overdue shows without a click. Not while
  // more than the first page is loaded (a refresh would drop the pages the user asked for).
  const morePages = (sets?.length ?? 0) > PAGE;
  useEffect(() => {
    void loadSets();
  }, [loadSets]);
  useEffect(() => {
    if (morePages) return;
    const timer = window.setInterval(() => void loadSets(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [loadSets, morePages]);
  useEffect(() => {
    void loadRequests();
    const timer = window.setInterval(() => void loadRequests(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [loadRequests]);

  const rows = useMemo(() => [...(sets ?? [])].sort(ledgerOrder(late)), [sets, late]);
  const lateOf = (k: KeySetRow) => (k.holder ? late.get(k.holder.ticketId) : undefined);
  const apply = () => setFilters({ unit: draft.unit.trim(), area: draft.area.trim() });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        钥匙
      </Typography.Title>
      <Space wrap>
        <Select<KeySetState>
          aria-label="钥匙状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={Object.entries(KEY_SET_STATE).map(([value, label]) => ({
            value: value as KeySetState,
            label,
          }))}
        />
        <Input
          aria-label="房号"
          placeholder="房号(如 3-2-1502)"
          style={{ width: 180 }}
          value={draft.unit}
          onChange={(e) => setDraft({ ...draft, unit: e.target.value })}
          onPressEnter={apply}
        />
        <Input
          aria-label="区域"
          placeholder="区域(如 水泵房)"
          style={{ width: 160 }}
          value={draft.area}
          onChange={(e) => setDraft({ ...draft, area: e.target.value })}
          onPressEnter={apply}
        />
        <Button onClick={apply}>查询</Button>
        <Button
          onClick={() => {
            void loadSets();
            void loadRequests();
          }}
        >
          刷新
        </Button>
      </Space>
      {notice ? (
        <Alert type="success" showIcon title={notice} closable onClose={() => setNotice(undefined)} />
      ) : null}
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}

      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        钥匙台账
      </Typography.Title>
      <Table<KeySetRow>
        data-testid="key-ledger"
        rowKey="id"
        loading={!sets && !error}
        dataSource={rows}
        pagination={false}
        size="middle"
        onRow={(k) => (lateOf(k) ? { style: { background: '#fff1f0' }, 'data-overdue': 'true' } : {})}
        expandable={{ expandedRowRender: (k) => <KeySetHistory id={k.id} /> }}
        columns={[
          { title: '钥匙牌号', dataIndex: 'tag' },
          { title: '房号/区域', key: 'place', render: (_: unknown, k) => place(k) },
          {
            title: '钥匙',
            key: 'label',
            render: (_: unknown, k) => (
              <>
                {k.label}×{k.count}
                {k.retention ? <Tag style={{ marginLeft: 8 }}>业主留存</Tag> : null}
              </>
            ),
          },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: KeySetState) => <Tag color={KEY_SET_STATE_COLOR[s]}>{KEY_SET_STATE[s] ?? s}</Tag>,
          },
          { title: '超时', key: 'overdue', render: (_: unknown, k) => overdueTag(lateOf(k)) },
          {
            title: '领用人',
            key: 'holder',
            render: (_: unknown, k) =>
              k.holder
                ? `${k.holder.name}(${REQUESTER[k.holder.requesterType] ?? k.holder.requesterType})`
                : k.released
                  ? `业主 ${k.released.to}`
                  : '',
          },
          { title: '领出时间', key: 'since', render: (_: unknown, k) => parkTime(k.holder?.since) },
          { title: '应还时间', key: 'due', render: (_: unknown, k) => parkTime(k.holder?.dueAt) },
          {
            title: '领用单',
            key: 'ticket',
            render: (_: unknown, k) =>
              k.holder
                ? ticketLink(k.holder.ticketId, `${k.holder.ticketNumber}(条 ${k.holder.slipNumber})`)
                : k.released
                  ? ticketLink(k.released.ticketId, '入住单')
                  : k.lost
                    ? `${parkTime(k.lost.at)}报失`
                    : '',
          },
          ...(keeper
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, k: KeySetRow) =>
                    k.state === 'in' || k.state === 'out' ? (
                      <Button size="small" onClick={() => setLosing(k)}>
                        报失 {k.tag}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {cursor ? <Button onClick={() => void loadSets(cursor)}>加载更多</Button> : null}

      {keeper ? (
        <RegisterKeySet
          onRegistered={(tag) => {
            setNotice(`钥匙 ${tag} 已登记入柜`);
            void loadSets();
          }}
        />
      ) : null}

      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        钥匙领用单
      </Typography.Title>
      <Space wrap>
        <Select<TicketStatus>
          aria-label="领用单状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={REQUEST_STATUSES.map((value) => ({ value, label: STATUS[value] ?? value }))}
        />
        <Space>
          <Switch aria-label="只看超时" checked={overdueOnly} onChange={setOverdueOnly} />
          <span aria-hidden="true">只看超时</span>
        </Space>
      </Space>
      {requestError ? <Alert type="error" role="alert" showIcon title={requestError} /> : null}
      <Table<KeyTicket>
        data-testid="key-requests"
        rowKey="id"
        loading={!requests && !requestError}
        dataSource={requests ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        size="middle"
        onRow={(t) => (overdueOfKey(t).length ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          {
            title: '单号',
            dataIndex: 'number',
            render: (n: string | undefined, t) => ticketLink(t.id, n || '(无单号)'),
          },
          { title: '超时', key: 'overdue', render: (_: unknown, t) => overdueTag(overdueOfKey(t)) },
          { title: '状态', dataIndex: 'status', render: (s: TicketStatus) => STATUS[s] ?? s },
          {
            title: '钥匙',
            key: 'key',
            render: (_: unknown, t) => (t.key ? `${t.key.tag} ${place(t.key)}${t.key.label}` : ''),
          },
          {
            title: '领用人',
            key: 'requester',
            render: (_: unknown, t) =>
              t.requester ? `${t.requester.name}(${REQUESTER[t.requester.type] ?? t.requester.type})` : '',
          },
          { title: '事由', dataIndex: 'reason' },
          { title: '领出时间', key: 'since', render: (_: unknown, t) => parkTime(t.handOut?.since) },
          {
            title: '应还时间',
            key: 'due',
            render: (_: unknown, t) => parkTime(t.handOut?.dueAt ?? t.slip?.dueAt),
          },
          {
            title: '经手',
            key: 'guard',
            render: (_: unknown, t) =>
              t.handOut ? [t.handOut.guardName, t.handOut.escortName].filter(Boolean).join('、') : '',
          },
        ]}
      />
      <ReportLost
        keySet={losing}
        onClose={(reported) => {
          setLosing(undefined);
          if (reported) {
            setNotice(reported);
            void loadSets();
            void loadRequests();
          }
        }}
      />
    </Space>
  );
}

/** KY-1: a loss is recorded (never a deletion) and texted to the security manager. */
function ReportLost({
  keySet,
  onClose,
}: {
  keySet: KeySetRow | undefined;
  onClose: (reported?: string) => void;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function report() {
    if (!keySet) return;
    setBusy(true);
    const { data, error: failed } = await api.POST('/keys/{id}/report-lost', {
      params: { path: { id: keySet.id } },
      body: note.trim() ? { note: note.trim() } : {},
    });
    setBusy(false);
    if (failed || !data) return setError(errorText(failed));
    setError(undefined);
    setNote('');
    onClose(`钥匙 ${keySet.tag} 已报失,已短信通知保安部经理`);
  }

  return (
    <Modal
      open={keySet !== undefined}
      title={keySet ? `报失 ${keySet.tag} ${place(keySet)}${keySet.label}` : '报失'}
      okText="确定报失"
      okButtonProps={{ loading: busy }}
      onOk={() => void report()}
      onCancel={() => {
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {keySet?.holder ? (
          <Typography.Paragraph>
            此钥匙由 {keySet.holder.name} 领出(领用单 {keySet.holder.ticketNumber}
            ),报失后该领用单结为“已遗失”。
          </Typography.Paragraph>
        ) : null}
        <label htmlFor="lost-note">说明(选填)</label>
        <Input.TextArea
          id="lost-note"
          rows={3}
          maxLength={300}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
      </Space>
    </Modal>
  );
}

/**
 * 入住: move-in progress per unit (MI-1..MI-8; GET /tickets?kind=move-in). One card per case: the
 * unit and owner, the mandatory steps done of seven as a bar (MI-7, key retention, is optional and
 * never counted), each step done (who, when) or to do (which department), the inspection's repairs,
 * overdue cases (open past the park's days) first and marked, a link to the case's ticket page.
 */
import {
  Alert,
  Button,
  Card,
  Empty,
  Input,
  Progress,
  Select,
  Space,
  Steps,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { STATUS } from '../../labels';
import { followLink } from '../../router';
import { parkTime } from '../../time';
import {
  MOVE_IN_OVERDUE,
  MOVE_IN_STEPS,
  type MoveInTicket,
  moveInOrder,
  moveInProgress,
  STEP,
} from './model';
import { Loading } from '../../loading';

type Shown = 'open' | 'completed' | 'all';

function MoveInCard({ t }: { t: MoveInTicket }) {
  const progress = moveInProgress(t);
  const overdue = t.overdue ?? [];
  const steps = t.steps ?? {};
  const unit = t.unit ?? t.caller?.unit ?? '';
  const title = `${unit} ${t.owner?.name ?? ''}`;
  // The next mandatory step to do, highlighted (steps may be done in any order: each shows its own state).
  const next = MOVE_IN_STEPS.findIndex((s) => STEP[s].mandatory && steps[s] === undefined);
  return (
    <Card
      size="small"
      data-testid="move-in-case"
      data-unit={unit}
      style={overdue.length ? { borderColor: '#a8071a', background: '#fff1f0' } : undefined}
      title={
        <Space wrap>
          <Typography.Text strong>{title}</Typography.Text>
          <a href={`/ticket/${encodeURIComponent(t.id)}`} onClick={followLink}>
            {t.number || '(无单号)'}
          </a>
          <Tag>{STATUS[t.status] ?? t.status}</Tag>
          {overdue.length ? (
            <Tag color="#a8071a">超时:{overdue.map((o) => MOVE_IN_OVERDUE[o] ?? o).join('、')}</Tag>
          ) : null}
        </Space>
      }
      extra={<Typography.Text>受理 {parkTime(t.createdAt)}</Typography.Text>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%' }}>
          <Typography.Text data-testid="move-in-progress">
            已办 {progress.done}/{progress.total} 步
          </Typography.Text>
          <Progress
            percent={progress.percent}
            status={t.status === 'completed' ? 'success' : overdue.length ? 'exception' : 'active'}
            aria-label={`${unit} 入住进度`}
            style={{ width: 240 }}
          />
          {t.status === 'completed' && t.completed ? (
            <Typography.Text>{parkTime(t.completed.at)} 办结</Typography.Text>
          ) : null}
        </Space>
        <Steps
          size="small"
          titlePlacement="vertical"
          current={next < 0 ? MOVE_IN_STEPS.length : next}
          items={MOVE_IN_STEPS.map((s, i) => {
            const done = steps[s];
            return {
              title: `${STEP[s].rule} ${STEP[s].title}`,
              status: done ? ('finish' as const) : i === next ? ('process' as const) : ('wait' as const),
              content: done
                ? `${done.byName ?? done.by} ${parkTime(done.at)}`
                : STEP[s].mandatory
                  ? `待办(${STEP[s].by})`
                  : `可选(${STEP[s].by})`,
            };
          })}
        />
        {t.repairs?.length ? (
          <Typography.Text>
            验房报修:
            {t.repairs.map((r, i) => (
              <span key={r.ticketId}>
                {i ? '、' : ''}
                <a href={`/ticket/${encodeURIComponent(r.ticketId)}`} onClick={followLink}>
                  {r.number}
                </a>
                {r.status ? `(${STATUS[r.status as keyof typeof STATUS] ?? r.status})` : ''}
              </span>
            ))}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}

export default function MoveIns() {
  const [shown, setShown] = useState<Shown>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [unitDraft, setUnitDraft] = useState('');
  const [unit, setUnit] = useState('');
  const [cases, setCases] = useState<MoveInTicket[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (after?: string) => {
      const { data, error } = await api.GET('/tickets', {
        params: {
          query: {
            kind: 'move-in',
            limit: 100,
            ...(shown !== 'all' ? { status: shown } : {}),
            ...(overdueOnly ? { overdue: 'true' as const } : {}),
            ...(unit ? { unit } : {}),
            ...(after ? { cursor: after } : {}),
          },
        },
      });
      if (error || !data || typeof data === 'string') return setError(errorText(error));
      setError(undefined);
      setCases((before) => [...(after ? (before ?? []) : []), ...(data.tickets as MoveInTicket[])]);
      setCursor(data.cursor ?? undefined);
    },
    [shown, overdueOnly, unit],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const sorted = [...(cases ?? [])].sort(moveInOrder);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        入住
      </Typography.Title>
      <Space wrap>
        <Select<Shown>
          aria-label="办理状态"
          style={{ width: 140 }}
          value={shown}
          onChange={setShown}
          options={[
            { value: 'open', label: '办理中' },
            { value: 'completed', label: '已办结' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Input
          aria-label="房号"
          placeholder="房号(如 3-2-1502)"
          style={{ width: 180 }}
          value={unitDraft}
          onChange={(e) => setUnitDraft(e.target.value)}
          onPressEnter={() => setUnit(unitDraft.trim())}
        />
        <Button onClick={() => setUnit(unitDraft.trim())}>查询</Button>
        <Space>
          <Switch aria-label="只看超时" checked={overdueOnly} onChange={setOverdueOnly} />
          <span aria-hidden="true">只看超时</span>
        </Space>
        <Button onClick={() => void load()}>刷新</Button>
      </Space>
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
      {!cases && !error ? <Loading /> : null}
      {cases && sorted.length === 0 ? <Empty description="没有入住办理记录" /> : null}
      {sorted.map((t) => (
        <MoveInCard key={t.id} t={t} />
      ))}
      {cursor ? <Button onClick={() => void load(cursor)}>加载更多</Button> : null}
    </Space>
  );
}

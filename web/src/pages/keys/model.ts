/**
 * What the 钥匙 and 入住 pages read: the key register's sets (GET /keys; its answer is untyped in
 * the OpenAPI document, README-documented, so it is read defensively here), the key request's and
 * the move-in's fields beyond the generic Ticket, their Chinese labels, and the orders the pages
 * list them in (overdue first).
 */
import type { Ticket } from '../../api/client';

export type KeySetState = 'in' | 'out' | 'lost' | 'released';

export const KEY_SET_STATE: Record<KeySetState, string> = {
  in: '在柜',
  out: '借出',
  lost: '遗失',
  released: '已交业主',
};

/** Dark enough for white text (WCAG AA 4.5:1; antd's preset green and blue tags are not). */
export const KEY_SET_STATE_COLOR: Record<KeySetState, string> = {
  in: '#237804',
  out: '#0958d9',
  lost: '#a8071a',
  released: 'default',
};

/** KY-2's requester types in the original's words. */
export const REQUESTER: Record<string, string> = {
  owner: '业主',
  tenant: '租户',
  agent: '中介',
  other: '其他',
  staff: '内部员工',
};

/** Who has a set that is out (KY-4): on which request and slip, since when, due back when. */
export interface KeyHolder {
  name: string;
  requesterType: string;
  ticketId: string;
  ticketNumber: string;
  slipNumber: string;
  guardName: string;
  escortName?: string;
  since: string;
  dueAt: string;
}

export interface KeySetRow {
  id: string;
  tag: string;
  unit?: string;
  area?: string;
  label: string;
  count: number;
  state: KeySetState;
  holder?: KeyHolder;
  retention?: { agreementNo: string; ownerName: string };
  registeredAt: string;
  lost?: { at: string; note?: string };
  released?: { at: string; to: string; ticketId: string };
}

/** A key request as the list answers it (the Ticket's kind-specific fields). */
export type KeyTicket = Ticket & {
  key?: { tag: string; label: string; count: number; unit?: string; area?: string };
  requester?: { type: string; name: string };
  reason?: string;
  slip?: { number: string; dueAt?: string };
  handOut?: KeyHolder;
  returned?: { at: string; late: boolean };
  overdue?: string[];
};

/** What a key request missed while the key was out (the ticket's `overdue`, KY-1). */
export const KEY_OVERDUE: Record<string, string> = {
  return: '逾期未还',
  closing: '下班未还',
};

export const place = (k: { unit?: string; area?: string }): string => k.unit ?? k.area ?? '';

/** The register's sets as GET /keys answers them; anything unlike a set is left out. */
export function keySetsOf(data: unknown): { keySets: KeySetRow[]; cursor?: string } {
  const body = (data ?? {}) as { keySets?: unknown; cursor?: unknown };
  const keySets = Array.isArray(body.keySets)
    ? (body.keySets as KeySetRow[]).filter((k) => typeof k?.id === 'string' && typeof k.tag === 'string')
    : [];
  return { keySets, ...(typeof body.cursor === 'string' ? { cursor: body.cursor } : {}) };
}

export const overdueOfKey = (t: KeyTicket): string[] => (Array.isArray(t.overdue) ? t.overdue : []);

/**
 * The sets out past their due time: each out set's request has missed its return (or closing)
 * clock. The server's clock decides (a timer fired), never the browser's.
 */
export function overdueSets(requests: readonly KeyTicket[]): Map<string, string[]> {
  return new Map(requests.filter((t) => overdueOfKey(t).length > 0).map((t) => [t.id, overdueOfKey(t)]));
}

const STATE_ORDER: KeySetState[] = ['out', 'in', 'lost', 'released'];

/** The ledger's order: overdue sets first, then the others out (due soonest first), in, lost, released. */
export function ledgerOrder(overdue: Map<string, string[]>) {
  const late = (k: KeySetRow) => (k.holder && overdue.has(k.holder.ticketId) ? 0 : 1);
  return (a: KeySetRow, b: KeySetRow): number =>
    late(a) - late(b) ||
    STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
    (a.holder && b.holder ? Date.parse(a.holder.dueAt) - Date.parse(b.holder.dueAt) : 0) ||
    a.tag.localeCompare(b.tag);
}

/** Key requests: overdue first, then what is due back soonest, then the newest. */
export function requestOrder(a: KeyTicket, b: KeyTicket): number {
  const late = (t: KeyTicket) => (overdueOfKey(t).length > 0 ? 0 : 1);
  const due = (t: KeyTicket) => Date.parse(t.handOut?.dueAt ?? t.slip?.dueAt ?? '') || Infinity;
  return late(a) - late(b) || due(a) - due(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

// 入住 (MI-1..MI-8).

export const MOVE_IN_STEPS = [
  'developer-confirmation',
  'registration',
  'items',
  'fees',
  'keys',
  'inspection',
  'key-retention',
  'meters',
] as const;
export type MoveInStep = (typeof MOVE_IN_STEPS)[number];

/** Each step: its rule, a short title and who records it (shared/domain/move-in/checklist.ts). */
export const STEP: Record<MoveInStep, { rule: string; title: string; by: string; mandatory: boolean }> = {
  'developer-confirmation': { rule: 'MI-1', title: '开发商确认', by: '开发商', mandatory: true },
  registration: { rule: 'MI-2', title: '物业登记', by: '物业部', mandatory: true },
  items: { rule: 'MI-3', title: '领取物品', by: '物业部', mandatory: true },
  fees: { rule: 'MI-4', title: '缴费', by: '财务部', mandatory: true },
  keys: { rule: 'MI-5', title: '领取钥匙', by: '保安部', mandatory: true },
  inspection: { rule: 'MI-6', title: '验房', by: '工程部', mandatory: true },
  'key-retention': { rule: 'MI-7', title: '钥匙留存(可选)', by: '保安部', mandatory: false },
  meters: { rule: 'MI-8', title: '水表读数', by: '工程部', mandatory: true },
};

export const MANDATORY_STEPS = MOVE_IN_STEPS.filter((s) => STEP[s].mandatory);

export interface StepRecord {
  at: string;
  by: string;
  byName?: string;
  times: number;
}

export type MoveInTicket = Ticket & {
  unit?: string;
  owner?: { name: string };
  steps?: Partial<Record<MoveInStep, StepRecord>>;
  missing?: string[];
  repairs?: { number: string; ticketId: string; status?: string }[];
  overdue?: string[];
  completed?: { at: string };
};

export const MOVE_IN_OVERDUE: Record<string, string> = { open: '超期未办完' };

/** The mandatory steps done: the case's progress (MI-7 is optional and never counted). */
export function moveInProgress(t: MoveInTicket): { done: number; total: number; percent: number } {
  const steps = t.steps ?? {};
  const done = MANDATORY_STEPS.filter((s) => steps[s] !== undefined).length;
  const total = MANDATORY_STEPS.length;
  return { done, total, percent: Math.round((done / total) * 100) };
}

/** Move-ins: overdue first, then the least done, then the oldest. */
export function moveInOrder(a: MoveInTicket, b: MoveInTicket): number {
  const late = (t: MoveInTicket) => ((t.overdue ?? []).length > 0 ? 0 : 1);
  return (
    late(a) - late(b) ||
    moveInProgress(a).done - moveInProgress(b).done ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt)
  );
}

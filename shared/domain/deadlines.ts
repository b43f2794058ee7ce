/**
 * The recorded deadlines of a ticket, for the monthly summary's 及时率 (DS-8, CH-10; ADR 021).
 *
 * A ticket's `timers` map keeps only the latest state per timer name: a reopened complaint (CH-6),
 * a rescheduled repair or a re-armed ack-30m starts the same name again and the earlier outcome is
 * gone from it. So one generic step after every event's `apply` (tickets.ts) appends each deadline
 * the event settled (pending → met or missed) to `deadlines`, an append-only list on the ticket
 * item: the month's report reads it with the ticket, and needs neither the events nor a replay.
 *
 * Which timers are deadlines (met or missed), and which only remind or re-text (fired), comes from
 * the kinds' clocks (complaint/clocks.ts CLOCK_RULES, repair OWED_ON_MISS, key, move-in,
 * emergency): DEADLINE_TYPES names each deadline's type in Chinese. Escalation rungs (`*-L2`, the
 * office manager's received-manager, return-escalate, an emergency chain's later levels) are the
 * same obligation pressed higher up: they are recorded but not counted again in the rate.
 */
import type { Department } from './park';
import type { TicketBase, TimerState } from './ticket';

/** One settled deadline: the timer, when it was due, what became of it and when. */
export interface SettledDeadline {
  timer: string;
  dueAt: string;
  state: 'met' | 'missed';
  at: string;
}

/**
 * At most this many entries per ticket (a bounded item: an emergency running every round of its
 * chain settles one per level). Past it the oldest are dropped and `deadlinesDropped` counts them.
 */
export const MAX_SETTLED_DEADLINES = 100;

/** The deadline types the 及时率 counts, with the Chinese label printed on the summary. */
export const DEADLINE_TYPE_LABELS = {
  grade: '受理定级移交(10分钟)',
  handoff: '部门签收(10分钟)',
  'stop-harm': '制止损害(10分钟)',
  supervisor: '主管到场(30分钟)',
  director: '重大投诉报管理处主任(当日)',
  'follow-up': '当日第二次跟进',
  'resolve-2d': '轻微投诉处理(2天)',
  'resolve-resident': '轻微投诉处理(业主期限)',
  'resolve-3d': '重要投诉处理(3天)',
  'reply-2d': '重大投诉明确答复(2天)',
  'resolve-10d': '重大投诉处理(10天)',
  callback: '当日回访',
  'repair-decide': '报修受理决定',
  'repair-ack': '维修接单(30分钟)',
  'repair-appointment': '预约时间到场',
  'repair-complete': '维修完工期限',
  'key-return': '钥匙按时归还',
  'move-in-open': '入住办理期限',
  'emergency-ack': '紧急事件响应确认',
  'emergency-scene': '紧急事件到场',
  'emergency-instruction': '领导指示落实',
} as const;
export type DeadlineType = keyof typeof DEADLINE_TYPE_LABELS;

/** Who answers for a deadline: the desk (客服中心), or a fixed department; `subject`: the one complained about. */
type Owner = Department | 'subject';

interface DeadlineRule {
  type: DeadlineType;
  owner: Owner;
  /** A higher rung of a deadline already counted: recorded, not counted again. */
  rung?: true;
}

/** Deadline timers by name (each kind's clocks.ts names them); anything else is not a deadline. */
const RULES: Readonly<Record<string, DeadlineRule>> = {
  // Complaints (CH-2, CH-4, CH-5, CH-6, CH-7, CH-8, DS-5).
  'grade-10m': { type: 'grade', owner: 'customer-service' },
  'grade-L2': { type: 'grade', owner: 'customer-service', rung: true },
  'handoff-10m': { type: 'handoff', owner: 'subject' },
  'handoff-L2': { type: 'handoff', owner: 'subject', rung: true },
  'harm-10m': { type: 'stop-harm', owner: 'subject' },
  'harm-L2': { type: 'stop-harm', owner: 'subject', rung: true },
  'supervisor-30m': { type: 'supervisor', owner: 'subject' },
  'supervisor-L2': { type: 'supervisor', owner: 'subject', rung: true },
  'director-eod': { type: 'director', owner: 'management' },
  'director-L2': { type: 'director', owner: 'management', rung: true },
  'follow-up-eod': { type: 'follow-up', owner: 'customer-service' },
  'resolve-2d': { type: 'resolve-2d', owner: 'subject' },
  'resolve-by-resident': { type: 'resolve-resident', owner: 'subject' },
  'resolve-3d': { type: 'resolve-3d', owner: 'subject' },
  'reply-2d': { type: 'reply-2d', owner: 'subject' },
  'resolve-10d': { type: 'resolve-10d', owner: 'subject' },
  'callback-eod': { type: 'callback', owner: 'customer-service' },
  // Repairs (RP-2, issue 11 items 4-6): the desk decides, engineering takes and finishes the job.
  'received-desk': { type: 'repair-decide', owner: 'customer-service' },
  'received-manager': { type: 'repair-decide', owner: 'customer-service', rung: true },
  'ack-30m': { type: 'repair-ack', owner: 'engineering' },
  'appointment-due': { type: 'repair-appointment', owner: 'engineering' },
  'complete-by': { type: 'repair-complete', owner: 'engineering' },
  'complete-L2': { type: 'repair-complete', owner: 'engineering', rung: true },
  // Keys (KY-4): security takes the key back by its due time.
  'return-due': { type: 'key-return', owner: 'security' },
  'return-escalate': { type: 'key-return', owner: 'security', rung: true },
  // Move-in: the case done within the park's days.
  'open-too-long': { type: 'move-in-open', owner: 'property-office' },
  // Emergencies (EM-3): on the scene in time; the leadership's instructions carried out.
  'scene-due': { type: 'emergency-scene', owner: 'security' },
};

/** EM-2: the chain's first step (`escalate-r1-L1`) counts; its later levels are rungs. */
const EMERGENCY_CHAIN = /^escalate-r(\d+)-L(\d+)$/;
const INSTRUCTION = /^instruction-\d+-due$/;

/** The deadline rule of a timer name, or undefined for a reminder, a daily re-text, a closing check. */
export function deadlineRule(timer: string): DeadlineRule | undefined {
  const rule = RULES[timer];
  if (rule) return rule;
  const chain = EMERGENCY_CHAIN.exec(timer);
  if (chain) {
    const first = chain[1] === '1' && chain[2] === '1';
    return { type: 'emergency-ack', owner: 'customer-service', ...(first ? {} : { rung: true as const }) };
  }
  if (INSTRUCTION.test(timer)) return { type: 'emergency-instruction', owner: 'management' };
  return undefined;
}

/** The department that answers for `timer` on a ticket whose complaint names `subject`. */
export function deadlineDepartment(rule: DeadlineRule, subject: Department | undefined): Department {
  if (rule.owner !== 'subject') return rule.owner;
  return subject ?? 'customer-service';
}

/** What the generic step keeps on the ticket (absent until the first deadline settles). */
export interface DeadlineLog {
  deadlines?: SettledDeadline[];
  deadlinesDropped?: number;
}

/**
 * The generic step after an event's apply: every deadline timer that was pending before and is
 * met or missed after is appended to `after.deadlines` (DS-8's 及时率; ADR 021). Everything else
 * of `after` is left as the kind's apply made it. Depends on the two states alone, so a replay
 * of the events gives the same list.
 */
export function withSettledDeadlines<T extends TicketBase & DeadlineLog>(before: T | undefined, after: T): T {
  const was: Record<string, TimerState> = before?.timers ?? {};
  const settled: SettledDeadline[] = [];
  for (const [timer, now] of Object.entries(after.timers ?? {})) {
    const earlier = was[timer];
    if (earlier?.state !== 'pending' || (now.state !== 'met' && now.state !== 'missed')) continue;
    if (!deadlineRule(timer)) continue;
    settled.push({ timer, dueAt: earlier.dueAt, state: now.state, at: now.settledAt ?? after.updatedAt });
  }
  if (settled.length === 0) return after;
  const all = [...(before?.deadlines ?? after.deadlines ?? []), ...settled];
  const dropped = Math.max(0, all.length - MAX_SETTLED_DEADLINES);
  const deadlinesDropped = (before?.deadlinesDropped ?? 0) + dropped;
  return {
    ...after,
    deadlines: all.slice(dropped),
    ...(deadlinesDropped > 0 ? { deadlinesDropped } : {}),
  };
}

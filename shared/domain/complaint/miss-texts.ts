/**
 * What each missed complaint deadline says and to whom (CH-4..CH-8, DS-5), who owes what, and the
 * escalation ladder's levels (ADR 016): the tables notifications.ts and still-overdue.ts read.
 */
import type { AckLinkPurpose } from '../ack-link';
import type { Role } from '../park';
import type { ComplaintTicket, ComplaintTimer, Obligation } from './model';
import { COMPLAINT_TIMERS as T, ESCALATION_LADDER } from './model';
import { openAckSteps, ROUTING_ROLES } from './signatures';

/** Fallback chains: the first role that has anybody in the directory is texted. */
export const COMPLAINT_CHAINS = {
  supervisor: ROUTING_ROLES.supervisor,
  officeManager: ['office-manager', 'office-director'],
  director: ROUTING_ROLES.director,
  deputyGm: ['deputy-gm', 'gm'],
  gm: ['gm'],
  customerServiceLead: ['customer-service-lead', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;

export type Who = 'desk' | 'heads' | keyof typeof COMPLAINT_CHAINS;

/**
 * How long a complaint's links work: CH-7's longest time to resolve (a major complaint, 10 days),
 * so the report sheet's link still reports the work done at the end.
 */
export const COMPLAINT_LINK_DAYS = 10;

/**
 * What a missed clock says, and to whom: the person who must act first, then up the chain.
 * `act`: the people among them who can do what is owed themselves, with the link that does it
 * and the words that ask for it (the others are asked to follow up, 跟进, or press on, 督办).
 */
export interface MissText {
  to: readonly Who[];
  body: (no: string, dept: string) => string;
  ask: string;
  act?: { who: 'heads'; purpose: (ticket: ComplaintTicket) => AckLinkPurpose; ask: string };
}

/** The department reports the work done: with the report sheet's link while that is unsigned. */
export const resolveLink = (ticket: ComplaintTicket): AckLinkPurpose =>
  openAckSteps(ticket).includes('report-sheet') ? 'report-sheet' : 'resolve';
export const RESOLVE = { who: 'heads', purpose: resolveLink, ask: ',处理完毕请点:' } as const;

/** CH-4, CH-5, CH-6, CH-7, CH-8: each missed deadline's text and its people, first who must act. */
export type MissedTimer = Exclude<
  ComplaintTimer,
  | typeof T.followUp
  | typeof T.oneMonth
  | typeof T.followUpEod
  | typeof T.overdueDay1
  | typeof T.overdueDay2
  | typeof T.overdueDay3
>;

export const MISS_TEXTS: Record<MissedTimer, MissText> = {
  [T.grade]: {
    to: ['desk', 'customerServiceLead'],
    body: (no) => `投诉${no}受理10分钟未定性呈报:`,
    ask: ',请即处理。',
  },
  [T.gradeL2]: { to: ['supervisor'], body: (no) => `投诉${no}受理20分钟仍未呈报:`, ask: ',请督办。' },
  [T.handoff]: {
    to: ['desk', 'heads'],
    body: (no, dept) => `投诉呈报单${no}已10分钟未签收(${dept}):`,
    ask: ',请跟进。',
    act: { who: 'heads', purpose: () => 'report-sheet', ask: ',请即签收:' },
  },
  [T.handoffL2]: {
    to: ['supervisor'],
    body: (no, dept) => `投诉呈报单${no}已20分钟仍未签收(${dept}):`,
    ask: ',请督办。',
  },
  [T.harm]: {
    to: ['desk', 'heads'],
    body: (no, dept) => `紧急!投诉${no}止损10分钟未确认(${dept}):`,
    ask: ',请跟进。',
    act: { who: 'heads', purpose: () => 'stop-harm', ask: ',止损后请点:' },
  },
  [T.harmL2]: {
    to: ['supervisor'],
    body: (no, dept) => `紧急!投诉${no}止损20分钟仍未确认(${dept}):`,
    ask: ',请督办。',
  },
  [T.supervisor]: {
    to: ['officeManager'],
    body: (no) => `重要投诉${no}已30分钟未获主管签收:`,
    ask: ',请督办。',
  },
  [T.supervisorL2]: {
    to: ['deputyGm'],
    body: (no) => `重要投诉${no}已1小时仍未获主管签收:`,
    ask: ',请督办。',
  },
  [T.director]: { to: ['officeManager'], body: (no) => `重大投诉${no}当日未获主任签收:`, ask: ',请督办。' },
  [T.directorL2]: { to: ['deputyGm'], body: (no) => `重大投诉${no}次日仍未获主任签收:`, ask: ',请督办。' },
  [T.resolveMinor]: {
    to: ['heads', 'supervisor'],
    body: (no, dept) => `轻微投诉${no}超2天未解决(${dept}):`,
    ask: ',请督办。',
    act: RESOLVE,
  },
  [T.resolveByResident]: {
    to: ['heads', 'supervisor'],
    body: (no, dept) => `轻微投诉${no}超业主要求期限未解决(${dept}):`,
    ask: ',请督办。',
    act: RESOLVE,
  },
  [T.resolveImportant]: {
    to: ['heads', 'officeManager'],
    body: (no, dept) => `重要投诉${no}超3天未处置完毕(${dept}):`,
    ask: ',请督办。',
    act: RESOLVE,
  },
  [T.replyMajor]: {
    to: ['director', 'deputyGm'],
    body: (no) => `重大投诉${no}已2天未明确答复业主:`,
    ask: ',请督办。',
  },
  [T.resolveMajor]: {
    to: ['director', 'deputyGm'],
    body: (no, dept) => `重大投诉${no}超10天未解决(${dept}):`,
    ask: ',请督办。',
  },
  [T.callback]: {
    to: ['customerServiceLead'],
    body: (no) => `投诉${no}已处理,当日未回访业主:`,
    ask: ',请即回访。',
  },
};

/** DS-5 at closing time, by what is missing. */
export const EOD_TEXTS = {
  both: (no: string) => `投诉${no}下班前未二次跟进且未安排处理:`,
  arranged: (no: string, dept: string) => `投诉${no}至下班仍未处理或安排(${dept}):`,
  followUp: (no: string) => `投诉${no}下班前未做第二次跟进:`,
};

export const isMissed = (timer: string): timer is MissedTimer => Object.hasOwn(MISS_TEXTS, timer);
export const ladderIndex = (who: Who) => (ESCALATION_LADDER as readonly string[]).indexOf(who);

/** The highest level of the escalation ladder a miss of `timer` texts (-1: none of it). */
export function missLevel(timer: ComplaintTimer): number {
  if (timer === T.followUpEod) return ladderIndex('officeManager');
  return isMissed(timer) ? Math.max(-1, ...MISS_TEXTS[timer].to.map(ladderIndex)) : -1;
}

/** The rung whose miss starts each second rung (clocks.ts's `next`). */
export const PREVIOUS_RUNG: Partial<Record<MissedTimer, MissedTimer>> = {
  [T.gradeL2]: T.grade,
  [T.handoffL2]: T.handoff,
  [T.harmL2]: T.harm,
  [T.supervisorL2]: T.supervisor,
  [T.directorL2]: T.director,
};

/** Who owes each signature or step, so that an escalation about it passes them by (ADR 016). */
export const OWED_BY: Partial<Record<Obligation, Who>> = {
  grade: 'desk',
  'report-sheet': 'heads',
  'stop-harm': 'heads',
  resolve: 'heads',
  supervisor: 'supervisor',
  director: 'director',
};

/** What is owed, as the SMS says it. */
export const OWED_LABELS: Record<Obligation, string> = {
  grade: '定性呈报',
  'report-sheet': '签收呈报单',
  'stop-harm': '止损确认',
  supervisor: '主管签收',
  director: '主任签收',
  'follow-up': '跟进',
  reply: '答复业主',
  resolve: '解决',
  callback: '回访',
};

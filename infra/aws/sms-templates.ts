/**
 * Every SMS text the desk sends, as templates: what a sender registration for mainland China (+86)
 * numbers must list. Generated from the code, never written by hand: the kinds' own rules are driven
 * through stories (open, commands, every timer left to run out, a number that cannot take SMS) with
 * sentinel values in every variable field, and each notification's text is turned into a template
 * by putting `{description}`, `{number}`, … where the sentinels and other variable parts are.
 *
 *   npx tsx infra/aws/sms-templates.ts     writes docs/sms-templates.md
 *
 * test/infra/sms-templates.test.ts fails when the committed file is not what this prints.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NO_LINK } from '../../shared/app/emergency-links';
import {
  ackPurpose,
  decideUndeliverable,
  type EmergencyCategory,
  type EmergencyTicket,
  hasLink,
} from '../../shared/domain/emergency';
import { CATEGORY_LABELS } from '../../shared/domain/emergency/model';
import {
  applyKeySetEvent,
  type KeyHolder,
  type KeySetEvent,
  keyRefFor,
  keySetNotifications,
  REQUESTER_LABELS,
  registerKeySet,
  reportKeySetLost,
} from '../../shared/domain/key';
import type { RuleContext } from '../../shared/domain/kind';
import {
  DEPARTMENT_LABELS,
  GROUP_OF_ROLE,
  type Park,
  ROLE_LABELS,
  type StaffMember,
} from '../../shared/domain/park';
import { LIMIT_DEFAULTS } from '../../shared/domain/limits';
import { monthlyReminders } from '../../shared/domain/monthly-reminder';
import type { Notification } from '../../shared/domain/sms';
import { budgetAlert } from '../../shared/domain/sms-budget';
import { WEEKLY_REVIEW_PURPOSE, weeklyReviewText } from '../../shared/app/weekly-review-sms';
import { type Actor, SYSTEM_ACTOR, type TicketKind } from '../../shared/domain/ticket';
import {
  rulesOf,
  type Ticket,
  type TicketCommandBody,
  type TicketEventOf,
} from '../../shared/domain/tickets';
import { DEMO_PARK, DEMO_STAFF } from '../local/demo-park';

export const SMS_TEMPLATES_FILE = fileURLToPath(new URL('../../docs/sms-templates.md', import.meta.url));

/** Private-use characters stand for the variable fields while the rules run; none can occur in real text. */
const SENTINEL = {
  description: '\uE000',
  unit: '\uE001',
  location: '\uE002',
  number: '\uE003',
  name: '\uE004',
  place: '\uE005',
  text: '\uE006',
  from: '\uE007',
  tag: '\uE008',
  label: '\uE009',
} as const;
/** A fee no fixed text contains: `有偿{fee}元`. */
const FEE = 987_654;

export const PLACEHOLDERS: Record<string, string> = {
  '{number}': 'the ticket’s register number, e.g. R20261127-003, C20261127-001, E20261128-001',
  '{unit}': 'the caller’s unit (else the repair’s location; for a key set its unit or area), e.g. 3-2-1502',
  '{description}':
    'what the caller reported; a long one is shortened with … to fit (one 70-character segment, two with a link), never below its first 30 characters',
  '{location}': 'where an emergency is',
  '{place}': 'where a complaint’s matter happened',
  '{name}': 'a member of staff’s name, or the resident’s (the technician calls ahead)',
  '{phone}': 'the resident’s phone as dialled, e.g. 13800000001',
  '{department}': 'the department a complaint is about, e.g. 工程部',
  '{category}': 'the emergency’s category: 公共安全事件, 火警, 人身交通事故 or 紧急公务',
  '{role}': 'the role of the chain level that did not answer, e.g. 办公室主任',
  '{time}': 'a park-local date and time, e.g. 11月27日15:00 (a repair’s wanted time may read 尽快)',
  '{fee}': 'the agreed fee of a paid repair, in yuan',
  '{round}': 'the round of the emergency chain (2, 3, …)',
  '{rounds}': 'how many rounds the emergency chain went through',
  '{n}': 'the number of a leader’s instruction',
  '{text}': 'a leader’s instruction, whole; the reason given for a repair’s correction (cancel, reopen)',
  '{from}': 'who gave the instruction',
  '{tag}': 'the tag on a key set’s ring, e.g. K-0153',
  '{label}': 'what a key set opens, e.g. 入户门钥匙, shortened with … so the text fits one segment',
  '{requester}': 'who asked for the key: 业主, 租户, 中介, 其他 or 内部员工',
  '{count}':
    'how many (keys on a ring, key sets still out, move-in steps missing, last week’s complaints still open)',
  '{week}': 'the reviewed week’s Monday to Sunday, e.g. 11月23日-11月29日 (DS-7’s weekly review, ADR 022)',
  '{minutes}':
    'how many minutes a key is past its due time; a repair waited for RP-2 or is past its completion deadline (the park’s repair settings)',
  '{days}': 'how many days a move-in has been open (the park’s moveIn.openDays, default 7)',
  '{steps}': 'the move-in steps still missing, by rule number: 2/3/8 for MI-2, MI-3, MI-8',
  '{keys}': 'the keys still out at closing time, each as tag, place and holder, shortened with … to fit',
  '{limit}': 'the SMS budget reached: per ticket, or per park and hour (ADR 011)',
  '{day}': 'the working day a complaint’s missed deadline is texted again, one level up (1–3, ADR 016)',
  '{owed}': 'what a complaint still owes past its deadline, e.g. 签收呈报单、跟进、解决 (ADR 016)',
  '{year}': 'CH-10: the year of the month whose summary has no report yet, e.g. 2026',
  '{month}': 'CH-10: that month, e.g. 11',
  '{dueDay}': 'CH-10: the day of the month the report is due by (30, or the last day in February)',
  '{link}': `the personal signed link (https://…/ack/ and a 12-character token); when it cannot be made, the text ends in ${NO_LINK}`,
};

export interface SmsTemplate {
  kind: TicketKind;
  /** Why it is sent (the SMS record's purpose), numbers replaced by `n`. */
  purposes: string[];
  text: string;
}

// ---------------------------------------------------------------- the stories

/** What the stories sent, in order. */
type Sent = { kind: TicketKind; notification: Notification }[];

/** The values the stories put in every variable field: sentinels for the templates, real ones for tests. */
export type StoryValues = Record<keyof typeof SENTINEL, string> & {
  /** The emergencies' category. */
  category: EmergencyCategory;
  /** The park's SMS signature. */
  signature: string;
  /** The directory's names: the sentinel for every one, or the demo directory's own. */
  staffNames: 'sentinel' | 'demo';
  /** A paid repair's fee in yuan. */
  fee: number;
};

const SENTINEL_VALUES: StoryValues = {
  ...SENTINEL,
  category: 'fire',
  signature: '',
  staffNames: 'sentinel',
  fee: FEE,
};

/** The park, its directory and the values of one run of the stories, and what they sent. */
class World {
  readonly park: Park;
  readonly staff: StaffMember[];
  readonly caller: { name: string; phone: string; unit: string };
  readonly out: Sent = [];

  constructor(readonly v: StoryValues) {
    this.park = { ...DEMO_PARK, smsSignature: v.signature };
    // Names reach texts through events and tickets: a sentinel for each, unless real ones are wanted.
    this.staff = DEMO_STAFF.map((s) => (v.staffNames === 'demo' ? s : { ...s, name: v.name }));
    this.caller = { name: v.name, phone: '+8613800000001', unit: v.unit };
  }

  actor(staffId: string): Actor {
    const person = this.staff.find((s) => s.id === staffId);
    if (!person) throw new Error(`sms-templates: no ${staffId} in the demo directory`);
    return { staffId, groups: [...new Set(person.roles.map((r) => GROUP_OF_ROLE[r]))], name: person.name };
  }
}

/** One ticket driven through the kind's rules, collecting every SMS its events send. */
class Story {
  ticket: Ticket;
  private now: Date;
  private readonly tried = new Set<string>();

  constructor(
    private readonly w: World,
    kind: TicketKind,
    intake: Record<string, unknown>,
    opener: Actor,
    at: string,
  ) {
    this.now = new Date(at);
    const rules = rulesOf(kind);
    const opened = rules.open(
      { id: `sms-templates-${kind}`, parkId: w.park.id, number: w.v.number, intake },
      this.ctx(opener),
    );
    this.ticket = opened.ticket as Ticket;
    this.collect(opened.event as TicketEventOf);
  }

  private ctx(who: Actor): RuleContext {
    return { now: this.now, actor: who, park: this.w.park, staff: this.w.staff };
  }

  private collect(event: TicketEventOf): void {
    const { staff, park, out } = this.w;
    for (const notification of rulesOf(this.ticket.kind).notifications(event, this.ticket, staff, park)) {
      out.push({ kind: this.ticket.kind, notification });
    }
  }

  /** Records a decided event as the use cases do: next seq, now, the actor; then its SMS. */
  append(draft: Omit<TicketEventOf, 'seq' | 'at' | 'actor'>, who: Actor = SYSTEM_ACTOR): this {
    const event = {
      ...draft,
      seq: this.ticket.version + 1,
      at: this.now.toISOString(),
      actor: who,
    } as TicketEventOf;
    this.ticket = rulesOf(this.ticket.kind).apply(this.ticket, event) as Ticket;
    this.collect(event);
    return this;
  }

  at(iso: string): this {
    this.now = new Date(iso);
    return this;
  }

  command(command: TicketCommandBody, by: string): this {
    const who = this.w.actor(by);
    return this.append(rulesOf(this.ticket.kind).decide(this.ticket, command, this.ctx(who)), who);
  }

  /** Nobody acts any more: every pending timer falls due in turn, as Scheduler would fire it. */
  runOut(limit = 200, until: (ticket: Ticket) => boolean = () => false): this {
    for (let i = 0; i < limit; i++) {
      if (until(this.ticket)) return this;
      const next = Object.entries(this.ticket.timers)
        .filter(([name, t]) => t.state === 'pending' && !this.tried.has(`${name}@${t.dueAt}`))
        .sort(([, a], [, b]) => a.dueAt.localeCompare(b.dueAt))[0];
      if (!next) return this;
      const [name, timer] = next;
      this.tried.add(`${name}@${timer.dueAt}`);
      this.now = new Date(Math.max(this.now.getTime(), Date.parse(timer.dueAt)));
      const draft = rulesOf(this.ticket.kind).timerDue(this.ticket, name, this.ctx(SYSTEM_ACTOR));
      if (draft) this.append(draft);
    }
    throw new Error(`sms-templates: ${this.ticket.kind} timers did not run out in ${limit} firings`);
  }
}

/** The caller's phone as the technician's SMS shows it (sms.ts phoneForSms). */
const RESIDENT_PHONE = '13800000001';
const phoneCall = { channel: 'ivr-twilio' as const, callId: 'CA-sms-templates' };
const MORNING = '2026-11-27T09:00:00+08:00';

function repairStories(w: World): void {
  const repair = (extra: Record<string, unknown> = {}) => ({
    caller: w.caller,
    description: w.v.description,
    location: w.v.location,
    wantedAt: '2026-11-27T15:00:00+08:00',
    ...extra,
  });
  // RP-2 left to the desk: at the desk, and from the phone line.
  // Issue 11 item 4: left undecided, the desk then the office manager are texted.
  new Story(w, 'repair', repair(), w.actor('dispatcher-1'), MORNING).runOut();
  new Story(w, 'repair', repair({ source: phoneCall }), SYSTEM_ACTOR, MORNING);
  // Dispatched, nobody assigned in 30 minutes.
  new Story(w, 'repair', repair({ decision: 'dispatch' }), w.actor('dispatcher-1'), MORNING).runOut();
  // A paid repair, assigned, reassigned, not acknowledged.
  new Story(
    w,
    'repair',
    repair({ decision: 'dispatch', paidService: { fee: w.v.fee, consent: true } }),
    w.actor('dispatcher-1'),
    MORNING,
  )
    .command({ type: 'assign', staffId: 'technician-1' }, 'dispatcher-1')
    .command({ type: 'assign', staffId: 'technician-2' }, 'dispatcher-1')
    .runOut();
  // A booked appointment: the reminder without, then with, a technician.
  const booked = { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' };
  new Story(w, 'repair', repair(booked), w.actor('dispatcher-1'), MORNING).runOut();
  new Story(w, 'repair', repair(booked), w.actor('dispatcher-1'), MORNING)
    .command({ type: 'assign', staffId: 'technician-1' }, 'dispatcher-1')
    .runOut();
  // Issue 11 item 8: corrections (CH-11). Cancelled with a technician on it; moved; reopened.
  new Story(w, 'repair', repair({ decision: 'dispatch' }), w.actor('dispatcher-1'), MORNING)
    .command({ type: 'assign', staffId: 'technician-1' }, 'dispatcher-1')
    .command({ type: 'cancel', reason: w.v.text }, 'dispatcher-1');
  new Story(w, 'repair', repair(booked), w.actor('dispatcher-1'), MORNING)
    .command({ type: 'assign', staffId: 'technician-1' }, 'dispatcher-1')
    .command(
      { type: 'reschedule', appointmentAt: '2026-11-29T15:00:00+08:00', reason: w.v.text },
      'dispatcher-1',
    );
  new Story(w, 'repair', repair({ decision: 'dispatch' }), w.actor('dispatcher-1'), MORNING)
    .command({ type: 'assign', staffId: 'technician-1' }, 'dispatcher-1')
    .command({ type: 'acknowledge' }, 'technician-1')
    .command({ type: 'complete', serviceSlip: { number: 'S-1', signedBy: w.v.name } }, 'technician-1')
    .command({ type: 'close' }, 'dispatcher-1')
    .command({ type: 'reopen', reason: w.v.text }, 'dispatcher-1');
}

function complaintStories(w: World): void {
  const complaint = (extra: Record<string, unknown> = {}) => ({
    caller: w.caller,
    occurredAt: '2026-11-27T08:30:00+08:00',
    place: w.v.place,
    description: w.v.description,
    ...extra,
  });
  const about = { department: 'engineering' };
  // From the phone, left ungraded: the desk is told, then its clocks run out.
  new Story(w, 'complaint', complaint({ source: phoneCall }), SYSTEM_ACTOR, MORNING).runOut();
  // Graded at the desk, each severity; nobody acts (every clock of the procedure misses).
  for (const grading of [
    { valid: true, severity: 'minor', about, residentDeadline: '2026-11-28T12:00:00+08:00' },
    { valid: true, severity: 'minor', about },
    { valid: true, severity: 'important', about, ongoingHarm: true },
    { valid: true, severity: 'major', about },
    { valid: false, about },
  ]) {
    new Story(w, 'complaint', complaint(grading), w.actor('dispatcher-1'), MORNING).runOut();
  }
  // Resolved: the supervisor is told of the callback; the callback then misses.
  new Story(
    w,
    'complaint',
    complaint({ valid: true, severity: 'minor', about }),
    w.actor('dispatcher-1'),
    MORNING,
  )
    .command({ type: 'acknowledge', step: 'report-sheet' }, 'engineering-manager-1')
    .command({ type: 'resolve', confirmedBy: w.v.name, via: 'phone' }, 'dispatcher-1')
    .runOut();
  // A dissatisfied callback: the case goes back to the department.
  new Story(
    w,
    'complaint',
    complaint({ valid: true, severity: 'minor', about }),
    w.actor('dispatcher-1'),
    MORNING,
  )
    .command({ type: 'acknowledge', step: 'report-sheet' }, 'engineering-manager-1')
    .command({ type: 'resolve', confirmedBy: w.v.name, via: 'phone' }, 'dispatcher-1')
    .command({ type: 'callback', outcome: 'dissatisfied' }, 'dispatcher-1');
  // DS-5 at closing time, for each combination of what is missing.
  for (const reasons of [
    ['second-follow-up-missing', 'nothing-arranged'],
    ['nothing-arranged'],
    ['second-follow-up-missing'],
  ]) {
    const story = new Story(
      w,
      'complaint',
      complaint({ valid: true, severity: 'minor', about }),
      w.actor('dispatcher-1'),
      MORNING,
    );
    const timer = story.ticket.timers['follow-up-eod'];
    if (!timer) throw new Error('sms-templates: a handed-off complaint has no follow-up-eod clock');
    story.at(timer.dueAt).append({
      type: 'complaint.escalated',
      data: { timer: 'follow-up-eod', dueAt: timer.dueAt, owes: 'follow-up', reasons, timers: {} },
    } as never);
  }
}

function emergencyStories(w: World): void {
  const emergency = (extra: Record<string, unknown> = {}) => ({
    category: w.v.category,
    location: w.v.location,
    description: w.v.description,
    ...extra,
  });
  // Opened at the desk: the chain, the responders; nobody answers any round.
  const unanswered = new Story(w, 'emergency', emergency(), w.actor('dispatcher-1'), MORNING);
  unanswered.runOut();
  // A number that cannot take SMS (EM-2 moves on at once), in the first round and in the second.
  for (const round of [1, 2]) {
    const story = new Story(w, 'emergency', emergency(), w.actor('dispatcher-1'), MORNING).runOut(
      200,
      (t) => ((t as EmergencyTicket).chain.step?.round ?? 0) >= round,
    );
    const ticket = story.ticket as EmergencyTicket;
    const step = ticket.chain.step;
    const to = step?.recipients[0]?.staffId;
    if (!step || !to) throw new Error(`sms-templates: the emergency chain told nobody in round ${round}`);
    const undeliverable = decideUndeliverable(
      ticket,
      {
        staffId: to,
        purpose: ackPurpose(step),
        eventSeq: ticket.version,
        index: 0,
        error: 'SmsUndeliverable',
      },
      w.staff,
      new Date(MORNING),
    );
    if (!undeliverable) throw new Error('sms-templates: an undeliverable chain SMS did not move the chain');
    story.append(undeliverable);
  }
  // From the phone line: the desk on shift is asked to own it; a handover; an instruction left undone.
  new Story(w, 'emergency', emergency({ source: phoneCall }), SYSTEM_ACTOR, MORNING);
  new Story(w, 'emergency', emergency(), w.actor('dispatcher-1'), MORNING)
    .command({ type: 'hand-over', staffId: 'duty-officer-1' }, 'dispatcher-1')
    .command(
      {
        type: 'instructions',
        from: w.v.from,
        to: 'security-manager-1',
        text: w.v.text,
        dueAt: '2026-11-27T10:00:00+08:00',
      },
      'dispatcher-1',
    )
    .runOut();
  // Issue 11 items 16, 17: a responder arrives and reports; a leader's instruction done, another
  // closed with the case and its note.
  const due = '2026-11-27T12:00:00+08:00';
  new Story(w, 'emergency', emergency(), w.actor('dispatcher-1'), MORNING)
    .command({ type: 'acknowledge' }, 'office-manager-1')
    .command({ type: 'on-scene' }, 'security-captain-1')
    .command({ type: 'report', text: w.v.text }, 'security-captain-1')
    .command(
      {
        type: 'instructions',
        from: w.v.from,
        fromStaffId: 'gm-1',
        to: 'security-captain-1',
        text: w.v.text,
        dueAt: due,
      },
      'dispatcher-1',
    )
    .command(
      {
        type: 'instructions',
        from: w.v.from,
        fromStaffId: 'gm-1',
        to: 'security-manager-1',
        text: w.v.text,
        dueAt: due,
      },
      'dispatcher-1',
    )
    .command({ type: 'instruction-done', number: 1, result: w.v.text }, 'security-captain-1')
    .command({ type: 'sign-off', comment: '同意销项' }, 'office-manager-1')
    .command({ type: 'close', instructions: [{ number: 2, note: w.v.text }] }, 'dispatcher-1');
}

function keyStories(w: World): void {
  const { park, staff } = w;
  const guard = w.actor('security-guard-1');
  const registered = registerKeySet(
    { unit: w.v.unit, label: w.v.label, count: 2, tag: w.v.tag },
    { id: 'sms-templates-key-set', parkId: park.id },
    new Date(MORNING),
    guard,
  ).keySet;
  const keySetSent = (event: KeySetEvent, before = registered) => {
    const after = applyKeySetEvent(before, event);
    for (const notification of keySetNotifications(event, after, staff, park))
      w.out.push({ kind: 'key', notification });
    return after;
  };
  // A tenant's key out: not back by its due time, then the manager; the closing-time list.
  const story = new Story(
    w,
    'key',
    {
      keyId: registered.id,
      requester: { type: 'tenant', name: w.v.name, phone: '+8613800000004' },
      reason: w.v.text,
      key: keyRefFor(registered, []),
    },
    w.actor('property-office-1'),
    MORNING,
  )
    .command({ type: 'verify', ownerCall: { outcome: 'confirmed' } }, 'property-office-1')
    .command({ type: 'issue-slip' }, 'property-office-1')
    .command(
      { type: 'hand-out', guardId: 'security-guard-1', idChecked: true, escortId: 'security-guard-2' },
      'security-guard-1',
    )
    .runOut(10, (t) => t.timers['return-escalate']?.state !== 'pending');
  const closing = Object.entries(story.ticket.timers).find(
    ([name, t]) => name.startsWith('closing-') && t.state === 'pending',
  );
  if (!closing) throw new Error('sms-templates: a key out has no closing check');
  const [timer, { dueAt }] = closing;
  const listed = {
    tag: w.v.tag,
    place: w.v.unit,
    label: w.v.label,
    holder: w.v.name,
    ticketNumber: w.v.number,
    dueAt,
  };
  story.at(dueAt).append({
    type: 'timer.fired',
    data: { timer, dueAt, rollCall: { closingAt: dueAt, keys: [listed] } },
  } as never);
  // A key lost in the cabinet, and one lost while out.
  const at = new Date(MORNING).toISOString();
  keySetSent({ ...reportKeySetLost(registered, undefined), seq: 2, at, actor: guard } as KeySetEvent);
  const holder: KeyHolder = {
    name: w.v.name,
    requesterType: 'tenant',
    ticketId: 't',
    ticketNumber: w.v.number,
    slipNumber: 's',
    guardId: guard.staffId,
    guardName: w.v.name,
    since: at,
    dueAt: at,
  };
  const outSet = applyKeySetEvent(registered, {
    type: 'key.handed-out',
    data: holder,
    seq: 2,
    at,
    actor: guard,
  });
  keySetSent({ ...reportKeySetLost(outSet, undefined), seq: 3, at, actor: guard } as KeySetEvent, outSet);
}

/** DS-7 (ADR 022): the Monday SMS to the dispatcher on duty to review last week's complaints. */
function weeklyReviewStories(w: World): void {
  const dispatcher = w.staff.find((s) => s.roles.includes('dispatcher'));
  if (!dispatcher) throw new Error('sms-templates: no dispatcher in the demo directory');
  w.out.push({
    kind: 'complaint',
    notification: {
      to: dispatcher,
      text: weeklyReviewText(w.park.smsSignature, '2026-W48', 12, w.park.timeZone),
      purpose: WEEKLY_REVIEW_PURPOSE,
      link: { purpose: 'weekly-review', expiresAt: '2026-12-07T00:30:00.000Z' },
    },
  });
}

/** A budget reached (ADR 011): the one alert to the office manager, on a ticket of each kind. */
function budgetAlertStories(w: World): void {
  const { park, staff } = w;
  for (const kind of ['repair', 'complaint', 'emergency'] as const) {
    const ticket = { kind, number: w.v.number };
    for (const [budget, limit] of [
      ['ticket', LIMIT_DEFAULTS.smsPerTicket],
      ['park-hour', LIMIT_DEFAULTS.smsPerParkHour],
    ] as const) {
      for (const notification of budgetAlert(budget, limit, ticket, staff, park))
        w.out.push({ kind, notification });
    }
  }
}

/** CH-10: a month without the dispatcher's report by its due day: customer service's lead (issue 13 item 4). */
function monthlyReminderStories(w: World): void {
  for (const notification of monthlyReminders(
    w.park,
    w.staff,
    '2026-11',
    new Date('2026-11-30T00:30:00.000Z'),
  )) {
    w.out.push({ kind: 'complaint', notification });
  }
}

// ---------------------------------------------------------------- texts → templates

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneOf = (labels: readonly string[]) => labels.map(escapeRegExp).join('|');

/** The template of one sent text: sentinels and other variable parts replaced by placeholders. */
export function templateOf(kind: TicketKind, text: string): string {
  let t = text;
  for (const [field, sentinel] of Object.entries(SENTINEL)) t = t.split(sentinel).join(`{${field}}`);
  t = t
    .split(RESIDENT_PHONE)
    .join('{phone}')
    .replace(/\d{1,2}月\d{1,2}日\d{2}:\d{2}/g, '{time}')
    .replace(new RegExp(`有偿${FEE}元`, 'g'), '有偿{fee}元')
    .replace(/第\d+轮/g, '第{round}轮')
    .replace(/经\d+轮/g, '经{rounds}轮')
    .replace(/指示#\d+/g, '指示#{n}')
    .replace(/已发满\d+条/g, '已发满{limit}条');
  if (kind === 'complaint') {
    // CH-10's reminder: the month and the day it is due by.
    t = t
      .replace(/\d{4}年\d{1,2}月《/g, '{year}年{month}月《')
      .replace(/须于\d{1,2}月\d{1,2}日前/g, '须于{month}月{dueDay}日前');
    t = t.replace(
      new RegExp(`\\((${oneOf(Object.values(DEPARTMENT_LABELS))}|未定部门)\\)`, 'g'),
      '({department})',
    );
    // ADR 016: a deadline still missed, texted again on working day {day} with what is owed.
    // DS-7's Monday SMS (ADR 022): the reviewed week and how many of its complaints are open.
    t = t.replace(/上周\(\d+月\d+日-\d+月\d+日\)/, '上周({week})').replace(/仍有\d+宗/, '仍有{count}宗');
    t = t.replace(
      /逾期第\d+个工作日仍未.+?\(\{department\}\)/,
      '逾期第{day}个工作日仍未{owed}({department})',
    );
  }
  if (kind === 'key') {
    t = t
      .replace(new RegExp(`\\((${oneOf(Object.values(REQUESTER_LABELS))})\\)`, 'g'), '({requester})')
      .replace(/逾期\d+分钟/g, '逾期{minutes}分钟')
      .replace(/×\d+/g, '×{count}')
      .replace(/仍有\d+套钥匙未还:.*,请跟进。$/, '仍有{count}套钥匙未还:{keys},请跟进。');
  }
  if (kind === 'repair') {
    // The park's repair settings (issue 11): the minutes a request waited, or a job is late.
    t = t
      .replace(/\d+分钟(仍?)未定派工/g, '{minutes}分钟$1未定派工')
      .replace(/逾期\d+分钟/g, '逾期{minutes}分钟');
  }
  if (kind === 'move-in') {
    t = t.replace(/超\d+天/g, '超{days}天').replace(/缺\d+步:MI-[\d/]+/g, '缺{count}步:MI-{steps}');
  }
  if (kind === 'emergency') {
    t = t
      .replace(
        new RegExp(`\\{number\\}(${oneOf(Object.values(CATEGORY_LABELS))})`, 'g'),
        '{number}{category}',
      )
      .replace(new RegExp(`(${oneOf(Object.values(ROLE_LABELS))})(未确认|无法联系),`, 'g'), '{role}$2,');
  }
  return t;
}

/** A purpose with the chain position or instruction number taken out (`ack-r{round}-L{level}`). */
const purposeOf = (purpose: string) =>
  purpose
    .replace(/^ack-r\d+-L\d+$/, 'ack-r{round}-L{level}')
    .replace(/^instruction-\d+/, 'instruction-{n}')
    .replace(/^overdue-day-\d+$/, 'overdue-day-{day}');

function moveInStories(w: World): void {
  // A move-in still open after the park's days: the property office lead, with what is missing.
  new Story(
    w,
    'move-in',
    { unit: w.v.unit, owner: { name: '王先生', phone: '+8613800000001' } },
    w.actor('property-office-1'),
    MORNING,
  ).runOut();
}

/**
 * Every SMS the stories send with these values in the variable fields (the templates use
 * sentinels; tests use real values to check lengths).
 */
export function storyNotifications(values: StoryValues): Sent {
  const w = new World(values);
  repairStories(w);
  complaintStories(w);
  emergencyStories(w);
  keyStories(w);
  moveInStories(w);
  budgetAlertStories(w);
  monthlyReminderStories(w);
  // Last, so the earlier templates keep their ids.
  weeklyReviewStories(w);
  return w.out;
}

/** Every template, per kind in the order first sent; link SMS twice: with the link and without. */
export function renderSmsTemplates(): SmsTemplate[] {
  const out = storyNotifications(SENTINEL_VALUES);
  const byText = new Map<string, SmsTemplate>();
  for (const { kind, notification } of out) {
    const base = templateOf(kind, notification.text);
    const texts = hasLink(notification) ? [`${base}{link}`, `${base}${NO_LINK}`] : [base];
    for (const text of texts) {
      const key = `${kind}\n${text}`;
      const known = byText.get(key) ?? { kind, purposes: [], text };
      const purpose = purposeOf(notification.purpose);
      if (!known.purposes.includes(purpose)) known.purposes.push(purpose);
      byText.set(key, known);
    }
  }
  const kinds: TicketKind[] = ['repair', 'complaint', 'emergency', 'key', 'move-in'];
  return kinds.flatMap((kind) => [...byText.values()].filter((t) => t.kind === kind));
}

const KIND_TITLES: Record<TicketKind, string> = {
  repair: 'Repairs (报修, RP-1..RP-5)',
  complaint: 'Complaints (投诉, CH-1..CH-11, DS-1..DS-6)',
  emergency: 'Emergencies (紧急或重大事情, EM-1..EM-6)',
  key: 'Keys (钥匙领取, KY-1..KY-4)',
  'move-in': 'Move-in (业户入住, MI-1..MI-9)',
};
const PREFIX: Record<TicketKind, string> = {
  repair: 'R',
  complaint: 'C',
  emergency: 'E',
  key: 'K',
  'move-in': 'M',
};

export function smsTemplatesMarkdown(templates: SmsTemplate[] = renderSmsTemplates()): string {
  const lines = [
    '# SMS templates',
    '',
    '<!-- Generated by `npx tsx infra/aws/sms-templates.ts` from the notification code; do not edit.',
    '     test/infra/sms-templates.test.ts fails when this file is not current. -->',
    '',
    'Every SMS text the desk sends, as a template with its variable parts in braces: the list to register',
    'for SMS to mainland China (+86) numbers (see README, "Deploying to AWS"). Each SMS goes out as the',
    "park's sender signature (`smsSignature`, default 【翠湖物业】, registered separately) followed by one",
    'of these texts.',
    '',
    'A text that asks its reader to act ends in their own signed link and is fitted to two concatenated',
    'segments (134 characters) with it; one without a link to one segment. When a long description,',
    'place or name needs the room, such a text leaves out first its courtesy words (请, 请尽快, 请速处理,',
    '请您, 并报回调度), then the end of the description (never its first 30 characters), then the',
    'register number: register the variants without the courtesy words too.',
    '',
    '| placeholder | what goes there |',
    '| --- | --- |',
    ...Object.entries(PLACEHOLDERS).map(([name, what]) => `| \`${name}\` | ${what} |`),
  ];
  for (const kind of ['repair', 'complaint', 'emergency', 'key', 'move-in'] as const) {
    const own = templates.filter((t) => t.kind === kind);
    lines.push('', `## ${KIND_TITLES[kind]}`, '', '| id | sent for | text |', '| --- | --- | --- |');
    own.forEach((t, i) => {
      lines.push(`| ${PREFIX[kind]}${i + 1} | ${t.purposes.map((p) => `\`${p}\``).join(', ')} | ${t.text} |`);
    });
  }
  lines.push('', `${templates.length} templates.`, '');
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SMS_TEMPLATES_FILE, smsTemplatesMarkdown());
  console.log(`wrote ${SMS_TEMPLATES_FILE}`);
}

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
  type EmergencyTicket,
  hasLink,
} from '../../shared/domain/emergency';
import { CATEGORY_LABELS } from '../../shared/domain/emergency/model';
import type { RuleContext } from '../../shared/domain/kind';
import {
  DEPARTMENT_LABELS,
  GROUP_OF_ROLE,
  type Park,
  ROLE_LABELS,
  type StaffMember,
} from '../../shared/domain/park';
import { LIMIT_DEFAULTS } from '../../shared/domain/limits';
import type { Notification } from '../../shared/domain/sms';
import { budgetAlert } from '../../shared/domain/sms-budget';
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
} as const;
/** A fee no fixed text contains: `有偿{fee}元`. */
const FEE = 987_654;

export const PLACEHOLDERS: Record<string, string> = {
  '{number}': 'the ticket’s register number, e.g. R20261127-003, C20261127-001, E20261128-001',
  '{unit}': 'the caller’s unit (else the repair’s location), e.g. 3-2-1502',
  '{description}': 'what the caller reported, shortened with … so the text fits one 70-character segment',
  '{location}': 'where an emergency is',
  '{place}': 'where a complaint’s matter happened',
  '{name}': 'a member of staff’s name',
  '{department}': 'the department a complaint is about, e.g. 工程部',
  '{category}': 'the emergency’s category: 公共安全事件, 火警, 人身交通事故 or 紧急公务',
  '{role}': 'the role of the chain level that did not answer, e.g. 办公室主任',
  '{time}': 'a park-local date and time, e.g. 11月27日15:00 (a repair’s wanted time may read 尽快)',
  '{fee}': 'the agreed fee of a paid repair, in yuan',
  '{round}': 'the round of the emergency chain (2, 3, …)',
  '{rounds}': 'how many rounds the emergency chain went through',
  '{n}': 'the number of a leader’s instruction',
  '{text}': 'a leader’s instruction, whole',
  '{from}': 'who gave the instruction',
  '{limit}': 'the SMS budget reached: per ticket, or per park and hour (ADR 011)',
  '{link}': `the personal signed link (https://…/ack/…); when it cannot be made, the text ends in ${NO_LINK}`,
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

const park: Park = { ...DEMO_PARK, smsSignature: '' };
/** The demo directory with every name a sentinel (names reach texts through events and tickets). */
const staff: StaffMember[] = DEMO_STAFF.map((s) => ({ ...s, name: SENTINEL.name }));

function actor(staffId: string): Actor {
  const person = staff.find((s) => s.id === staffId);
  if (!person) throw new Error(`sms-templates: no ${staffId} in the demo directory`);
  return { staffId, groups: [...new Set(person.roles.map((r) => GROUP_OF_ROLE[r]))], name: person.name };
}

/** One ticket driven through the kind's rules, collecting every SMS its events send. */
class Story {
  ticket: Ticket;
  private now: Date;
  private readonly tried = new Set<string>();

  constructor(
    private readonly out: Sent,
    kind: TicketKind,
    intake: Record<string, unknown>,
    opener: Actor,
    at: string,
  ) {
    this.now = new Date(at);
    const rules = rulesOf(kind);
    const opened = rules.open(
      { id: `sms-templates-${kind}`, parkId: park.id, number: SENTINEL.number, intake },
      this.ctx(opener),
    );
    this.ticket = opened.ticket as Ticket;
    this.collect(opened.event as TicketEventOf);
  }

  private ctx(who: Actor): RuleContext {
    return { now: this.now, actor: who, park, staff };
  }

  private collect(event: TicketEventOf): void {
    for (const notification of rulesOf(this.ticket.kind).notifications(event, this.ticket, staff, park)) {
      this.out.push({ kind: this.ticket.kind, notification });
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
    const who = actor(by);
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

const caller = { name: SENTINEL.name, phone: '+8613800000001', unit: SENTINEL.unit };
const phoneCall = { channel: 'ivr-twilio' as const, callId: 'CA-sms-templates' };
const MORNING = '2026-11-27T09:00:00+08:00';

function repairStories(out: Sent): void {
  const repair = (extra: Record<string, unknown> = {}) => ({
    caller,
    description: SENTINEL.description,
    location: SENTINEL.location,
    wantedAt: '2026-11-27T15:00:00+08:00',
    ...extra,
  });
  // RP-2 left to the desk: at the desk, and from the phone line.
  new Story(out, 'repair', repair(), actor('dispatcher-1'), MORNING);
  new Story(out, 'repair', repair({ source: phoneCall }), SYSTEM_ACTOR, MORNING);
  // Dispatched, nobody assigned in 30 minutes.
  new Story(out, 'repair', repair({ decision: 'dispatch' }), actor('dispatcher-1'), MORNING).runOut();
  // A paid repair, assigned, reassigned, not acknowledged.
  new Story(
    out,
    'repair',
    repair({ decision: 'dispatch', paidService: { fee: FEE, consent: true } }),
    actor('dispatcher-1'),
    MORNING,
  )
    .command({ type: 'assign', staffId: 'technician-1' }, 'dispatcher-1')
    .command({ type: 'assign', staffId: 'technician-2' }, 'dispatcher-1')
    .runOut();
  // A booked appointment: the reminder without, then with, a technician.
  const booked = { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' };
  new Story(out, 'repair', repair(booked), actor('dispatcher-1'), MORNING).runOut();
  new Story(out, 'repair', repair(booked), actor('dispatcher-1'), MORNING)
    .command({ type: 'assign', staffId: 'technician-1' }, 'dispatcher-1')
    .runOut();
}

function complaintStories(out: Sent): void {
  const complaint = (extra: Record<string, unknown> = {}) => ({
    caller,
    occurredAt: '2026-11-27T08:30:00+08:00',
    place: SENTINEL.place,
    description: SENTINEL.description,
    ...extra,
  });
  const about = { department: 'engineering' };
  // From the phone, left ungraded: the desk is told, then its clocks run out.
  new Story(out, 'complaint', complaint({ source: phoneCall }), SYSTEM_ACTOR, MORNING).runOut();
  // Graded at the desk, each severity; nobody acts (every clock of the procedure misses).
  for (const grading of [
    { valid: true, severity: 'minor', about, residentDeadline: '2026-11-28T12:00:00+08:00' },
    { valid: true, severity: 'minor', about },
    { valid: true, severity: 'important', about, ongoingHarm: true },
    { valid: true, severity: 'major', about },
    { valid: false, about },
  ]) {
    new Story(out, 'complaint', complaint(grading), actor('dispatcher-1'), MORNING).runOut();
  }
  // Resolved: the supervisor is told of the callback; the callback then misses.
  new Story(
    out,
    'complaint',
    complaint({ valid: true, severity: 'minor', about }),
    actor('dispatcher-1'),
    MORNING,
  )
    .command({ type: 'acknowledge', step: 'report-sheet' }, 'engineering-manager-1')
    .command({ type: 'resolve', confirmedBy: SENTINEL.name, via: 'phone' }, 'dispatcher-1')
    .runOut();
  // A dissatisfied callback: the case goes back to the department.
  new Story(
    out,
    'complaint',
    complaint({ valid: true, severity: 'minor', about }),
    actor('dispatcher-1'),
    MORNING,
  )
    .command({ type: 'acknowledge', step: 'report-sheet' }, 'engineering-manager-1')
    .command({ type: 'resolve', confirmedBy: SENTINEL.name, via: 'phone' }, 'dispatcher-1')
    .command({ type: 'callback', outcome: 'dissatisfied' }, 'dispatcher-1');
  // DS-5 at closing time, for each combination of what is missing.
  for (const reasons of [
    ['second-follow-up-missing', 'nothing-arranged'],
    ['nothing-arranged'],
    ['second-follow-up-missing'],
  ]) {
    const story = new Story(
      out,
      'complaint',
      complaint({ valid: true, severity: 'minor', about }),
      actor('dispatcher-1'),
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

function emergencyStories(out: Sent): void {
  const emergency = (extra: Record<string, unknown> = {}) => ({
    category: 'fire',
    location: SENTINEL.location,
    description: SENTINEL.description,
    ...extra,
  });
  // Opened at the desk: the chain, the responders; nobody answers any round.
  const unanswered = new Story(out, 'emergency', emergency(), actor('dispatcher-1'), MORNING);
  unanswered.runOut();
  // A number that cannot take SMS (EM-2 moves on at once), in the first round and in the second.
  for (const round of [1, 2]) {
    const story = new Story(out, 'emergency', emergency(), actor('dispatcher-1'), MORNING).runOut(
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
      staff,
      new Date(MORNING),
    );
    if (!undeliverable) throw new Error('sms-templates: an undeliverable chain SMS did not move the chain');
    story.append(undeliverable);
  }
  // From the phone line: the desk on shift is asked to own it; a handover; an instruction left undone.
  new Story(out, 'emergency', emergency({ source: phoneCall }), SYSTEM_ACTOR, MORNING);
  new Story(out, 'emergency', emergency(), actor('dispatcher-1'), MORNING)
    .command({ type: 'hand-over', staffId: 'duty-officer-1' }, 'dispatcher-1')
    .command(
      {
        type: 'instructions',
        from: SENTINEL.from,
        to: 'security-manager-1',
        text: SENTINEL.text,
        dueAt: '2026-11-27T10:00:00+08:00',
      },
      'dispatcher-1',
    )
    .runOut();
}

/** A budget reached (ADR 011): the one alert to the office manager, on a ticket of each kind. */
function budgetAlertStories(out: Sent): void {
  for (const kind of ['repair', 'complaint', 'emergency'] as const) {
    const ticket = { kind, number: SENTINEL.number };
    for (const [budget, limit] of [
      ['ticket', LIMIT_DEFAULTS.smsPerTicket],
      ['park-hour', LIMIT_DEFAULTS.smsPerParkHour],
    ] as const) {
      for (const notification of budgetAlert(budget, limit, ticket, staff, park))
        out.push({ kind, notification });
    }
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
    .replace(/\d{1,2}月\d{1,2}日\d{2}:\d{2}/g, '{time}')
    .replace(new RegExp(`有偿${FEE}元`, 'g'), '有偿{fee}元')
    .replace(/第\d+轮/g, '第{round}轮')
    .replace(/经\d+轮/g, '经{rounds}轮')
    .replace(/指示#\d+/g, '指示#{n}')
    .replace(/已发满\d+条/g, '已发满{limit}条');
  if (kind === 'complaint') {
    t = t.replace(
      new RegExp(`\\((${oneOf(Object.values(DEPARTMENT_LABELS))}|未定部门)\\)`, 'g'),
      '({department})',
    );
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
  purpose.replace(/^ack-r\d+-L\d+$/, 'ack-r{round}-L{level}').replace(/^instruction-\d+/, 'instruction-{n}');

/** Every template, per kind in the order first sent; link SMS twice: with the link and without. */
export function renderSmsTemplates(): SmsTemplate[] {
  const out: Sent = [];
  repairStories(out);
  complaintStories(out);
  emergencyStories(out);
  budgetAlertStories(out);
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
  const kinds: TicketKind[] = ['repair', 'complaint', 'emergency'];
  return kinds.flatMap((kind) => [...byText.values()].filter((t) => t.kind === kind));
}

const KIND_TITLES: Record<TicketKind, string> = {
  repair: 'Repairs (报修, RP-1..RP-5)',
  complaint: 'Complaints (投诉, CH-1..CH-11, DS-1..DS-6)',
  emergency: 'Emergencies (紧急或重大事情, EM-1..EM-6)',
};
const PREFIX: Record<TicketKind, string> = { repair: 'R', complaint: 'C', emergency: 'E' };

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
    '| placeholder | what goes there |',
    '| --- | --- |',
    ...Object.entries(PLACEHOLDERS).map(([name, what]) => `| \`${name}\` | ${what} |`),
  ];
  for (const kind of ['repair', 'complaint', 'emergency'] as const) {
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

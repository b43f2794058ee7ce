import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { provideDeps } from '../../shared/runtime';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { handler as timerHandler } from '../../functions/timers/due';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { Deps } from '../../shared/app/deps';
import { useAckLink } from '../../shared/app/ack-links';
import { NO_LINK } from '../../shared/app/emergency-links';
import { ssmAckLinkKeys } from '../../shared/adapters/aws/ack-link-keys';
import { applyEffects } from '../../shared/app/effects';
import { openTicket } from '../../shared/app/open-ticket';
import { ENV } from '../../shared/config';
import { type AckLinkCheck, checkAckLinkToken } from '../../shared/domain/ack-link';
import type { EmergencyTicket } from '../../shared/domain/emergency';
import { pendingTimers } from '../../shared/domain/ticket';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import { awsDeps, streamsClient } from '../support/aws-deps';
import { freshStore } from '../support/store';

const scheduler = mockClient(SchedulerClient);
const sns = mockClient(SNSClient);

const KEY = 'k'.repeat(40);
const BASE = 'https://desk.example.com';
const PHONE = { dispatcher: '+8613900000001', officeManager: '+8613900000019', deputyGm: '+8613900000021' };
const dispatcher = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: ['park-1'] };
const fire = {
  kind: 'emergency' as const,
  category: 'fire' as const,
  location: '3号楼地下车库',
  description: '车库B区冒烟,有焦味',
};

let env: Awaited<ReturnType<typeof freshStore>>;
let deps: Deps;
let clock: AdjustableClock;
let streamArn: string;

function poller() {
  const client = streamsClient();
  return new StreamPoller(client, streamArn, effectsHandler);
}

/** Every SMS SNS was asked to send, in order. */
function published(): { to: string; text: string }[] {
  return sns
    .commandCalls(PublishCommand)
    .map((c) => ({ to: c.args[0].input.PhoneNumber ?? '', text: c.args[0].input.Message ?? '' }));
}

function tokenIn(text: string): string {
  const match = /\/ack\/(\S+)$/.exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
}

/** Checks the link at the end of an SMS against the claims stored under its token (ADR 012). */
async function checkLinkIn(text: string): Promise<AckLinkCheck> {
  const token = tokenIn(text);
  const stored = await env.store.ackLink(token);
  return checkAckLinkToken(
    token,
    stored && { ...stored, expiresAt: new Date(stored.expiresAt) },
    KEY,
    clock.now(),
  );
}

async function open(): Promise<EmergencyTicket> {
  const { ticket } = await openTicket(deps, dispatcher, fire);
  return ticket as EmergencyTicket;
}

beforeAll(async () => {
  env = await freshStore();
  streamArn = (await ensureTable(env.client, env.tableName)).streamArn;
  clock = new AdjustableClock();
  clock.set(new Date('2026-11-28T02:00:00+08:00'));
  deps = awsDeps(env.store, clock, { key: async () => KEY, baseUrl: () => BASE });
  provideDeps(deps);
});
afterAll(() => provideDeps(undefined));
beforeEach(() => {
  scheduler.reset();
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

describe('EM-2: personal links in the SMS', () => {
  it('the office manager gets a link signed for them, this ticket and acknowledging; the history hides it', async () => {
    // Prepare + Act
    const ticket = await open();
    await poller().pollOnce();

    // Assess: SNS got the full link at the public base URL.
    const toManager = published().filter((p) => p.to === PHONE.officeManager);
    expect(toManager).toHaveLength(1);
    expect(toManager[0]?.text).toContain(`请速处理,点链接确认:${BASE}/ack/`);
    const check = await checkLinkIn(toManager[0]!.text);
    expect(check).toMatchObject({
      ok: true,
      claims: { ticketId: ticket.id, staffId: 'office-manager-1', purpose: 'acknowledge' },
    });
    // It works for the park's ackLinkMinutes (120 by default), from the event's time.
    if (check.ok)
      expect(check.claims.expiresAt.getTime()).toBe(
        Math.floor((Date.parse(ticket.createdAt) + 120 * 60_000) / 1000) * 1000,
      );
    // The six responders get scene links.
    const scene = published().filter((p) => p.text.includes('请立即赶赴现场'));
    expect(scene).toHaveLength(6);
    for (const p of scene) expect((await checkLinkIn(p.text)).ok).toBe(true);
    // What the ticket's history keeps (and GET /tickets/{id} shows) has no usable token.
    const history = await env.store.history(ticket.id);
    expect(history?.sms).toHaveLength(7);
    for (const s of history?.sms ?? []) {
      expect(s.text).toContain('/ack/[已隐藏]');
      expect(s.text).not.toContain(ticket.id);
    }
    // The chain's first timer is a one-time schedule named after its level.
    const names = scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input.Name);
    expect(names).toContain(`${ticket.id}-escalate-r1-L1`);
  });

  it('without a readable key the SMS still go out, telling the person to call the desk', async () => {
    // Prepare: the event as the stream would hand it over, and deps whose key source fails.
    const ticket = await open();
    const [event] = (await env.store.history(ticket.id))?.events ?? [];
    const broken = {
      ...deps,
      ackLinks: { key: () => Promise.reject(new Error('ParameterNotFound')), baseUrl: () => BASE },
    };

    // Act
    await applyEffects(broken, {
      change: 'INSERT',
      newImage: { ...event, sk: 'EVENT#000001', ticketId: ticket.id, parkId: ticket.parkId },
    });

    // Assess
    const toManager = published().filter((p) => p.to === PHONE.officeManager);
    expect(toManager).toHaveLength(1);
    expect(toManager[0]?.text.endsWith(NO_LINK)).toBe(true);
    expect(toManager[0]?.text).not.toContain('/ack/');
  });
});

describe('point 7: a number that cannot take SMS', () => {
  it('an opted-out office manager is recorded and the chain moves to the deputy GM at once, not after 5 minutes', async () => {
    // Prepare: SNS refuses the office manager's number.
    sns
      .on(PublishCommand, { PhoneNumber: PHONE.officeManager })
      .rejects(Object.assign(new Error('opted out'), { name: 'OptedOutException' }));
    const ticket = await open();

    // Act: effects of the opening, then of the event they caused; the clock does not move.
    await poller().pollOnce();
    await poller().pollOnce();

    // Assess: one sms.undeliverable event that moved the chain; the deputy GM texted with a link.
    const history = await env.store.history(ticket.id);
    const undeliverable = history?.events.filter((e) => e.type === 'sms.undeliverable') ?? [];
    expect(undeliverable).toHaveLength(1);
    expect(undeliverable[0]?.data).toMatchObject({
      staffId: 'office-manager-1',
      purpose: 'ack-r1-L1',
      smsEventSeq: 1,
      error: 'SmsUndeliverable',
      move: { to: { round: 1, level: 2, role: 'deputy-gm' } },
    });
    expect(Date.parse(undeliverable[0]!.at) - Date.parse(ticket.createdAt)).toBeLessThan(60_000);
    const toDeputy = published().filter((p) => p.to === PHONE.deputyGm);
    expect(toDeputy).toHaveLength(1);
    expect(toDeputy[0]?.text).toContain('管理处经理无法联系');
    const after = history?.ticket as EmergencyTicket;
    expect(after.chain.step).toMatchObject({ round: 1, level: 2 });
    expect(after.timers['escalate-r1-L1']?.state).toBe('cancelled');
    expect(after.timers['escalate-r1-L2']?.state).toBe('pending');
    // The SMS record itself stays as it was: failed.
    expect(history?.sms.find((s) => s.staffId === 'office-manager-1')?.state).toBe('failed');
    // The level-1 schedule is deleted, the level-2 one created.
    expect(scheduler.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input.Name)).toContain(
      `${ticket.id}-escalate-r1-L1`,
    );
    expect(scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input.Name)).toContain(
      `${ticket.id}-escalate-r1-L2`,
    );

    // A replayed stream (and a retried failed SMS) records nothing twice.
    await poller().pollOnce();
    const replayed = await env.store.history(ticket.id);
    expect(replayed?.events.filter((e) => e.type === 'sms.undeliverable')).toHaveLength(1);
    expect(replayed?.ticket.version).toBe(history?.ticket.version);
  });

  it('a repair’s undeliverable SMS stays a failed SMS record: no event on the repair', async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error('opted out'), { name: 'OptedOutException' }));
    const { ticket } = await openTicket(deps, dispatcher, {
      kind: 'repair',
      caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
      description: '厨房水管漏水',
      location: '3号楼2单元1502 厨房',
      wantedAt: '2026-11-28T15:00:00+08:00',
      decision: 'dispatch',
    });
    const { runTicketCommand } = await import('../../shared/app/ticket-command');
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
    await poller().pollOnce();
    const history = await env.store.history(ticket.id);
    expect(history?.sms.map((s) => s.state)).toEqual(['failed']);
    expect(history?.events.map((e) => e.type)).toEqual(['repair.opened', 'ticket.assigned']);
  });
});

describe('an acknowledgement racing the escalation', () => {
  let stream: StreamPoller;
  beforeAll(() => {
    stream = poller();
  });

  // Eight races, each a test of its own: a race is the unit of work; eight catch a flaky order.
  it.each(Array.from({ length: 8 }, (_, race) => race))(
    'exactly one outcome, recorded truthfully, and no SMS after the acknowledgement is stored (race %i)',
    async (race) => {
      // Prepare: an emergency whose first level is due now.
      sns.reset();
      sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
      const ticket = await open();
      await stream.pollOnce();
      // The poller replays the stream from its start: pick this ticket's SMS by its link.
      const token = tokenIn(
        published().find((p) => p.to === PHONE.officeManager && p.text.includes(ticket.number ?? '?'))!.text,
      );
      clock.advance(5 * 60_000);
      const payload = {
        ticketId: ticket.id,
        parkId: 'park-1',
        timer: 'escalate-r1-L1',
        dueAt: ticket.timers['escalate-r1-L1']!.dueAt,
      };

      // Act: the manager presses the button while the timer fires.
      const [ack, timer] = await Promise.all([
        useAckLink(deps, token, { action: 'acknowledge' }),
        race % 2 ? timerHandler(payload) : Promise.resolve().then(() => timerHandler(payload)),
      ]);
      sns.reset();
      sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
      await stream.pollOnce();

      // Assess: the acknowledgement is stored whichever wrote first (it re-reads on a conflict).
      expect(ack.outcome).toBe('recorded');
      const history = await env.store.history(ticket.id);
      const types = history?.events.map((e) => e.type) ?? [];
      expect(history?.events.map((e) => e.seq)).toEqual(types.map((_, i) => i + 1));
      expect(types.filter((t) => t === 'emergency.acknowledged')).toHaveLength(1);
      const escalated = types.includes('emergency.escalated');
      // Truthful order: an escalation is on the timeline only if it was stored before the acknowledgement.
      if (escalated)
        expect(types.indexOf('emergency.escalated')).toBeLessThan(types.indexOf('emergency.acknowledged'));
      expect(timer.outcome).toBe(escalated ? 'fired' : 'not-due');
      // Nobody is texted after the acknowledgement was stored, not even the level the timer reached.
      expect(published().filter((p) => p.text.includes(ticket.number ?? '?'))).toEqual([]);
      const after = history?.ticket as EmergencyTicket;
      expect(after.chain.state).toBe('acknowledged');
      // The chain's timers are settled; EM-3's scene check waits for its own time (issue 11 item 16).
      expect([...pendingTimers(after.timers).keys()]).toEqual(['scene-due']);
    },
  );
});

describe('issue 11 items 15, 16 through the AWS timer path (Scheduler payload → timer Lambda → stream → SNS)', () => {
  let stream: StreamPoller;
  beforeAll(() => {
    stream = poller();
  });
  const fireTimer = (ticket: EmergencyTicket, timer: string, dueAt: string) =>
    timerHandler({ ticketId: ticket.id, parkId: 'park-1', timer, dueAt });

  it('EM-2: the office manager’s wait over, the owner is texted the manager’s name, phone and the owner’s own link; EM-3: at 15 minutes the responders not there', async () => {
    const ticket = await open();
    await stream.pollOnce();
    const scheduled = scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input.Name);
    expect(scheduled).toContain(`${ticket.id}-scene-due`);

    clock.advance(5 * 60_000);
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    expect((await fireTimer(ticket, 'escalate-r1-L1', ticket.timers['escalate-r1-L1']!.dueAt)).outcome).toBe(
      'fired',
    );
    await stream.pollOnce();
    const toOwner = published().filter(
      (p) => p.to === PHONE.dispatcher && p.text.includes(ticket.number ?? '?'),
    );
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]?.text).toContain('第1轮管理处经理林涛13900000019未确认,请电话联系,详情:');
    expect(await checkLinkIn(toOwner[0]!.text)).toMatchObject({
      ok: true,
      claims: { ticketId: ticket.id, staffId: 'dispatcher-1', purpose: 'owner' },
    });

    clock.advance(10 * 60_000);
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    expect((await fireTimer(ticket, 'scene-due', ticket.timers['scene-due']!.dueAt)).outcome).toBe('fired');
    await stream.pollOnce();
    const late = published().filter((p) => p.to === PHONE.dispatcher && p.text.includes('未到场'));
    expect(late).toHaveLength(1);
    expect(late[0]?.text).toMatch(/已过15分钟,未到场:郭勇\d{11}/);
    expect((await checkLinkIn(late[0]!.text)).ok).toBe(true);
  });
});

describe('the AWS key source (SSM SecureString)', () => {
  const ssm = mockClient(SSMClient);
  beforeEach(() => ssm.reset());

  it('reads the parameter named by ACK_LINK_KEY_PARAMETER with decryption, once, and the base URL from PUBLIC_BASE_URL', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'x'.repeat(64) } });
    const keys = ssmAckLinkKeys(
      { [ENV.ackLinkKeyParameter]: '/estate-desk/EstateDesk/ack-link-key', [ENV.publicBaseUrl]: BASE },
      () => new SSMClient({ region: 'cn-north-1' }),
    );
    expect(await keys.key()).toBe('x'.repeat(64));
    expect(await keys.key()).toBe('x'.repeat(64));
    expect(ssm.commandCalls(GetParameterCommand).map((c) => c.args[0].input)).toEqual([
      { Name: '/estate-desk/EstateDesk/ack-link-key', WithDecryption: true },
    ]);
    expect(keys.baseUrl()).toBe(BASE);
  });

  it('refuses a short key and tries again on the next call after a failure', async () => {
    ssm
      .on(GetParameterCommand)
      .resolvesOnce({ Parameter: { Value: 'short' } })
      .resolves({ Parameter: { Value: 'y'.repeat(40) } });
    const keys = ssmAckLinkKeys(
      { [ENV.ackLinkKeyParameter]: '/k' },
      () => new SSMClient({ region: 'cn-north-1' }),
    );
    await expect(keys.key()).rejects.toThrow(/fewer than 32/);
    expect(await keys.key()).toBe('y'.repeat(40));
    expect(() => keys.baseUrl()).toThrow(ENV.publicBaseUrl);
  });

  it('without ACK_LINK_KEY_PARAMETER it says which variable is missing', async () => {
    await expect(ssmAckLinkKeys({}).key()).rejects.toThrow(ENV.ackLinkKeyParameter);
  });
});

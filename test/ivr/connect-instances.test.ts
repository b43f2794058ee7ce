/**
 * Amazon Connect: the park comes from configuration (instance ARN → park, CONNECT_INSTANCES), never
 * from the flow. Contact-flow events as Connect sends them, through the Lambda handler, against
 * DynamoDB Local: an instance not configured is refused (transfer, logged, nothing written), a
 * flow's `parkId` is ignored, and each configured instance opens tickets in its own park.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ConnectContactFlowEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as connect } from '../../functions/ivr/connect';
import { DEMO_PARK, DEMO_STAFF, DEMO_UNITS } from '../../infra/local/seed';
import { keys } from '../../shared/adapters/dynamo/table';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { type IvrDeps, ivrSettingsFromEnv } from '../../shared/app/ivr-calls';
import { parseConnectInstances } from '../../shared/app/ivr-calls/connect-instances';
import { ENV } from '../../shared/config';
import { log } from '../../shared/log';
import { PROMPTS } from '../../shared/ivr/call-tree';
import { provideIvr } from '../../shared/runtime';
import { freshStore } from '../support/store';
import { connectContactEvent } from '../support/connect-event';
import { ivrDeps } from './support';

const ACCOUNT = 'arn:aws:connect:ap-east-1:111122223333:instance';
const PARK_1_INSTANCE = `${ACCOUNT}/8f2b1c3d-0000-4000-8000-000000000001`;
const PARK_2_INSTANCE = `${ACCOUNT}/8f2b1c3d-0000-4000-8000-000000000002`;
const STRANGER = 'arn:aws:connect:ap-east-1:444455556666:instance/0d0d0d0d-0000-4000-8000-000000000009';

let deps: IvrDeps;
const clock = new AdjustableClock();

beforeAll(async () => {
  const { db, tableName, store } = await freshStore();
  // A second park with the same directory and units, so an instance can be mapped to it.
  const items = [
    ...DEMO_STAFF.map((s) => ({ ...keys.staff('park-2', s.id), itemType: 'staff', ...s, parkId: 'park-2' })),
    ...DEMO_UNITS.map((u) => ({ ...keys.unit('park-2', u.unit), itemType: 'unit', ...u, parkId: 'park-2' })),
    { ...keys.park('park-2'), itemType: 'park', ...DEMO_PARK, id: 'park-2', name: '翠湖二期' },
  ];
  for (const Item of items) await db.send(new PutCommand({ TableName: tableName, Item }));
  clock.set(new Date('2026-12-01T10:00:00+08:00'));
  deps = ivrDeps({ store, db, tableName }, clock, {
    ...ivrSettingsFromEnv(
      {
        [ENV.connectInstances]: JSON.stringify({
          [PARK_1_INSTANCE]: 'park-1',
          [PARK_2_INSTANCE]: 'park-2',
        }),
      },
      '',
    ),
  });
  provideIvr({ deps, authToken: async () => 'unused' });
});
afterAll(() => provideIvr(undefined));

let seq = 0;
const newContact = () => `6e4c8b41-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

function contactEvent(
  contactId: string,
  instanceArn: string | undefined,
  parameters: Record<string, string> = { kind: 'repair', description: '厨房水管漏水' },
): ConnectContactFlowEvent {
  return connectContactEvent({ contactId, phone: '+8613800000001', instanceArn, parameters });
}

async function ticketsOfContact(parkId: string, contactId: string) {
  const page = await deps.store.list({ parkId, limit: 100 });
  return page.tickets.filter((t) => t.source?.callId === contactId);
}

describe('Amazon Connect: the instance decides the park', () => {
  it.each([
    ['an instance not configured (another account)', STRANGER],
    ['no InstanceARN at all', undefined],
    ['an empty InstanceARN', ''],
    ['a prototype key for an ARN', '__proto__'],
  ])('%s → transfer, logged, no ticket', async (_what, instanceArn) => {
    const warn = vi.spyOn(log, 'warn');
    const contactId = newContact();

    const answer = await connect(contactEvent(contactId, instanceArn));

    expect(answer).toEqual({ status: 'transfer', reason: 'instance', prompt: PROMPTS.putThrough });
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('not configured'),
      expect.objectContaining({ contact: contactId }),
    );
    expect(await ticketsOfContact('park-1', contactId)).toEqual([]);
    expect(await ticketsOfContact('park-2', contactId)).toEqual([]);
    warn.mockRestore();
  });

  it('each configured instance opens tickets in its own park', async () => {
    const first = newContact();
    const second = newContact();

    const one = await connect(contactEvent(first, PARK_1_INSTANCE));
    const two = await connect(contactEvent(second, PARK_2_INSTANCE));

    expect(one.status).toBe('opened');
    expect(two.status).toBe('opened');
    expect((await deps.store.get(one.ticketId!))?.parkId).toBe('park-1');
    expect((await deps.store.get(two.ticketId!))?.parkId).toBe('park-2');
  });

  it('a parkId the flow sends is not trusted: the ticket opens in the instance’s park', async () => {
    const contactId = newContact();

    const answer = await connect(
      contactEvent(contactId, PARK_1_INSTANCE, { kind: 'repair', description: '门禁坏了', parkId: 'park-2' }),
    );

    expect(answer.status).toBe('opened');
    expect((await deps.store.get(answer.ticketId!))?.parkId).toBe('park-1');
    expect(await ticketsOfContact('park-2', contactId)).toEqual([]);
  });

  it('a contact answered through its instance is not read back through another', async () => {
    const contactId = newContact();
    const opened = await connect(contactEvent(contactId, PARK_1_INSTANCE));

    const replayed = await connect(contactEvent(contactId, STRANGER));

    expect(opened.status).toBe('opened');
    expect(replayed).toEqual({ status: 'transfer', reason: 'instance', prompt: PROMPTS.putThrough });
  });

  it('without CONNECT_INSTANCES, or with it malformed, no instance is known and every contact is refused', async () => {
    for (const text of [
      undefined,
      '',
      'not json',
      '[]',
      `{"${PARK_1_INSTANCE}": 1}`,
      '{"arn:bad": "park-1"}',
    ]) {
      const settings = ivrSettingsFromEnv(text === undefined ? {} : { [ENV.connectInstances]: text }, '');
      expect(settings.connectInstances, String(text)).toEqual({});
    }
    provideIvr({ deps: { ...deps, ivr: ivrSettingsFromEnv({}, '') }, authToken: async () => 'unused' });
    try {
      expect((await connect(contactEvent(newContact(), PARK_1_INSTANCE))).reason).toBe('instance');
    } finally {
      provideIvr({ deps, authToken: async () => 'unused' });
    }
  });
});

describe('parseConnectInstances', () => {
  it('reads a JSON object of instance ARNs to park ids; anything else is undefined', () => {
    expect(parseConnectInstances(JSON.stringify({ [PARK_1_INSTANCE]: 'park-1' }))).toEqual({
      [PARK_1_INSTANCE]: 'park-1',
    });
    expect(parseConnectInstances(undefined)).toEqual({});
    for (const bad of ['x', '[]', 'null', '{"arn:aws:connect:x": "park-1"}', `{"${PARK_1_INSTANCE}": ""}`]) {
      expect(parseConnectInstances(bad), bad).toBeUndefined();
    }
  });
});

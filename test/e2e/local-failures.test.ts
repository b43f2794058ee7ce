/**
 * One bad stream record no longer stops every SMS and timer of the local desk: after its 3 tries it
 * is skipped, shown by GET /local/failures (the local on-failure queue), and warned about once.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';
import { dynamoClient } from '../support/store';

let desk: TestDesk;
const client = dynamoClient();

beforeAll(async () => {
  desk = await startTestDesk();
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } });
});
afterAll(async () => {
  await desk?.close();
  client.destroy();
});

/** The desk's log lines at warning level and above, caught on stderr. */
let problems: string[];
beforeEach(() => {
  problems = [];
  vi.stubEnv('LOG_LEVEL', 'warn');
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (/"level":"(warn|error)"/.test(text)) {
      problems.push(text);
      return true;
    }
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('GET /local/failures', () => {
  it('a record the effects handler fails every time is skipped after 3 tries; later SMS still go out', async () => {
    // Prepare: an event item whose ticket does not exist — its SMS can never be derived.
    await documentClient(client).send(
      new PutCommand({
        TableName: desk.tableName,
        Item: {
          pk: 'TICKET#T-MISSING',
          sk: 'EVENT#000001',
          ticketId: 'T-MISSING',
          parkId: 'park-1',
          seq: 1,
          type: 'assigned',
          at: '2026-11-27T09:00:00+08:00',
        },
      }),
    );
    const dispatcher = desk.token('dispatcher');
    const staff = await desk.call('GET', '/staff', { token: dispatcher });
    const tech = staff.body.staff.find((s: { roles: string[] }) => s.roles.includes('technician'));

    // Act: behind the bad record, a repair is opened and assigned (the technician's SMS).
    const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
    const ticketId = opened.body.ticket.id;
    const assigned = await desk.call('POST', `/tickets/${ticketId}/assign`, {
      token: dispatcher,
      body: { staffId: tech.id },
    });
    const sms = await desk.call('GET', `/local/sms?ticketId=${ticketId}`);
    const failures = await desk.call('GET', '/local/failures');
    // Many more settles (as the background loop would do): the bad record is not tried again.
    for (let i = 0; i < 10; i++) await desk.settle();

    // Assess
    expect(assigned.status).toBe(200);
    expect(sms.status).toBe(200);
    expect(sms.body.messages).toHaveLength(1);
    expect(sms.body.messages[0].to).toBe(tech.phone);
    expect(failures.status).toBe(200);
    expect(failures.body.failures).toHaveLength(1);
    expect(failures.body.failures[0]).toMatchObject({
      keys: { pk: 'TICKET#T-MISSING', sk: 'EVENT#000001' },
      eventName: 'INSERT',
      attempts: 3,
    });
    expect(failures.body.failures[0].sequenceNumber).toMatch(/^\d+$/);
    expect(failures.body.failures[0].shardId).toBeTruthy();
    // One warning that it was skipped; the handler's own error line for each of the 3 tries.
    expect(problems.filter((p) => p.includes('"level":"warn"'))).toHaveLength(1);
    expect(problems.length).toBeLessThanOrEqual(4);
  });
});

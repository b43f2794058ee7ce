/**
 * DS-9's work log on DynamoDB Local (ADR 022): an event is filed under the park-local day it
 * happened on (23:59 and 00:00 Asia/Shanghai are two days, though one UTC date), its index keys
 * never leak into what the store answers, and a day is read with a Query alone (no Scan).
 */
import { describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { openTicket } from '../../shared/app/open-ticket';
import { freshStore, logCalls } from '../support/store';
import { awsDeps } from '../support/aws-deps';

const dispatcher = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: ['park-1'] };
const repair = (phone: string) => ({
  kind: 'repair' as const,
  caller: { name: '王先生', phone, unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-28T15:00:00+08:00',
  decision: 'dispatch' as const,
});

describe('the work log index (DS-9)', () => {
  it('files each event under its park-local day, hides its keys, and reads a day with Queries only', async () => {
    const env = await freshStore();
    const clock = new AdjustableClock();
    const deps = awsDeps(env.store, clock);
    clock.set(new Date('2026-11-27T23:59:00+08:00'));
    const late = await openTicket(deps, dispatcher, repair('+8613700009001'));
    clock.set(new Date('2026-11-28T00:00:00+08:00'));
    const early = await openTicket(deps, dispatcher, repair('+8613700009002'));

    const calls: string[] = [];
    logCalls(env.client, calls);
    const day27 = await env.store.workLog({ parkId: 'park-1', day: '2026-11-27', limit: 50 });
    const day28 = await env.store.workLog({ parkId: 'park-1', day: '2026-11-28', limit: 50 });
    expect(day27.items.map((i) => i.ticketId)).toEqual([late.ticket.id]);
    expect(day28.items.map((i) => i.ticketId)).toEqual([early.ticket.id]);
    expect(day27.items[0]).toMatchObject({ entry: 'event', number: late.ticket.number, kind: 'repair' });
    expect(new Set(calls)).toEqual(new Set(['QueryCommand']));

    const history = await env.store.history(late.ticket.id);
    expect(JSON.stringify(history)).not.toMatch(/logDayKey|logAtKey|logNumber|logKind/);
    const events = await env.store.eventsUpTo(late.ticket.id, 1);
    expect(Object.keys(events[0] ?? {})).not.toContain('logDayKey');
  });
});

/** The API's answers rewritten to the park's time (issue 11 item 23): every UTC time, nothing else. */
import { describe, expect, it } from 'vitest';
import type { CoreDeps } from '../../shared/app/deps';
import { answerTimeZone, inParkTime, parkIdIn } from '../../shared/app/api-times';

describe('inParkTime', () => {
  it('rewrites every whole UTC time wherever it is, and leaves everything else as it was', () => {
    const answer = {
      ticket: {
        id: '01JDX0000000000000000000AA',
        parkId: 'park-1',
        createdAt: '2026-11-27T07:00:00.000Z',
        timers: { 'ack-30m': { dueAt: '2026-11-27T07:30:00.000Z', state: 'pending' } },
        timeline: [{ at: '2026-11-27T07:00:00.123Z', data: { appointmentAt: '2026-11-28T01:00:00Z' } }],
        description: '住户说2026-11-27T07:00:00Z以后漏水',
        localDay: '2026-11-27',
        version: 3,
        paid: false,
        note: null,
      },
      cursor: 'eyJwayI6IlRJQ0tFVCMifQ',
    };
    expect(inParkTime(answer, 'Asia/Shanghai')).toEqual({
      ticket: {
        id: '01JDX0000000000000000000AA',
        parkId: 'park-1',
        createdAt: '2026-11-27T15:00:00+08:00',
        timers: { 'ack-30m': { dueAt: '2026-11-27T15:30:00+08:00', state: 'pending' } },
        timeline: [
          { at: '2026-11-27T15:00:00.123+08:00', data: { appointmentAt: '2026-11-28T09:00:00+08:00' } },
        ],
        // Free text that only mentions a time is the resident's words: untouched.
        description: '住户说2026-11-27T07:00:00Z以后漏水',
        localDay: '2026-11-27',
        version: 3,
        paid: false,
        note: null,
      },
      cursor: 'eyJwayI6IlRJQ0tFVCMifQ',
    });
  });

  it('leaves a string that looks like a time but is none', () => {
    expect(inParkTime('2026-13-45T99:00:00Z', 'Asia/Shanghai')).toBe('2026-13-45T99:00:00Z');
  });
});

describe('parkIdIn: whose clocks an answer is read on', () => {
  it.each([
    [{ ticket: { parkId: 'park-2' } }, 'park-2'],
    [{ items: [{ parkId: 'park-3' }, { parkId: 'park-4' }] }, 'park-3'],
    [{ keySet: { history: [{ at: 'x' }], parkId: 'park-5' } }, 'park-5'],
    [{ items: [] }, undefined],
  ])('%j → %s', (answer, parkId) => {
    expect(parkIdIn(answer)).toBe(parkId);
  });
});

describe('answerTimeZone', () => {
  const deps = (park: () => Promise<unknown>) => () => ({ directory: { park } }) as unknown as CoreDeps;

  it("reads the park's zone", async () => {
    expect(
      await answerTimeZone(
        deps(async () => ({ timeZone: 'Asia/Urumqi' })),
        { parkId: 'park-2' },
      ),
    ).toBe('Asia/Urumqi');
  });

  it('reads nothing for an answer naming no park', async () => {
    const unread = deps(async () => {
      throw new Error('must not be read');
    });
    expect(await answerTimeZone(unread, { tickets: [] })).toBe('Asia/Shanghai');
  });

  it('a failed read of the park answers in the default zone: a recorded step is never turned into a 503', async () => {
    const throttled = deps(async () => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    });
    expect(await answerTimeZone(throttled, { ticket: { parkId: 'park-1' } })).toBe('Asia/Shanghai');
  });
});

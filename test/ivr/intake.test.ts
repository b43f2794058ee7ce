/** What a call opens goes through the desk's own schema; a request it refuses never crashes the call. */
import { describe, expect, it, vi } from 'vitest';
import { answerConnect, answerTwilio, type IvrDeps, phoneIntake } from '../../shared/app/ivr-calls';
import type { Unit } from '../../shared/domain/park';
import { PROMPTS } from '../../shared/ivr/call-tree';
import { makePark, STAFF, thrownBy } from '../support/fixtures';

const NOW = new Date('2026-11-27T10:00:00+08:00');
const WANG = '+8613800000001';
const DESK_PHONE = STAFF.find((s) => s.id === 'dispatcher-1')?.phone ?? '';
const VOICE = { sayLanguage: 'cmn-CN', voice: 'Polly.Zhiyu', speechLanguage: 'zh-CN' };
const INSTANCE = 'arn:aws:connect:ap-east-1:111122223333:instance/8f2b1c3d-0000-4000-8000-000000000001';

function unit(address: string): Unit {
  return {
    parkId: 'park-1',
    unit: '3-2-1502',
    address,
    residents: [{ name: '王先生', phone: WANG, relation: 'owner' }],
  };
}

/** IVR dependencies in memory, with the writes a call could make spied on. */
function fakeDeps(home: Unit) {
  const writes = {
    claimTicket: vi.fn(),
    keepAnswer: vi.fn(async (_call: unknown, _step: string, answer: string) => answer),
    create: vi.fn(),
  };
  const deps = {
    store: { get: async () => undefined, create: writes.create },
    directory: {
      park: async () => makePark(),
      staff: async () => STAFF,
      unit: async (_park: string, key: string) => (key === home.unit ? home : undefined),
    },
    clock: { now: () => NOW },
    ids: { next: () => '01JDESK0000000000000000000' },
    calls: {
      answerOf: async () => undefined,
      keepAnswer: writes.keepAnswer,
      claimTicket: writes.claimTicket,
      unitsOfPhone: async (_park: string, phone: string) => (phone === WANG ? [home] : []),
    },
    ivr: {
      parkId: 'park-1',
      baseUrl: 'https://desk.example.com',
      voice: VOICE,
      connectInstances: { [INSTANCE]: 'park-1' },
    },
  } as unknown as IvrDeps;
  return { deps, writes };
}

describe('phone intake: the open-ticket schema of POST /tickets', () => {
  it('a call’s repair is parsed as the desk parses a body; where it came from rides beside it', () => {
    // Act
    const intake = phoneIntake(
      'park-1',
      {
        kind: 'repair',
        callerPhone: WANG,
        unit: { unit: '3-2-1502', address: '3号楼2单元1502', name: '王先生' },
        description: '厨房水管漏水',
        transcript: '厨房水管漏水',
      },
      'ivr-twilio',
      'CA00000000000000000000000000000001',
      NOW,
    );

    // Assert
    expect(intake).toEqual({
      request: {
        kind: 'repair',
        parkId: 'park-1',
        caller: { name: '王先生', phone: WANG, unit: '3-2-1502' },
        description: '厨房水管漏水',
        location: '3号楼2单元1502',
        wantedAt: NOW.toISOString(),
      },
      source: {
        channel: 'ivr-twilio',
        callId: 'CA00000000000000000000000000000001',
        transcript: '厨房水管漏水',
      },
    });
  });

  it('issue 9 point 5: half a character in what was heard is mended to U+FFFD, not refused', () => {
    const intake = phoneIntake(
      'park-1',
      {
        kind: 'complaint',
        callerPhone: WANG,
        description: '电梯又坏了\ud83d',
        transcript: '电梯又坏了\ud83d,已经三天',
      },
      'ivr-connect',
      'contact-1',
      NOW,
    );

    expect(intake.request).toMatchObject({ description: '电梯又坏了\ufffd' });
    expect(intake.source.transcript).toBe('电梯又坏了\ufffd,已经三天');
  });

  it('a request the desk would refuse throws IVR.INTAKE_INVALID naming the field', () => {
    // Act
    const error = thrownBy(() =>
      phoneIntake(
        'park-1',
        {
          kind: 'repair',
          callerPhone: WANG,
          unit: { unit: '3-2-1502', address: '楼'.repeat(201) },
          description: '厨房水管漏水',
          transcript: '厨房水管漏水',
        },
        'ivr-connect',
        'contact-1',
        NOW,
      ),
    );

    // Assert
    expect(error.code).toBe('IVR.INTAKE_INVALID');
    expect(error.message).toContain('location');
  });

  it('Twilio: a request the desk would refuse puts the caller through to the desk; nothing is written', async () => {
    // Prepare: the caller's unit has an address longer than a ticket's location takes.
    const { deps, writes } = fakeDeps(unit('楼'.repeat(201)));

    // Act
    const xml = await answerTwilio(deps, {
      step: 'describe',
      query: { kind: 'repair', unit: '3-2-1502', n: '1' },
      form: { CallSid: 'CA00000000000000000000000000000002', From: WANG, SpeechResult: '厨房水管漏水' },
    });

    // Assert
    expect(xml).toContain(PROMPTS.putThrough);
    expect(xml).toContain(`<Number>${DESK_PHONE}</Number>`);
    expect(writes.claimTicket).not.toHaveBeenCalled();
    expect(writes.create).not.toHaveBeenCalled();
    expect(writes.keepAnswer).not.toHaveBeenCalled();
  });

  it('Connect: a request the desk would refuse transfers the caller; nothing is written', async () => {
    // Prepare
    const { deps, writes } = fakeDeps(unit('楼'.repeat(201)));

    // Act
    const answer = await answerConnect(deps, {
      contactId: 'contact-0001',
      phone: WANG,
      instanceArn: INSTANCE,
      parameters: { kind: 'repair', description: '厨房水管漏水' },
    });

    // Assert
    expect(answer).toEqual({ status: 'transfer', reason: 'error', prompt: PROMPTS.putThrough });
    expect(writes.claimTicket).not.toHaveBeenCalled();
    expect(writes.create).not.toHaveBeenCalled();
    expect(writes.keepAnswer).not.toHaveBeenCalled();
  });
});

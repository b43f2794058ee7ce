/** The key's clocks while it is out, and their SMS: due (guard, captain), escalated (manager), closing list (captain). */
import { describe, expect, it } from 'vitest';
import {
  applyKeySetEvent,
  handOutClocks,
  type KeyEvent,
  keyNotifications,
  keySetNotifications,
  nextClosing,
  reportKeySetLost,
} from '../../../shared/domain/key';
import { actorOf, makePark, STAFF } from '../../support/fixtures';
import { fire, PARK, step, guardAt, tenantHandedOut, unitKeySet } from './driver';

const at = (wall: string) => new Date(`2026-11-27T${wall}:00+08:00`);
const phones = (list: { to: { id: string } }[]) => list.map((n) => n.to.id);

describe('the clocks a hand-out starts', () => {
  it('KY-4: due at the slip’s time (else 2 hours), the manager 30 minutes later, the closing check at 17:30', () => {
    const ticket = tenantHandedOut();
    expect(ticket.timers).toEqual({
      'return-due': { dueAt: '2026-11-27T04:00:00.000Z', state: 'pending' },
      'return-escalate': { dueAt: '2026-11-27T04:30:00.000Z', state: 'pending' },
      'closing-20261127': { dueAt: '2026-11-27T09:30:00.000Z', state: 'pending' },
    });
  });

  it('a park sets its own loan time and manager wait', () => {
    const park = makePark({ keys: { loanMinutes: 60, managerAfterMinutes: 15 } });
    expect(handOutClocks('2026-11-27T03:00:00.000Z', at('10:00'), park)).toMatchObject({
      'return-escalate': '2026-11-27T03:15:00.000Z',
    });
  });

  it('a key handed out after closing is checked at the next day’s closing', () => {
    expect(nextClosing(at('19:00'), PARK)).toEqual({
      timer: 'closing-20261128',
      dueAt: '2026-11-28T09:30:00.000Z',
    });
  });
});

describe('a key not back by its due time', () => {
  it('KY-1: at the due time the guard who handed it out and the security captain are texted; it is overdue', () => {
    const fired = fire(tenantHandedOut(), 'return-due', at('12:00'));
    expect(fired?.ticket.overdue).toEqual(['return']);
    expect(fired?.ticket.timers['return-due']?.state).toBe('missed');
    const sms = keyNotifications(fired?.event as KeyEvent, fired!.ticket, STAFF, PARK);
    expect(phones(sms)).toEqual(['security-guard-1', 'security-captain-1']);
    expect(sms[0]?.text).toBe(
      '【翠湖物业】钥匙K-0153(3-2-1502入户门钥匙)超时未还:钱女士(租户)领用,应11月27日12:00归还,请催还,收回后登记:',
    );
    // KY-4: each with their own return link, for a week (ADR 013).
    expect(sms.map((m) => m.link)).toEqual([
      { purpose: 'key-return', expiresAt: '2026-12-04T04:00:00.000Z' },
      { purpose: 'key-return', expiresAt: '2026-12-04T04:00:00.000Z' },
    ]);
  });

  it('KY-1: 30 minutes later the security manager', () => {
    const due = fire(tenantHandedOut(), 'return-due', at('12:00'))!;
    const escalated = fire(due.ticket, 'return-escalate', at('12:30'))!;
    const sms = keyNotifications(escalated.event, escalated.ticket, STAFF, PARK);
    expect(phones(sms)).toEqual(['security-manager-1']);
    expect(sms[0]?.text).toBe(
      '【翠湖物业】钥匙K-0153(3-2-1502入户门钥匙)逾期30分钟仍未归还:钱女士(租户)领用,孙鹏发出,请处理,收回后登记:',
    );
    expect(sms[0]?.link?.purpose).toBe('key-return');
  });

  it('nothing fires before its time, after the return, or twice', () => {
    const out = tenantHandedOut();
    expect(fire(out, 'return-due', at('11:59'))).toBeUndefined();
    const back = step(out, { type: 'return', receivedBy: 'security-guard-1' }, guardAt(at('11:00'))).ticket;
    expect(fire(back, 'return-due', at('12:00'))).toBeUndefined();
    const fired = fire(out, 'return-due', at('12:00'))!;
    expect(fire(fired.ticket, 'return-due', at('12:01'))).toBeUndefined();
  });

  it('a late return clears the overdue list and is marked late', () => {
    const fired = fire(tenantHandedOut(), 'return-due', at('12:00'))!;
    const back = step(
      fired.ticket,
      { type: 'return', receivedBy: 'security-guard-1' },
      guardAt(at('12:10')),
    ).ticket;
    expect(back.overdue).toEqual([]);
    expect(back.returned?.late).toBe(true);
    expect(back.timers['return-due']?.state).toBe('missed');
    expect(back.timers['return-escalate']?.state).toBe('cancelled');
  });
});

describe('at the office’s closing time', () => {
  it('a key still out is on the overdue list and checked again at the next closing', () => {
    const out = tenantHandedOut('2026-11-28T10:00:00+08:00');
    const fired = fire(out, 'closing-20261127', at('17:30'))!;
    expect(fired.ticket.overdue).toEqual(['closing']);
    expect(fired.ticket.timers['closing-20261128']).toEqual({
      dueAt: '2026-11-28T09:30:00.000Z',
      state: 'pending',
    });
    // Without the list (another request's check texted it), this event sends nothing.
    expect(keyNotifications(fired.event, fired.ticket, STAFF, PARK)).toEqual([]);
  });

  it('the request whose check carries the list texts it to the security captain', () => {
    const out = tenantHandedOut('2026-11-28T10:00:00+08:00');
    const fired = fire(out, 'closing-20261127', at('17:30'))!;
    const event = {
      ...fired.event,
      data: {
        ...fired.event.data,
        rollCall: {
          closingAt: '2026-11-27T09:30:00.000Z',
          keys: [
            {
              tag: 'K-0153',
              place: '3-2-1502',
              label: '入户门钥匙',
              holder: '钱女士',
              ticketNumber: 'K20261127-001',
              dueAt: '',
            },
            {
              tag: 'K-0900',
              place: '水泵房',
              label: '门钥匙',
              holder: '张伟',
              ticketNumber: 'K20261127-002',
              dueAt: '',
            },
          ],
        },
      },
    } as KeyEvent;
    const sms = keyNotifications(event, fired.ticket, STAFF, PARK);
    expect(phones(sms)).toEqual(['security-captain-1']);
    expect(sms[0]?.text).toBe(
      '【翠湖物业】下班时仍有2套钥匙未还:K-0153 3-2-1502 钱女士、K-0900 水泵房 张伟,请跟进。',
    );
    expect(sms[0]?.purpose).toBe('closing-list');
  });
});

describe('KY-1: a lost key', () => {
  it('KY-1: is texted to the security manager, with who had it when it was out', () => {
    const set = unitKeySet();
    const draft = reportKeySetLost(set, '钥匙环断裂');
    const event = {
      ...draft,
      seq: 2,
      at: at('12:00').toISOString(),
      actor: actorOf('security-guard-1'),
    } as never;
    const lost = applyKeySetEvent(set, event);
    expect(lost).toMatchObject({ state: 'lost', lost: { note: '钥匙环断裂' } });
    const sms = keySetNotifications(event, lost, STAFF, PARK);
    expect(phones(sms)).toEqual(['security-manager-1']);
    expect(sms[0]?.text).toBe('【翠湖物业】钥匙遗失:K-0153(3-2-1502入户门钥匙)×2,孙鹏报告,请处理。');
  });
});

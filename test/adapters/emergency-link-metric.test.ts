/**
 * SMS that go out without their links (the key or base URL could not be read) are counted
 * in CloudWatch: the log line is an embedded-metric-format record of EstateDesk/EmergencySmsWithoutLink,
 * dimension-free, which the alarm in infra/aws/alarms.ts watches.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_LINK, SMS_WITHOUT_LINK_METRIC, withAckLinks } from '../../shared/app/emergency-links';
import type { LinkNotification, Notification } from '../../shared/domain/sms';
import type { TicketStore } from '../../shared/ports';
import type { Ticket } from '../../shared/domain/tickets';
import { DEMO_STAFF } from '../../infra/local/demo-park';

const ticket = { id: '01KX00000000000000000000EM', parkId: 'park-1', kind: 'emergency' } as Ticket;
const [first, second, third] = DEMO_STAFF;
const link = { purpose: 'acknowledge' as const, expiresAt: '2026-11-28T10:00:00.000Z' };
const notifications: Notification[] = [
  { to: first!, text: '紧急E20261128-001火情:请点链接确认:', purpose: 'ack-r1-L1', link } as LinkNotification,
  { to: second!, text: '紧急E20261128-001火情:到场请点:', purpose: 'scene', link } as LinkNotification,
  { to: third!, text: '紧急E20261128-001火情:请您负责调度。', purpose: 'owner' },
];

let lines: string[];
let level: string | undefined;

beforeEach(() => {
  lines = [];
  level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info';
  const capture = (chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env.LOG_LEVEL = level;
});

function metricRecords() {
  return lines
    .flatMap((line) => line.split('\n'))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown> & { _aws?: { CloudWatchMetrics: unknown[] } })
    .filter((entry) => entry._aws);
}

/** Where the links' claims go (ADR 012); these tests only count. */
const saved: string[] = [];
const store = {
  saveAckLink: async (token: string) => {
    saved.push(token);
  },
} as unknown as TicketStore;

describe('SMS without their links', () => {
  it('emits one EMF record counting the SMS that lost their link, with no dimensions', async () => {
    const broken = { key: () => Promise.reject(new Error('ParameterNotFound')), baseUrl: () => 'https://x' };

    const sent = await withAckLinks({ ackLinks: broken, store }, ticket, notifications);

    expect(sent.filter((n) => n.text.endsWith(NO_LINK))).toHaveLength(2);
    const records = metricRecords();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      ticketId: ticket.id,
      [SMS_WITHOUT_LINK_METRIC.name]: 2,
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [
          {
            Namespace: 'EstateDesk',
            Dimensions: [[]],
            Metrics: [{ Name: 'EmergencySmsWithoutLink', Unit: 'Count' }],
          },
        ],
      },
    });
  });

  it('emits nothing when the links are made', async () => {
    const keys = { key: async () => 'k'.repeat(40), baseUrl: () => 'https://desk.example.com' };

    const sent = await withAckLinks({ ackLinks: keys, store }, ticket, notifications);

    expect(metricRecords()).toEqual([]);
    // Each link's claims stored under its token, the token at the end of its text.
    expect(saved).toHaveLength(2);
    expect(sent[0]?.text).toBe(`紧急E20261128-001火情:请点链接确认:https://desk.example.com/ack/${saved[0]}`);
  });
});

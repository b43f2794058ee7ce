/**
 * The SMS templates to register for +86 numbers (docs/sms-templates.md) are generated from the
 * notification code by infra/aws/sms-templates.ts: the committed file must be what it prints now,
 * and the stories it drives must reach every text the kinds can send.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDERS,
  renderSmsTemplates,
  SMS_TEMPLATES_FILE,
  smsTemplatesMarkdown,
  templateOf,
} from '../../infra/aws/sms-templates';
import { NO_LINK } from '../../shared/app/emergency-links';
import { COMPLAINT_TIMERS } from '../../shared/domain/complaint';
import { MISS_TEXTS } from '../../shared/domain/complaint/notifications';

const templates = renderSmsTemplates();

describe('docs/sms-templates.md', () => {
  it('is current: regenerate it with `npx tsx infra/aws/sms-templates.ts` after changing any SMS text', () => {
    const committed = readFileSync(SMS_TEMPLATES_FILE, 'utf8');
    expect(committed, 'docs/sms-templates.md is stale: run npx tsx infra/aws/sms-templates.ts').toBe(
      smsTemplatesMarkdown(templates),
    );
  });

  it('is the same on every run (no clock, zone or order of the machine in it)', () => {
    expect(smsTemplatesMarkdown(renderSmsTemplates())).toBe(smsTemplatesMarkdown(templates));
  });
});

describe('the templates', () => {
  const purposes = (kind: string) =>
    new Set(templates.filter((t) => t.kind === kind).flatMap((t) => t.purposes));

  it('cover every kind and every SMS purpose of repairs', () => {
    expect([...purposes('repair')].sort()).toEqual(
      [
        'ack-30m',
        'appointment-reminder',
        'assigned',
        'received',
        'unassigned',
        // Issue 11 items 4-6 and 8: the clocks that keep a repair in sight, and the corrections.
        'received-desk',
        'received-manager',
        'appointment-reminder-lead',
        'appointment-due',
        'complete-by',
        'complete-L2',
        'cancelled',
        'rescheduled',
        'reopened',
        // ADR 011: the one alert of a budget breach.
        'sms-budget-ticket',
        'sms-budget-park-hour',
      ].sort(),
    );
  });

  it('cover every missed complaint clock of MISS_TEXTS, the DS-4/DS-5 reminders and the one-month upgrade', () => {
    const complaint = purposes('complaint');
    for (const timer of Object.keys(MISS_TEXTS)) expect(complaint, timer).toContain(timer);
    for (const purpose of ['received', 'report-sheet', 'stop-harm', 'supervisor', 'director', 'resolved']) {
      expect(complaint, purpose).toContain(purpose);
    }
    expect(complaint).toContain(COMPLAINT_TIMERS.followUp);
    expect(complaint).toContain(COMPLAINT_TIMERS.oneMonth);
    // DS-5 at closing time: three texts, by what is missing.
    expect(templates.filter((t) => t.purposes.includes(COMPLAINT_TIMERS.followUpEod))).toHaveLength(3);
  });

  it('cover the emergency chain (first, no answer, undeliverable, later rounds, exhausted), scene, owner, handover and instructions', () => {
    const emergency = templates.filter((t) => t.kind === 'emergency').map((t) => t.text);
    for (const part of [
      '请速处理,点链接确认:{link}',
      '{role}未确认,',
      '{role}无法联系,',
      '第{round}轮,上轮各级均未确认,',
      '第{round}轮,{role}未确认,',
      '第{round}轮,{role}无法联系,',
      '经{rounds}轮短信无人确认',
      '到场请点:{link}',
      '请您负责调度,接手请点:{link}',
      '请您接替调度:{location}。{description}。接手请点:{link}',
      '指示#{n}({from}):{text}',
      '指示#{n}已到期未完成',
    ]) {
      expect(
        emergency.some((text) => text.includes(part)),
        part,
      ).toBe(true);
    }
    // A link SMS is also sent without its link when the key cannot be read.
    for (const text of emergency.filter((t) => t.endsWith('{link}'))) {
      expect(emergency).toContain(text.replace('{link}', NO_LINK));
    }
  });

  it('cover every key SMS: due, escalated, the closing-time list, a lost key in the cabinet and out (KY-1)', () => {
    expect([...purposes('key')].sort()).toEqual([
      'closing-list',
      'key-lost',
      'return-due',
      'return-escalate',
    ]);
    expect(templates.filter((t) => t.purposes.includes('key-lost'))).toHaveLength(2);
  });

  it('hold only placeholders for what varies: no sentinel, time or fee left, each placeholder explained', () => {
    for (const { text } of templates) {
      expect(text).not.toMatch(/[\uE000-\uF8FF]/);
      expect(text).not.toMatch(/\d{1,2}月\d{1,2}日|\d{2}:\d{2}|987654/);
      for (const placeholder of text.match(/\{[a-z]+\}/g) ?? [])
        expect(PLACEHOLDERS).toHaveProperty([placeholder]);
    }
  });

  it('templateOf turns the variable parts of a real text into placeholders', () => {
    expect(templateOf('complaint', '投诉C20261127-001已10分钟未签收(工程部):x,请跟进。')).toBe(
      '投诉C20261127-001已10分钟未签收({department}):x,请跟进。',
    );
    expect(
      templateOf('emergency', '紧急\uE003火警指示#3(\uE007):\uE006,请于11月27日10:00前完成并回报。'),
    ).toBe('紧急{number}{category}指示#{n}({from}):{text},请于{time}前完成并回报。');
  });
});

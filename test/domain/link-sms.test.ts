/**
 * Every SMS that asks its reader to act fits two concatenated segments (134 UTF-16 units) with
 * its link, for a description of 30 characters, which arrives whole: the stories of
 * docs/sms-templates.md (every text the kinds send) run with real values, the longest register
 * number, a long name and place, each emergency category, and a link at the longest base URL the
 * texts are fitted for.
 */
import { describe, expect, it } from 'vitest';
import { storyNotifications, type StoryValues } from '../../infra/aws/sms-templates';
import { ACK_TOKEN_CHARS } from '../../shared/domain/ack-link';
import { EMERGENCY_CATEGORIES } from '../../shared/domain/emergency';
import { hasLink, LINK_BASE_MAX, LINK_SMS_LIMIT, SMS_SEGMENT } from '../../shared/domain/sms';

const DESCRIPTION = '厨房水管接头爆裂漏水,水已流到客厅地板,楼下天花板也开始渗水';
const LINK = `https://${'w'.repeat(LINK_BASE_MAX - 'https://'.length)}/ack/${'A'.repeat(ACK_TOKEN_CHARS)}`;

const values = (category: StoryValues['category']): StoryValues => ({
  description: DESCRIPTION,
  unit: '12-3-2502',
  location: '12号楼3单元2502卫生间',
  number: 'R20261231-999',
  name: '欧阳小明',
  place: '5号楼地下车库B区',
  text: '立即疏散5号楼住户并关闭燃气总阀',
  from: '郑总',
  tag: 'K-0153',
  label: '入户门及信箱钥匙',
  category,
  signature: '【翠湖物业】',
  staffNames: 'demo',
  fee: 380,
});

describe.each(EMERGENCY_CATEGORIES)('with emergencies of category %s', (category) => {
  const sent = storyNotifications(values(category));
  const withLink = sent.filter(({ notification }) => hasLink(notification));

  it('the stories send a link SMS of every kind', () => {
    expect(new Set(withLink.map((s) => s.kind))).toEqual(
      new Set(['repair', 'complaint', 'emergency', 'key', 'move-in']),
    );
  });

  // Keys and move-ins have no description: their facts are the key (tag, place, label) and the case.
  const facts = {
    key: ['K-0153', '12-3-2502', '入户门及信箱钥匙'],
    'move-in': ['R20261231-999', '12-3-2502'],
  };
  it.each(withLink.map((s) => [`${s.kind} ${s.notification.purpose}`, s.kind, s.notification.text] as const))(
    '%s: two segments with the link, the description (KY, MI: the facts) whole',
    (purpose, kind, text) => {
      expect(text.length + LINK.length, text).toBeLessThanOrEqual(LINK_SMS_LIMIT);
      // Issue 11 items 15, 16: the owner's calls to phone carry whom to phone (name and number)
      // instead of the description the owner has already.
      if (/ (missed-r\d+-L\d+|unanswered|not-on-scene)$/.test(purpose)) {
        expect(text).toMatch(/[\u4e00-\u9fff]{2,4}1\d{10}/);
        return;
      }
      // DS-7's Monday SMS (ADR 022) is about a week of complaints: its facts are the week and the count.
      if (purpose.endsWith(' weekly-review')) {
        for (const fact of ['11月23日-11月29日', '仍有12宗']) expect(text).toContain(fact);
        return;
      }
      // CH-10's monthly reminder (ADR 021) is about a month: its facts are the month, the missing report, the due day.
      if (purpose.endsWith(' monthly-report')) {
        for (const fact of ['2026年11月', '尚无调度员简要报告', '11月30日前']) expect(text).toContain(fact);
        return;
      }
      for (const fact of kind === 'key' || kind === 'move-in' ? facts[kind] : [DESCRIPTION]) {
        expect(text).toContain(fact);
      }
    },
  );

  it('the texts without a link stay within one segment where their facts allow it, never losing the description’s first 30 characters', () => {
    for (const { notification } of sent.filter((s) => !hasLink(s.notification))) {
      const { text, purpose } = notification;
      if (purpose.startsWith('instruction-') && !purpose.endsWith('-overdue')) continue;
      if (text.includes(DESCRIPTION.slice(0, 10))) expect(text, text).toContain(DESCRIPTION);
      expect(text.length, text).toBeLessThanOrEqual(2 * SMS_SEGMENT);
    }
  });
});

it('the technician is told whom to call: the resident’s name and the number as dialled', () => {
  const assigned = storyNotifications(values('fire')).find((s) => s.notification.purpose === 'assigned');
  expect(assigned?.notification.text).toContain('欧阳小明13800000001');
});

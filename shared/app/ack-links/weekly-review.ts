/**
 * DS-7's Monday link (`weekly-review`, ADR 022): the dispatcher's list of last week's complaints
 * still not handled, each with what it owes and by when, and one form to record a case that cannot
 * be handled or lacks the means (`POST /reviews/weekly/{week}/items` as the link's person, so the
 * same permission, park and week checks apply). Its subject is the park's week, not a ticket.
 */
import { DomainError } from '../../domain/errors';
import { ROLE_LABELS } from '../../domain/park';
import { chineseShort } from '../../domain/time';
import { REVIEW_TEXT_MAX } from '../../domain/weekly-review';
import type { AckDeps } from '../deps';
import { getWeeklyReview, recordReviewItem, type ReviewCase } from '../weekly-review';
import type { ReviewLink } from './check';
import type { LinkFact, LinkPage } from './page';
import { parkLinkPerson, refusedPage } from './park-link';
import { BROKEN } from './page';

export const COMPLAINT_STATUS_LABELS: Record<string, string> = {
  received: '待定性',
  'handed-off': '已呈报待签收',
  acknowledged: '处理中',
  resolved: '已处理待回访',
  closed: '已结案',
};

export const SEVERITY_LABELS: Record<string, string> = { major: '重大', important: '重要', minor: '轻微' };

const RECORD = 'record';

function caseFact(c: ReviewCase, timeZone: string): LinkFact {
  const parts = [
    COMPLAINT_STATUS_LABELS[c.status] ?? c.status,
    c.severity ? (SEVERITY_LABELS[c.severity] ?? c.severity) : '',
    c.departmentLabel ?? '',
    c.owes.length ? `逾期未${c.owes.join('、')}` : '',
    c.nextDeadline ? `时限${chineseShort(new Date(c.nextDeadline.dueAt), timeZone)}` : '',
    c.recorded ? '已记录' : '',
  ].filter(Boolean);
  return { label: c.number ?? c.id, value: parts.join(' ') };
}

/** GET: the week's open complaints and the form. Reads only. */
export async function reviewLinkPage(deps: AckDeps, link: ReviewLink): Promise<LinkPage> {
  const who = await parkLinkPerson(deps, link.review.parkId, link.claims.staffId);
  if (!who) return BROKEN['not-yours'];
  let cases: ReviewCase[];
  try {
    cases = (await getWeeklyReview(deps, who.principal, link.review)).cases;
  } catch (error) {
    if (error instanceof DomainError) return refusedPage('投诉周检', error);
    throw error;
  }
  const facts: LinkFact[] = [
    { label: '周次', value: link.review.week },
    {
      label: '未处理完毕',
      value: `${cases.filter((c) => !c.recorded).length}宗(已记录${cases.filter((c) => c.recorded).length}宗)`,
    },
    ...cases.map((c) => caseFact(c, who.timeZone)),
    { label: '本链接属于', value: `${who.member.name}(${ROLE_LABELS[who.member.roles[0] ?? 'dispatcher']})` },
  ];
  const options = cases.map((c) => ({
    value: c.id,
    label: `${c.number ?? c.id}${c.recorded ? '(已记录)' : ''}`,
  }));
  return {
    outcome: cases.length ? 'form' : 'done',
    title: `投诉周检 ${link.review.week}`,
    ...(cases.length ? {} : { notice: { tone: 'done' as const, text: '该周投诉均已处理完毕,无需记录。' } }),
    facts,
    forms: cases.length
      ? [
          {
            action: RECORD,
            button: '记录',
            intro: '无法处理或处理条件不具备的投诉,请选择并写明情况,由管理处负责人确认或确定新的处理方法。',
            fields: [
              { name: 'ticketId', label: '投诉', type: 'select', required: true, maxLength: 26, options },
              {
                name: 'note',
                label: '情况说明',
                type: 'textarea',
                required: true,
                maxLength: REVIEW_TEXT_MAX,
              },
            ],
          },
        ]
      : [],
  };
}

/** POST: records the chosen case's note as the link's person (DS-7), then shows the list again. */
export async function useReviewLink(
  deps: AckDeps,
  link: ReviewLink,
  form: Readonly<Record<string, string>>,
): Promise<LinkPage> {
  const page = await reviewLinkPage(deps, link);
  if (page.outcome !== 'form') return page;
  const who = await parkLinkPerson(deps, link.review.parkId, link.claims.staffId);
  const ticketId = form.ticketId ?? '';
  const note = (form.note ?? '').trim();
  const offered = page.forms[0]?.fields?.[0]?.options?.some((o) => o.value === ticketId);
  if (!who || form.action !== RECORD || !offered || !note || note.length > REVIEW_TEXT_MAX) {
    return {
      ...page,
      outcome: 'invalid-form',
      notice: { tone: 'warn', text: `请选择投诉并填写情况说明(至多${REVIEW_TEXT_MAX}字),未作任何记录。` },
    };
  }
  try {
    const entry = await recordReviewItem(deps, who.principal, link.review.week, { ticketId, note });
    const after = await reviewLinkPage(deps, link);
    return {
      ...after,
      outcome: 'recorded',
      notice: { tone: 'done', text: `已记录${entry.ticketNumber ?? ''},待管理处负责人确认。谢谢!` },
    };
  } catch (error) {
    if (error instanceof DomainError) return refusedPage('投诉周检', error);
    throw error;
  }
}

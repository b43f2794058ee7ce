/**
 * What the dispatcher says on a complaint call (CH-2: 在稳定业主的情况下…先处理心情): first the
 * resident's feelings (calm and an apology), then the matter read back, then what happens next —
 * as the repair desk has its RP-2/RP-3 sentences. Chinese, in the park's time zone.
 */
import { DEPARTMENT_LABELS, type Park } from '../park';
import { chineseShort } from '../time';
import type { ComplaintTicket } from './model';

export interface ComplaintScript {
  /** CH-2: calm the resident first (先处理心情), with an apology. */
  comfort: string;
  /** CH-3: the matter read back, to be confirmed. */
  confirmation: string;
  /** What happens next: who handles it, by when, and the callback (CH-4, CH-6, CH-7). */
  next: string;
}

/** CH-2: the apology the desk and the phone line say. */
export const COMPLAINT_APOLOGY = '给您带来不便,我们非常抱歉。';

/** CH-7: what the resident is promised, by severity. */
const PROMISE = {
  minor: '两天内处理好',
  important: '三天内处理完毕',
  major: '两天内给您明确答复',
} as const;

/** CH-2, CH-4, CH-6, CH-7: the sentences for a complaint as opened (graded at the desk or not). */
export function complaintScript(ticket: ComplaintTicket, park: Park): ComplaintScript {
  const demand = ticket.demand ? `;您的要求:${ticket.demand}` : '';
  const confirmation = `跟您确认一下:地点:${ticket.place};情况:${ticket.description}${demand}。对吗?`;
  const comfort = `您先别着急,您反映的情况我们很重视。${COMPLAINT_APOLOGY}`;
  if (!ticket.about || ticket.valid === undefined) {
    return { comfort, confirmation, next: '我们会在10分钟内把您的投诉转交负责部门,处理完毕当天回访您。' };
  }
  const dept = DEPARTMENT_LABELS[ticket.about.department];
  const repeated = ticket.repeatRaisedFrom ? '您多次反映此事,我们已按重大投诉上报管理处主任。' : '';
  const by = ticket.residentDeadline
    ? `在${chineseShort(new Date(ticket.residentDeadline), park.timeZone)}前处理好`
    : ticket.valid && ticket.severity
      ? PROMISE[ticket.severity]
      : '尽快处理';
  return {
    comfort,
    confirmation,
    next: `${repeated}投诉单号${ticket.number ?? ''},已转交${dept}负责人,会${by},处理完毕当天回访您。`,
  };
}

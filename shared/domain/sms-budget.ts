/**
 * SMS budgets (ADR 011): how many SMS one ticket, and one park in one clock hour, may send; what a
 * budget holds; and the one alert a breach sends the office manager. Pure.
 *
 * - A repair or complaint: beyond `smsPerTicket` its SMS are held (recorded, not sent).
 * - An emergency: its own, much larger `emergencySmsPerTicket`, and its EM-2 chain and EM-3 scene
 *   SMS are never held (emergency/notifications.ts `smsNeverHeld`): a real fire is not muted.
 * - The park's hour: beyond `smsPerParkHour` repair and complaint SMS are held; every SMS counts,
 *   but an emergency's are never held by it.
 */
import { smsNeverHeld } from './emergency';
import type { LimitSettings, Park, StaffMember } from './park';
import { firstHolders } from './park';
import type { Notification } from './sms';
import type { Ticket } from './tickets';

export type SmsBudgetName = 'ticket' | 'park-hour';

/** Who hears of a breach: the office manager (管理处经理), else who stands in for them. */
const ALERTED = ['office-manager', 'office-director', 'supervisor'] as const;

/** The ticket's budget: an emergency's own, larger one, else the repair's and complaint's. */
export function ticketSmsBudget(ticket: Pick<Ticket, 'kind'>, settings: LimitSettings): number {
  return ticket.kind === 'emergency' ? settings.emergencySmsPerTicket : settings.smsPerTicket;
}

/** Whether an SMS over `budget` is held: never an emergency's chain or scene SMS, nor any emergency SMS by the hour. */
export function heldOverBudget(
  ticket: Pick<Ticket, 'kind'>,
  purpose: string,
  budget: SmsBudgetName,
): boolean {
  if (ticket.kind !== 'emergency') return true;
  return budget === 'ticket' && !smsNeverHeld(purpose);
}

/** What the record of a held SMS says (the timeline shows it). */
export function heldReason(budget: SmsBudgetName, limit: number): string {
  return budget === 'ticket'
    ? `SmsBudget: this ticket has sent its ${limit} SMS; held, not sent`
    : `SmsBudget: the park has sent its ${limit} SMS this hour; held, not sent`;
}

/** The one SMS a breach sends: to the office manager (or who stands in), saying what is held. */
export function budgetAlert(
  budget: SmsBudgetName,
  limit: number,
  ticket: Pick<Ticket, 'kind' | 'number'>,
  staff: readonly StaffMember[],
  park: Pick<Park, 'smsSignature'>,
): Notification[] {
  const what =
    budget === 'ticket'
      ? `${ticket.number ?? '工单'}已发满${limit}条短信,之后${ticket.kind === 'emergency' ? '除通知链和到场通知外' : '的短信'}暂停发送`
      : `本小时已发满${limit}条短信,之后的维修和投诉短信暂停发送`;
  const text = `${park.smsSignature}短信超额:${what},已记录在工单上,请查看。`;
  return firstHolders(staff, ALERTED).map((to) => ({ to, text, purpose: `sms-budget-${budget}` }));
}

/**
 * Whether one claimed SMS goes out or is held by a budget (ADR 011, domain/sms-budget.ts): one
 * counter per ticket and one per park and clock hour, each one UpdateItem that answers the new
 * count. The SMS that first takes a counter past its budget sends the one alert of that breach to
 * the office manager (an atomic count has exactly one such SMS), recorded on the ticket like any
 * SMS. A held SMS is settled `held`, with the reason: on the timeline, never dropped silently.
 */
import { limitSettings, windowOf } from '../domain/limits';
import type { Park, StaffMember } from '../domain/park';
import type { SmsBudgetName } from '../domain/sms-budget';
import { budgetAlert, heldOverBudget, heldReason, ticketSmsBudget } from '../domain/sms-budget';
import type { Ticket } from '../domain/tickets';
import { log } from '../log';
import type { SmsRecord } from '../ports';
import type { Deps } from './deps';
import { claimAndSendSms } from './send-sms';

/** A ticket's counter outlives it; a complaint may run for a month and more (CH-1). */
const TICKET_COUNTER_DAYS = 400;
/** Alerts take the indexes from here on in their event's SMS list (no event derives this many). */
export const ALERT_INDEX = { ticket: 900, 'park-hour': 950 } as const;

/**
 * Counts `record` against the ticket's budget and the park's hour; answers why it is held, or
 * undefined when it goes out. Sends the breach's alert when this SMS is the one that broke it.
 */
export async function smsHeldBy(
  deps: Deps,
  ticket: Ticket,
  park: Park,
  staff: readonly StaffMember[],
  record: SmsRecord,
): Promise<string | undefined> {
  const { settings } = limitSettings(park);
  const now = deps.clock.now();
  const budgets: { name: SmsBudgetName; counter: string; limit: number; purgeAfter: Date }[] = [
    {
      name: 'ticket',
      counter: `SMS#TICKET#${ticket.id}`,
      limit: ticketSmsBudget(ticket, settings),
      purgeAfter: new Date(now.getTime() + TICKET_COUNTER_DAYS * 86_400_000),
    },
  ];
  const hour = windowOf(now, 3600);
  budgets.push({
    name: 'park-hour',
    counter: `SMS#PARK#${ticket.parkId}#${hour.index}`,
    limit: settings.smsPerParkHour,
    purgeAfter: new Date(hour.endsAt.getTime() + 86_400_000),
  });
  for (const budget of budgets) {
    const count = await deps.store.countUp(budget.counter, budget.purgeAfter);
    if (count === budget.limit + 1) await alert(deps, budget.name, budget.limit, ticket, park, staff, record);
    if (count > budget.limit && heldOverBudget(ticket, record.purpose, budget.name)) {
      log.warn('SMS held by its budget', {
        ticketId: ticket.id,
        eventSeq: record.eventSeq,
        budget: budget.name,
      });
      return heldReason(budget.name, budget.limit);
    }
  }
  return undefined;
}

/** The breach's one alert, claimed and settled as an SMS of the ticket whose SMS broke the budget. */
async function alert(
  deps: Deps,
  budget: SmsBudgetName,
  limit: number,
  ticket: Ticket,
  park: Park,
  staff: readonly StaffMember[],
  cause: SmsRecord,
): Promise<void> {
  log.warn('SMS budget reached; the office manager is told', { ticketId: ticket.id, budget, limit });
  for (const [i, n] of budgetAlert(budget, limit, ticket, staff, park).entries()) {
    const record: SmsRecord = {
      ticketId: ticket.id,
      eventSeq: cause.eventSeq,
      index: ALERT_INDEX[budget] + i,
      staffId: n.to.id,
      to: n.to.phone,
      text: n.text,
      purpose: n.purpose,
      state: 'sending',
      at: deps.clock.now().toISOString(),
    };
    // A failure is recorded on the ticket; not retried with the stream (the breach is counted once), and logged.
    if ((await claimAndSendSms(deps, record)) instanceof Error)
      log.error('the SMS budget alert could not be sent', { ticketId: ticket.id, budget });
  }
}

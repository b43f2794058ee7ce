/**
 * A caller who already has an open ticket of this kind calls again (ADR 011): the repeated call is
 * recorded on that ticket as an event of its own, and no second ticket, chain or SMS follows. Every
 * kind takes this event the same way; it moves no status and no clock.
 */
import type { Caller, TicketBase, TicketEvent, TicketSource } from './ticket';

export type CalledAgainEvent = TicketEvent<
  'caller.called-again',
  {
    caller: Caller;
    channel: TicketSource['channel'];
    /** The provider's call id (IVR): a replay of the same call records nothing twice. */
    callId?: string;
    /** What the caller said this time (it may add to what the ticket says). */
    description?: string;
    transcript?: string;
  }
>;

/** What the ticket keeps of its repeated calls: how many, and the last. */
export interface CalledAgain {
  count: number;
  lastAt: string;
  lastCallId?: string;
}

/** Folds the event into any kind's ticket: the count and the last call; status and clocks stay. */
export function applyCalledAgain<T extends TicketBase>(ticket: T, event: CalledAgainEvent): T {
  return {
    ...ticket,
    version: event.seq,
    updatedAt: event.at,
    calledAgain: {
      count: (ticket.calledAgain?.count ?? 0) + 1,
      lastAt: event.at,
      ...(event.data.callId ? { lastCallId: event.data.callId } : {}),
    },
  };
}

/**
 * What the phone intake keeps per call, and its caller lookup: the port `shared/app/ivr-calls`
 * uses and `shared/adapters/dynamo/call-store.ts` implements on the single table.
 */
import type { Unit } from '../domain/park';

/** A call at its provider: Twilio's CallSid or Connect's ContactId. */
export interface CallKey {
  provider: 'twilio' | 'connect';
  id: string;
}

/** The call's one ticket, as claimed. */
export interface TicketClaim {
  ticketId: string;
  at: string;
  /** True when this request made the claim. */
  mine: boolean;
}

/** What the IVR keeps per call, and the caller lookup by phone. */
export interface CallStore {
  /** The answer already given to this step of this call. */
  answerOf(call: CallKey, step: string): Promise<string | undefined>;
  /** Keeps the answer unless one was kept first; returns the answer that is kept. */
  keepAnswer(call: CallKey, step: string, answer: string, at: string): Promise<string>;
  /** Claims the call's one ticket for `ticketId`, or returns the claim made before. */
  claimTicket(call: CallKey, ticketId: string, at: string): Promise<TicketClaim>;
  /** The park's units listing this phone number among their residents. */
  unitsOfPhone(parkId: string, phone: string): Promise<Unit[]>;
}

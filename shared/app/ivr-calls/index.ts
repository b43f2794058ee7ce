/**
 * Phone intake (IVR): a call's steps answered once, and one ticket per call.
 *
 * Input: one webhook of a Twilio call (step, its URL state, the posted form), or one Amazon
 * Connect contact-flow invocation. Output: TwiML, or Connect's flat string map.
 * 1. A step already answered for this call (a provider retry or replay) gets the stored answer;
 *    nothing is written.
 * 2. Otherwise the call tree (shared/ivr/call-tree) answers, looking up the caller's unit and
 *    whom to put them through to.
 * 3. When the tree asks for a ticket, the request is parsed as POST /tickets parses it; the call's
 *    one ticket is then claimed (a conditional write keyed by the call id, holding the ticket id)
 *    and opened with the ordinary `openTicket` under that id: two copies of the same request, even
 *    at the same moment, open one ticket.
 * 4. The answer is kept with a conditional write; a copy that lost the race returns the winner's.
 *
 * context.ts: settings, principal, the tree's lookups. intake.ts and one-ticket.ts: step 3.
 * twilio.ts and connect.ts: steps 1, 2 and 4 for each provider.
 */
export {
  canOpenKind,
  type IvrDeps,
  type IvrSettings,
  ivrPrincipal,
  ivrSettingsFromEnv,
} from './context';
export { answerConnect, type ConnectAnswer, type ConnectInvocation } from './connect';
export { openCommand, type PhoneIntake, phoneIntake } from './intake';
export { openForCall } from './one-ticket';
export { answerTwilio, isCallSid, personOnly, type TwilioWebhook } from './twilio';

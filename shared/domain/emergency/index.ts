/**
 * Emergencies (紧急或重大事情, 篇4 3.2; EM-1..EM-6) for the table of kinds: the one module that
 * assembles `emergencyRules`, and the kind's public API for the rest of the code.
 */
import type { TicketKindRules } from '../kind';
import { applyEmergencyEvent } from './apply';
import { decideEmergency, emergencyTimerDue } from './decide';
import { nextEmergencyCommands } from './lifecycle';
import type { EmergencyCommandBody, EmergencyEvent, EmergencyIntake, EmergencyTicket } from './model';
import { EMERGENCY_COMMANDS, EMERGENCY_STATUSES } from './model';
import { emergencyNotifications, emergencySmsMoot } from './notifications';
import { openEmergency, openingReply } from './open';

export const emergencyRules: TicketKindRules<
  EmergencyTicket,
  EmergencyEvent,
  EmergencyIntake,
  EmergencyCommandBody
> = {
  register: 'E',
  statuses: EMERGENCY_STATUSES,
  commands: EMERGENCY_COMMANDS,
  // Every emergency is entered in the dispatch record (EM-4: 记录并立项).
  needsNumber: () => true,
  needsDirectory: true,
  open: (input, ctx) => {
    const { ticket, event } = openEmergency(input, ctx);
    return { ticket, event, reply: openingReply(ticket) };
  },
  allowedCommands: nextEmergencyCommands,
  decide: decideEmergency,
  apply: applyEmergencyEvent,
  timerDue: emergencyTimerDue,
  notifications: emergencyNotifications,
  moot: emergencySmsMoot,
  // EM-4 offered again to the successor already asked: no second event, no second SMS (ADR 011).
  changesNothing: (ticket, draft) =>
    draft.type === 'emergency.handover-offered' && ticket.handover?.to.staffId === draft.data.to.staffId,
  assigneeOnly: [],
};

export { applyEmergencyEvent } from './apply';
export type { ChainDecision, ChainTrigger } from './chain';
export {
  ackPurpose,
  decideAcknowledgement,
  decideChain,
  decideUndeliverable,
  escalationTimer,
  nextChainMove,
  smsKey,
} from './chain';
export { decideEmergency, emergencyTimerDue } from './decide';
export { instructionTimer, MAX_INSTRUCTIONS } from './instructions';
export { nextEmergencyCommands } from './lifecycle';
export { linkActor, linkRefusal } from './links';
export type {
  Acknowledgement,
  ChainLevel,
  ChainMove,
  ChainPosition,
  ChainRecipient,
  ChainSkip,
  ChainStep,
  EmergencyCategory,
  EmergencyChain,
  EmergencyCommand,
  EmergencyCommandBody,
  EmergencyDraft,
  EmergencyEvent,
  EmergencyIntake,
  EmergencyStatus,
  EmergencyTicket,
  Handover,
  Instruction,
  InstructionState,
  Owner,
  Person,
  Responder,
  SignOff,
  Via,
} from './model';
export {
  CATEGORY_LABELS,
  EMERGENCY_CATEGORIES,
  EMERGENCY_COMMANDS,
  EMERGENCY_STATUSES,
  EMERGENCY_TRANSITIONS,
} from './model';
export type { LinkNotification } from './notifications';
export { emergencyNotifications, emergencySmsMoot, hasLink, smsNeverHeld } from './notifications';
export { CALLER_SENTENCE, openEmergency } from './open';
export { HANDOVER_GROUPS, initialOwner } from './owner';
export { decideResponder, respondersFor } from './responders';
export { EM3_RESPONDERS, EMERGENCY_DEFAULTS, emergencySettings } from './settings';

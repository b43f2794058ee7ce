/**
 * The complaint procedure (篇4 投诉调度 DS-1..DS-6, 篇5 投诉处理 CH-1..CH-11) as the desk's table
 * of kinds sees it, and the kind's public API. The only module that assembles `complaintRules`.
 */
import type { TicketKindRules } from '../kind';
import { applyComplaintEvent } from './apply';
import { complaintTimerDue } from './clocks';
import { allowedComplaintCommands, decideComplaint } from './decide';
import type { ComplaintCommandBody, ComplaintEvent, ComplaintIntake, ComplaintTicket } from './model';
import { COMPLAINT_COMMANDS, COMPLAINT_STATUSES } from './model';
import { complaintNotifications } from './notifications';
import { openComplaint } from './open';

export { applyComplaintEvent } from './apply';
export type { ClockRule, GradingFacts } from './clocks';
export {
  CLOCK_RULES,
  complaintTimerDue,
  handoffClocks,
  isComplaintTimer,
  majorClocks,
  nextRung,
  receptionClocks,
  reopenClocks,
  resolvedClocks,
  timersOwing,
} from './clocks';
export {
  ACCUSED_MAY_NOT_ACT,
  aboveDepartment,
  DEPARTMENT_MAY_NOT_ACT,
  isAccused,
  refuseAccused,
  requireDeskOrAbove,
} from './conflict';
export type { MaskedCaller } from './contact';
export { contactNeedsDirectory, maskCaller, maskName, maskPhone, seesContact } from './contact';
export { allowedComplaintCommands, decideComplaint } from './decide';
export { resolveAbout } from './grading';
export type {
  AckStep,
  Acknowledgement,
  CallbackOutcome,
  ClockStarts,
  ComplaintAbout,
  ComplaintCommand,
  ComplaintCommandBody,
  ComplaintEvent,
  ComplaintIntake,
  ComplaintSeverity,
  ComplaintStatus,
  ComplaintSubject,
  ComplaintTicket,
  ComplaintTimer,
  EodReason,
  Grading,
  Obligation,
  RepeatLink,
  ResolutionVia,
  SignatureOverride,
} from './model';
export {
  ACK_STEPS,
  ESCALATION_LADDER,
  CALLBACK_OUTCOMES,
  COMPLAINT_COMMANDS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  COMPLAINT_TIMERS,
  COMPLAINT_TRANSITIONS,
  RESOLUTION_VIA,
} from './model';
export { COMPLAINT_CHAINS, complaintNotifications, MISS_TEXTS } from './notifications';
export { openComplaint } from './open';
export { regrade } from './regrade';
export type { ComplaintScript } from './script';
export { COMPLAINT_APOLOGY, complaintScript } from './script';
export {
  REPEAT_LINKS_MAX,
  REPEAT_RAISES_TO_MAJOR,
  REPEAT_WINDOW_DAYS,
  repeatLinkOf,
  timesRaised,
  withRepeats,
} from './repeats';
export { STILL_OVERDUE_DAYS, STILL_OVERDUE_TIMERS } from './still-overdue';
export { departmentHeads, openAckSteps, ROUTING_ROLES, requiredAckSteps } from './signatures';

export const complaintRules: TicketKindRules<
  ComplaintTicket,
  ComplaintEvent,
  ComplaintIntake,
  ComplaintCommandBody
> = {
  register: 'C',
  statuses: COMPLAINT_STATUSES,
  commands: COMPLAINT_COMMANDS,
  // CH-11: every complaint, valid or not, has its page in the register.
  needsNumber: () => true,
  open: openComplaint,
  allowedCommands: allowedComplaintCommands,
  decide: decideComplaint,
  apply: applyComplaintEvent,
  timerDue: complaintTimerDue,
  notifications: complaintNotifications,
  assigneeOnly: [],
  needsDirectory: true,
};

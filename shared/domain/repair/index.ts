/**
 * The repair procedure (RP-1..RP-5) as the desk's table of kinds sees it, and the kind's public
 * API: `import … from '…/domain/repair'` reaches everything other code uses from here.
 */
import type { TicketKindRules } from '../kind';
import { applyRepairEvent } from './apply';
import { repairTimerDue } from './clocks';
import { decideRepair } from './decide';
import type { RepairCommandBody, RepairEvent, RepairIntake, RepairTicket } from './model';
import { nextRepairCommands, REPAIR_COMMANDS, REPAIR_CORRECTIONS, REPAIR_STATUSES } from './model';
import { repairEscalations } from './escalations';
import { receivedRepairNotifications, repairNotifications } from './notifications';
import { needsRepairNumber, openRepair } from './open';

export { applyRepairEvent } from './apply';
export {
  completionClocks,
  OWED_ON_MISS,
  REPAIR_TIMERS,
  receivedClocks,
  repairTimerDue,
  TIMERS_OWING,
} from './clocks';
export { decideRepair, REPAIR_DECIDERS } from './decide';
export { COMPLETION_MANAGER_ROLES, RECEIVED_MANAGER_ROLES, repairEscalations } from './escalations';
export {
  checkRepairDecision,
  RECEIVED_SENTENCE,
  RP2_SENTENCES,
  RP3_QUESTION,
  repairScript,
  wantedTimeText,
  yuan,
} from './decision';
export type {
  PaidService,
  RepairCommand,
  RepairCommandBody,
  RepairDecision,
  RepairDecisionInput,
  RepairEvent,
  RepairClocks,
  RepairIntake,
  RepairObligation,
  RepairScript,
  RepairStatus,
  RepairTicket,
  ServiceSlip,
} from './model';
export {
  nextRepairCommands,
  REPAIR_COMMANDS,
  REPAIR_CORRECTIONS,
  REPAIR_DECISIONS,
  REPAIR_STATUSES,
  REPAIR_TRANSITIONS,
  statusOfDecision,
} from './model';
export { ENGINEERING_LEAD_ROLES, receivedRepairNotifications, repairNotifications } from './notifications';
export { needsRepairNumber, needsWorkOrder, openRepair } from './open';
export { REPAIR_DEFAULTS, repairSettings } from './settings';

export const repairRules: TicketKindRules<RepairTicket, RepairEvent, RepairIntake, RepairCommandBody> = {
  register: 'R',
  statuses: REPAIR_STATUSES,
  commands: REPAIR_COMMANDS,
  needsNumber: needsRepairNumber,
  open: (input, ctx) => {
    const { ticket, event, script } = openRepair(input, ctx);
    return { ticket, event, reply: { script } };
  },
  allowedCommands: (ticket) => nextRepairCommands(ticket.status),
  decide: decideRepair,
  apply: applyRepairEvent,
  timerDue: repairTimerDue,
  notifications: (event, ticket, staff, park) => [
    ...receivedRepairNotifications(event, ticket, staff, park),
    ...repairNotifications(event, ticket, staff, park),
    ...repairEscalations(event, ticket, staff, park),
  ],
  // Re-assigning the technician already on the job: no event, no SMS, the clock left as it is.
  changesNothing: (ticket, draft) =>
    draft.type === 'ticket.assigned' && draft.data.staffId === ticket.assigneeId,
  assigneeOnly: ['acknowledge', 'complete'],
  corrections: REPAIR_CORRECTIONS,
};

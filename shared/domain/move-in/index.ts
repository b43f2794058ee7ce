/**
 * Resident move-in (业户入住, 篇3; MI-1..MI-9) for the table of kinds: the one module that
 * assembles `moveInRules`, and the kind's public API for the rest of the code.
 */
import type { TicketKindRules } from '../kind';
import { applyMoveInEvent } from './apply';
import { moveInTimerDue } from './clocks';
import { decideMoveIn } from './decide';
import type { MoveInCommandBody, MoveInEvent, MoveInIntake, MoveInTicket } from './model';
import { MOVE_IN_COMMANDS, MOVE_IN_STATUSES, nextMoveInCommands } from './model';
import { moveInNotifications } from './notifications';
import { openMoveIn } from './open';

export const moveInRules: TicketKindRules<MoveInTicket, MoveInEvent, MoveInIntake, MoveInCommandBody> = {
  register: 'M',
  statuses: MOVE_IN_STATUSES,
  commands: MOVE_IN_COMMANDS,
  // Every case is entered in the register (交房 season: hundreds, in page order).
  needsNumber: () => true,
  open: (input, ctx) => {
    const { ticket, event } = openMoveIn(input, ctx);
    return { ticket, event, reply: {} };
  },
  allowedCommands: (ticket) => nextMoveInCommands(ticket.status),
  decide: decideMoveIn,
  apply: applyMoveInEvent,
  timerDue: moveInTimerDue,
  notifications: moveInNotifications,
  assigneeOnly: [],
};

export { applyMoveInEvent } from './apply';
export { CHECKLIST, checkComplete, MoveInIncomplete, missingSteps } from './checklist';
export { MOVE_IN_TIMERS, moveInTimerDue, openingClocks } from './clocks';
export { decideMoveIn, MOVE_IN_DECIDERS, RECORDED_ONCE } from './decide';
export { defectRepairIntake, defectsOf, withRepairs } from './inspection';
export { moveInUnitKey, unitHasCase } from './one-case';
export { checkRecorder, MOVE_IN_OVERSEER_ROLES, STEP_RECORDERS } from './recorders';
export type {
  ChecklistStep,
  Defect,
  DefectRepair,
  MoveInBody,
  MoveInCommand,
  MoveInCommandBody,
  MoveInEvent,
  MoveInForm,
  MoveInIntake,
  MoveInStatus,
  MoveInStep,
  MoveInTicket,
  Owner,
  RecordStepBody,
  StepData,
  StepRecord,
} from './model';
export {
  MOVE_IN_COMMANDS,
  MOVE_IN_STATUSES,
  MOVE_IN_STEPS,
  MOVE_IN_TRANSITIONS,
  nextMoveInCommands,
} from './model';
export { MOVE_IN_LEAD_ROLES, moveInNotifications } from './notifications';
export { openMoveIn } from './open';
export {
  DEFAULT_COUNTED_ITEMS,
  DEFAULT_DEVELOPER_DOCUMENTS,
  DEFAULT_FORMS,
  DEFAULT_MANUALS,
  DEFAULT_REGISTRATION_FORMS,
  DEFAULT_SIGNED,
  MOVE_IN_DEFAULTS,
  moveInSettings,
} from './settings';
export { checkStep, MAX_DEFECTS, PREPAID_MONTHS } from './steps';

/**
 * Key requests (钥匙领取, 篇2; KY-1..KY-4, MI-7) for the table of kinds, and the key register's
 * rules: the one module that assembles `keyRules`, and the kind's public API for the rest of the code.
 */
import type { TicketKindRules } from '../kind';
import { applyKeyEvent } from './apply';
import { keyTimerDue } from './clocks';
import { decideKey } from './decide';
import type { KeyCommandBody, KeyEvent, KeyIntake, KeyTicket } from './model';
import { KEY_COMMANDS, KEY_STATUSES, nextKeyCommands } from './model';
import { keyNotifications } from './notifications';
import { openKeyRequest } from './open';

export const keyRules: TicketKindRules<KeyTicket, KeyEvent, KeyIntake, KeyCommandBody> = {
  register: 'K',
  statuses: KEY_STATUSES,
  commands: KEY_COMMANDS,
  // Every request is entered in the register, declined ones too (CH-11: page order, nothing torn out).
  needsNumber: () => true,
  // KY-2 for staff and KY-4 name people of the directory; opening does not.
  open: (input, ctx) => {
    const { ticket, event } = openKeyRequest(input, ctx);
    return { ticket, event, reply: {} };
  },
  allowedCommands: (ticket) => nextKeyCommands(ticket.status),
  decide: decideKey,
  apply: applyKeyEvent,
  timerDue: keyTimerDue,
  notifications: keyNotifications,
  assigneeOnly: [],
};

export { applyKeyEvent } from './apply';
export { handOutClocks, isClosingTimer, KEY_TIMERS, keyTimerDue, nextClosing } from './clocks';
export { SECURITY_ROLES, securityMember } from './custody';
export { decideKey, KEY_DECIDERS } from './decide';
export type {
  HeadOutcome,
  IdType,
  KeyCommand,
  KeyCommandBody,
  KeyEvent,
  KeyIntake,
  KeyRef,
  KeyRequestBody,
  KeySlip,
  KeysOutAtClosing,
  KeyStatus,
  KeyTicket,
  KeyVerification,
  OwnerCallOutcome,
  Requester,
  RequesterType,
} from './model';
export {
  HEAD_OUTCOMES,
  ID_TYPE_LABELS,
  ID_TYPES,
  KEY_COMMANDS,
  KEY_STATUSES,
  KEY_TRANSITIONS,
  nextKeyCommands,
  OWNER_CALL_OUTCOMES,
  REQUESTER_LABELS,
  REQUESTER_TYPES,
} from './model';
export {
  KEY_CAPTAIN_ROLES,
  keyNotifications,
  keySetNotifications,
  SECURITY_MANAGER_ROLES,
} from './notifications';
export { keyRefFor, openKeyRequest } from './open';
export type {
  KeyHolder,
  KeyRetention,
  KeySet,
  KeySetDraft,
  KeySetEvent,
  KeySetInput,
  KeySetState,
} from './register';
export {
  applyKeySetEvent,
  checkKeySetInput,
  handOutKeySet,
  KEY_SET_STATE_LABELS,
  KEY_SET_STATES,
  keySetName,
  registerKeySet,
  releaseKeySetToOwner,
  reportKeySetLost,
  returnKeySet,
} from './register';
export { KEY_DEFAULTS, keySettings } from './settings';
export { escortRequired, issueSlip, MAX_LOAN_DAYS, slipNumber, slipPrintout } from './slip';
export { CHECK_OF_TYPE, checkRequester, refuseIdNumbers, verifyRequest } from './verification';

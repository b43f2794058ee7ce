/**
 * A key request (钥匙领取, KY-1..KY-4, MI-7): who asks for which key set and why, the property
 * office's check (KY-2), the slip (KY-3), the hand-out and return at security (KY-4). Statuses,
 * commands, the lifecycle table, the ticket, its events and the typed bodies its deciders take.
 */
import type { TransitionTable } from '../kind';
import { commandsAllowed } from '../kind';
import type { TicketBase, TicketEvent, TicketSource } from '../ticket';
import type { KeyHolder } from './register';

/** KY-2: who asks, each with their own check. */
export const REQUESTER_TYPES = ['owner', 'tenant', 'agent', 'other', 'staff'] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];

/** The original's words (篇2 四 1). */
export const REQUESTER_LABELS: Record<RequesterType, string> = {
  owner: '业主',
  tenant: '租户',
  agent: '中介',
  other: '其他',
  staff: '内部员工',
};

/** The valid IDs a person may show (有效证件); only the type and the last 4 characters are kept. */
export const ID_TYPES = ['resident-id', 'passport', 'hk-macau-permit', 'taiwan-permit', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-macau-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  other: '其他证件',
};

export const OWNER_CALL_OUTCOMES = ['confirmed', 'refused', 'unreachable'] as const;
export type OwnerCallOutcome = (typeof OWNER_CALL_OUTCOMES)[number];
export const HEAD_OUTCOMES = ['confirmed', 'refused'] as const;
export type HeadOutcome = (typeof HEAD_OUTCOMES)[number];

export const KEY_STATUSES = [
  /** Asked for at the property office; KY-2 not yet done. */
  'requested',
  /** KY-2 passed; the slip may be issued. */
  'verified',
  /** KY-2 failed (the owner refused or could not be reached, the head refused): no key leaves. */
  'declined',
  'slip-issued',
  'handed-out',
  'returned',
  /** The key set was reported lost while out on this request. */
  'lost',
  'cancelled',
] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export const KEY_COMMANDS = ['verify', 'issue-slip', 'hand-out', 'return', 'cancel'] as const;
export type KeyCommand = (typeof KEY_COMMANDS)[number];

/**
 * The lifecycle: KY-2 before the slip (KY-3), the slip before the key (KY-4). `issue-slip` again
 * on an issued slip replaces it (a new return time, a new number); the old one is void.
 */
export const KEY_TRANSITIONS: TransitionTable<KeyStatus, KeyCommand> = {
  requested: { verify: ['verified', 'declined'], cancel: 'cancelled' },
  verified: { 'issue-slip': 'slip-issued', cancel: 'cancelled' },
  'slip-issued': { 'issue-slip': 'slip-issued', 'hand-out': 'handed-out', cancel: 'cancelled' },
  'handed-out': { return: 'returned' },
  declined: {},
  returned: {},
  lost: {},
  cancelled: {},
};

export function nextKeyCommands(status: KeyStatus): KeyCommand[] {
  return commandsAllowed(KEY_TRANSITIONS, KEY_COMMANDS, status);
}

export interface Requester {
  type: RequesterType;
  name: string;
  /** E.164. */
  phone: string;
  /** A member of staff asking (内部员工): their directory id. */
  staffId?: string;
}

/**
 * The key set as the request found it in the register: what it opens, and who may confirm it
 * (the unit's owners from the directory, names only; MI-7's retention owner).
 */
export interface KeyRef {
  id: string;
  tag: string;
  label: string;
  count: number;
  unit?: string;
  area?: string;
  /** MI-7: left by the owner under a retention agreement; leaves only with the owner's word. */
  retention?: { agreementNo: string; ownerName: string };
  /** The unit's owners as the directory lists them when the request was made (names only). */
  owners: string[];
}

/** What the desk sends to open a request (the schema's body). */
export interface KeyRequestBody {
  keyId: string;
  requester: Requester;
  reason: string;
}

/** What the rules open a request with: the body and the key set as the register holds it. */
export interface KeyIntake extends KeyRequestBody {
  key: KeyRef;
  source?: TicketSource;
}

/** KY-2 as recorded: which check fits the requester type, and what it found. */
export interface KeyVerification {
  requesterType: RequesterType;
  passed: boolean;
  /** Owner: the ID seen (type and last 4 characters only, never the number). */
  id?: { type: IdType; last4: string };
  /** Tenant, agent, other: the owner phoned. */
  ownerCall?: { outcome: OwnerCallOutcome; note?: string; viewingAllowed?: boolean };
  /** Staff: the department head asked. */
  departmentHead?: { staffId: string; name: string; outcome: HeadOutcome };
  note?: string;
  /** Why it did not pass, in the procedure's words. */
  declinedBecause?: string;
}

/** KY-3: the property office's key slip (《物业部钥匙领用条》), as printed. */
export interface KeySlip {
  number: string;
  issuedAt: string;
  issuedBy: string;
  /** The return time the slip gives, else the park's loan time from the hand-out. */
  dueAt?: string;
  /** KY-4: a guard goes along (陪同看房) for everyone but the owner and staff. */
  escortRequired: boolean;
  /** The slip's lines, to print. */
  printout: string[];
}

export interface KeyTicket extends TicketBase {
  kind: 'key';
  status: KeyStatus;
  requester: Requester;
  reason: string;
  key: KeyRef;
  verification?: KeyVerification;
  slip?: KeySlip;
  /** How many slips were issued (a reissue voids the one before). */
  slips: number;
  /** Present while (and after) the key is out. */
  handOut?: KeyHolder & { idType?: IdType; idLast4?: string };
  returned?: { at: string; receivedBy: string; receivedByName: string; late: boolean };
  cancelled?: { at: string; reason: string };
  /** Clocks that were missed while the key was out (`return`, `closing`): the overdue list. */
  overdue: string[];
}

/** What the clock at closing time found out in the park: the list texted to the security captain. */
export interface KeysOutAtClosing {
  closingAt: string;
  keys: { tag: string; place: string; label: string; holder: string; ticketNumber: string; dueAt: string }[];
}

export type KeyEvent =
  | TicketEvent<'key.requested', KeyIntake & { number?: string }>
  | TicketEvent<'key.verified', KeyVerification>
  | TicketEvent<'key.slip-issued', KeySlip>
  /** `clocks`: the due times the hand-out starts (name → time), from the park's settings then. */
  | TicketEvent<
      'key.handed-out',
      KeyHolder & { idType?: IdType; idLast4?: string; clocks: Record<string, string> }
    >
  | TicketEvent<'key.returned', { receivedBy: string; receivedByName: string; late: boolean }>
  | TicketEvent<'key.lost', { note?: string }>
  | TicketEvent<'key.cancelled', { reason: string }>
  /**
   * A clock fired while the key was out. A closing check names the next day's (`next`); `rollCall`:
   * this request's check was the one that texted the park's keys-out list; `listedWith`: another's was.
   */
  | TicketEvent<
      'timer.fired',
      {
        timer: string;
        dueAt: string;
        next?: { timer: string; dueAt: string };
        rollCall?: KeysOutAtClosing;
        listedWith?: string;
      }
    >;

/** The bodies the key request's deciders take, as the edge parsed them. */
export type KeyCommandBody =
  | {
      type: 'verify';
      idChecked?: boolean;
      idType?: IdType;
      idLast4?: string;
      ownerCall?: { outcome: OwnerCallOutcome; note?: string; viewingAllowed?: boolean };
      departmentHead?: { staffId: string; outcome: HeadOutcome };
      note?: string;
    }
  | { type: 'issue-slip'; dueAt?: string }
  | {
      type: 'hand-out';
      guardId: string;
      idChecked: boolean;
      escortId?: string;
      idType?: IdType;
      idLast4?: string;
    }
  | { type: 'return'; receivedBy: string }
  | { type: 'cancel'; reason: string };

/**
 * A resident's move-in (业户入住, 篇3; MI-1..MI-9): one case per unit, its checklist of steps
 * MI-1..MI-8 each recorded with its own data, the repairs its inspection opened (MI-6), and the
 * forms and manuals of MI-9. Statuses, commands, the lifecycle table, the ticket, its events and
 * the typed bodies its deciders take.
 */
import type { TransitionTable } from '../kind';
import { commandsAllowed } from '../kind';
import type { Department } from '../park';
import type { TicketBase, TicketEvent, TicketSource } from '../ticket';

/** The steps in the original's order (篇3 四), with the rule each one is. */
export const MOVE_IN_STEPS = [
  'developer-confirmation',
  'registration',
  'items',
  'fees',
  'keys',
  'inspection',
  'key-retention',
  'meters',
] as const;
export type MoveInStep = (typeof MOVE_IN_STEPS)[number];

export const MOVE_IN_STATUSES = [
  /** Steps are being recorded. */
  'open',
  /** Every mandatory step is recorded (MI-1..MI-6, MI-8); repairs from MI-6 may still be open. */
  'completed',
] as const;
export type MoveInStatus = (typeof MOVE_IN_STATUSES)[number];

export const MOVE_IN_COMMANDS = ['record-step', 'complete'] as const;
export type MoveInCommand = (typeof MOVE_IN_COMMANDS)[number];

/** `record-step` records without moving the case; `complete` checks the checklist (checklist.ts). */
export const MOVE_IN_TRANSITIONS: TransitionTable<MoveInStatus, MoveInCommand> = {
  open: { 'record-step': 'open', complete: 'completed' },
  completed: {},
};

export function nextMoveInCommands(status: MoveInStatus): MoveInCommand[] {
  return commandsAllowed(MOVE_IN_TRANSITIONS, MOVE_IN_COMMANDS, status);
}

export interface Owner {
  name: string;
  /** E.164. */
  phone: string;
}

/** One form or manual of MI-9 (the original's 五, park data): signed or handed over, and how many copies. */
export interface MoveInForm {
  no: number;
  name: string;
  /** Signed by the owner (协议, 承诺书, 确认书…) rather than only handed over. */
  signed: boolean;
  copies: number;
  /** Copies the owner keeps. */
  ownerCopies: number;
  /** The step it belongs to, when one does (a MoveInStep). */
  step?: string;
}

/** A defect the inspection found (MI-6), as the owner and the inspector wrote it on the form. */
export interface Defect {
  location: string;
  description: string;
}

/** A repair work order the inspection opened for one defect (RP numbering), linked both ways. */
export interface DefectRepair extends Defect {
  ticketId: string;
  number: string;
  /** On reads only (never stored): the repair's state now, and who has it. */
  status?: string;
  assigneeName?: string;
}

/** Each step's data as recorded (steps.ts checks it against its rule). */
export interface StepData {
  'developer-confirmation': {
    confirmationNo: string;
    documents: string[];
    note?: string;
  };
  registration: {
    idCopied: boolean;
    forms: string[];
    /** Copies signed of each signed document, and how many the owner kept. */
    signed: Record<string, { copies: number; ownerKept: number }>;
  };
  items: {
    manuals: string[];
    counted: Record<string, number>;
    /** For each counted item that differs from the park's count: why. */
    reasons?: Record<string, string>;
  };
  fees: {
    propertyFee: { months: number; amount: number; receiptNo: string };
    tvFee: { amount: number; receiptNo: string };
  };
  keys: { keyId: string; guardId: string; slipNumber: string; ownerSigned: boolean };
  inspection: {
    inspectorId: string;
    withOwner: boolean;
    defects: Defect[];
    copies: { owner: boolean; archive: boolean; engineering: boolean };
  };
  'key-retention': {
    agreementNo: string;
    slipNo: string;
    label: string;
    count: number;
    tag: string;
    signedAt: string;
  };
  meters: { coldWater: number; hotWater: number; ownerSigned: boolean };
}

/** The `record-step` body: the step's name and its data. */
export type RecordStepBody = {
  [S in MoveInStep]: { type: 'record-step'; step: S } & StepData[S];
}[MoveInStep];

export type MoveInCommandBody = RecordStepBody | { type: 'complete'; note?: string };

/** A recorded step as the case shows it: who, when, what. */
export interface StepRecord {
  at: string;
  by: string;
  byName?: string;
  data: Record<string, unknown>;
  /** How many times it was recorded (a correction is a new event; the last one stands). */
  times: number;
}

/** The step as the checklist shows it: who does it, what it records, whether it is needed. */
export interface ChecklistStep {
  step: MoveInStep;
  rule: string;
  department: Department | 'developer';
  title: string;
  records: string;
  mandatory: boolean;
}

export interface MoveInBody {
  unit: string;
  /** The unit is not in the park's directory and the office confirmed it as given. */
  unitConfirmed?: boolean;
  owner: Owner;
}

/** What the rules open a case with: the body, the unit as the directory knows it, the park's forms. */
export interface MoveInIntake extends MoveInBody {
  source?: TicketSource;
}

export interface MoveInTicket extends TicketBase {
  kind: 'move-in';
  status: MoveInStatus;
  unit: string;
  owner: Owner;
  steps: Partial<Record<MoveInStep, StepRecord>>;
  /** Mandatory steps not yet recorded (what `complete` would refuse for). */
  missing: MoveInStep[];
  /** MI-6: the repairs the inspection opened, one per defect. */
  repairs: DefectRepair[];
  /** MI-9: the forms and manuals, as the park listed them when the case opened. */
  forms: MoveInForm[];
  /** Clocks missed while open (`open`): the overdue list. */
  overdue: string[];
  completed?: { at: string; by: string; note?: string };
}

export type MoveInEvent =
  | TicketEvent<
      'move-in.opened',
      MoveInIntake & { number?: string; forms: MoveInForm[]; clocks: Record<string, string> }
    >
  | TicketEvent<
      'move-in.step-recorded',
      { step: MoveInStep; record: Record<string, unknown>; repairs?: DefectRepair[] }
    >
  | TicketEvent<'move-in.completed', { note?: string; openRepairs: number }>
  | TicketEvent<'timer.fired', { timer: string; dueAt: string }>;

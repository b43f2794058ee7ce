/** The intake form of each kind, in the order of the kind switch, and what its answer adds. */
import type { ComponentType } from 'react';
import type { Opened, TicketKind } from '../../api/client';
import { ComplaintIntake } from './ComplaintIntake';
import { EmergencyAnswer, EmergencyIntake } from './EmergencyIntake';
import { KeyAnswer, KeyIntake } from './KeyIntake';
import { MoveInAnswer, MoveInIntake } from './MoveInIntake';
import { RepairIntake } from './RepairIntake';

export interface IntakeFormProps {
  zone: string;
  onOpened: (opened: Opened) => void;
}

interface IntakeKindEntry {
  label: string;
  Form: ComponentType<IntakeFormProps>;
  /** What the answer shows besides the number and the scripts. */
  Answer?: ComponentType<{ opened: Opened }>;
}

/** Every kind the desk opens has its form (the record keeps the API's kind names). */
export type IntakeKind = TicketKind;

export const INTAKE_KINDS: Record<IntakeKind, IntakeKindEntry> = {
  repair: { label: '报修', Form: RepairIntake },
  complaint: { label: '投诉', Form: ComplaintIntake },
  emergency: { label: '紧急', Form: EmergencyIntake, Answer: EmergencyAnswer },
  key: { label: '钥匙', Form: KeyIntake, Answer: KeyAnswer },
  'move-in': { label: '入住', Form: MoveInIntake, Answer: MoveInAnswer },
};

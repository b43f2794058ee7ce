/**
 * The printed forms' names as `GET /tickets/{id}/print?form=` takes them, and which fit each kind:
 * a module of its own, so that the query schema (shared/schemas/print.ts) does not bring the
 * forms' builders along.
 */
import type { TicketKind } from '../../domain/ticket';

/** Every form the desk prints, by the name `?form=` takes. */
export const PRINT_FORMS = [
  /** RP-5 《报修派工单》. */
  'work-order',
  /** CH-4 《投诉、维修呈报单》. */
  'report-sheet',
  /** CH-6 《投诉处置记录表》. */
  'record',
  /** KY-3 《物业部钥匙领用条》. */
  'key-slip',
  /** MI-1..MI-9: the move-in checklist. */
  'checklist',
  /** EM-1..EM-6 《紧急或重大事情呈报单》. */
  'emergency-report',
] as const;
export type PrintForm = (typeof PRINT_FORMS)[number];

/** The forms of each kind, the first printed when `form` is not given. */
export const FORMS_OF_KIND: Record<TicketKind, readonly PrintForm[]> = {
  repair: ['work-order'],
  complaint: ['report-sheet', 'record'],
  key: ['key-slip'],
  'move-in': ['checklist'],
  emergency: ['emergency-report'],
};

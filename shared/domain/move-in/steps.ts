/**
 * Each step's own data, checked against its rule (MI-1..MI-8) before it is recorded: what the
 * procedure says must be seen, signed, counted or paid. A step that does not hold is a 422 naming
 * its rule; the record kept is the checked data (nothing is added that the desk did not send).
 */
import { RuleViolation } from '../errors';
import { refuseIdNumbers } from '../key';
import type { Park, StaffMember } from '../park';
import type { MoveInStep, RecordStepBody, StepData } from './model';
import {
  DEFAULT_DEVELOPER_DOCUMENTS,
  DEFAULT_MANUALS,
  DEFAULT_REGISTRATION_FORMS,
  DEFAULT_SIGNED,
  moveInSettings,
} from './settings';

/** MI-4: the property fee is prepaid for half a year or a year (可预收一年、半年). */
export const PREPAID_MONTHS = [6, 12] as const;
/** MI-6: a longer list is several inspections' worth; one transaction holds at most this many repairs. */
export const MAX_DEFECTS = 30;

const violation = (rule: string, code: string, message: string, field?: string) =>
  new RuleViolation(code, `${rule}: ${message}`, field);

const lacking = (wanted: readonly string[], given: readonly string[]) =>
  wanted.filter((w) => !given.includes(w));

/** MI-1: the developer's signed confirmation (入住确认单), with every document the owner must bring. */
function developerConfirmation(data: StepData['developer-confirmation']): void {
  const missing = lacking(DEFAULT_DEVELOPER_DOCUMENTS, data.documents);
  if (missing.length > 0) {
    throw violation(
      'MI-1',
      'MOVE_IN.DOCUMENTS_MISSING',
      `the developer confirms the right to move in only with ${missing.join('、')} seen`,
      'documents',
    );
  }
}

/** MI-2: ID copied, the three forms filled, each document signed in its copies with one for the owner. */
function registration(data: StepData['registration']): void {
  if (!data.idCopied) {
    throw violation('MI-2', 'MOVE_IN.ID_NOT_COPIED', 'the owner’s ID is copied first (idCopied)', 'idCopied');
  }
  const forms = lacking(DEFAULT_REGISTRATION_FORMS, data.forms);
  if (forms.length > 0) {
    throw violation('MI-2', 'MOVE_IN.FORMS_MISSING', `still to fill: ${forms.join('、')}`, 'forms');
  }
  for (const [name, need] of Object.entries(DEFAULT_SIGNED)) {
    const got = data.signed[name];
    if (!got || got.copies < need.copies || got.ownerKept !== need.ownerKeeps) {
      throw violation(
        'MI-2',
        'MOVE_IN.SIGNATURE_MISSING',
        `《${name}》 is signed in ${need.copies} copies, the owner keeps ${need.ownerKeeps}`,
        `signed.${name}`,
      );
    }
  }
}

/** MI-3: every manual handed over; a count that differs from the park's needs its reason. */
function items(data: StepData['items'], park: Park): void {
  const manuals = lacking(DEFAULT_MANUALS, data.manuals);
  if (manuals.length > 0) {
    throw violation('MI-3', 'MOVE_IN.MANUALS_MISSING', `not handed over: ${manuals.join('、')}`, 'manuals');
  }
  const expected = moveInSettings(park).countedItems;
  const unknown = Object.keys(data.counted).filter((k) => !(k in expected));
  if (unknown.length > 0) {
    throw violation(
      'MI-3',
      'MOVE_IN.UNKNOWN_ITEM',
      `${unknown.join('、')} is not among the park's counted items (${Object.keys(expected).join('、')})`,
      'counted',
    );
  }
  for (const [item, count] of Object.entries(expected)) {
    const given = data.counted[item];
    if (given === undefined) {
      throw violation('MI-3', 'MOVE_IN.ITEM_NOT_COUNTED', `${item} was not counted`, `counted.${item}`);
    }
    if (given !== count && !data.reasons?.[item]?.trim()) {
      throw violation(
        'MI-3',
        'MOVE_IN.COUNT_REASON_REQUIRED',
        `${item} ×${given} differs from ×${count}: say why (reasons.${item})`,
        `reasons.${item}`,
      );
    }
  }
}

/** MI-4: a record of what finance took (not a payment system): 6 or 12 months prepaid, receipts. */
function fees(data: StepData['fees']): void {
  if (!(PREPAID_MONTHS as readonly number[]).includes(data.propertyFee.months)) {
    throw violation(
      'MI-4',
      'MOVE_IN.PREPAID_MONTHS',
      'the first property fee is prepaid for 6 or 12 months',
      'propertyFee.months',
    );
  }
}

/** MI-5: the owner signs for the keys (the key set moves in the register with the same write). */
function keys(data: StepData['keys'], staff: readonly StaffMember[]): void {
  if (!data.ownerSigned) {
    throw violation('MI-5', 'MOVE_IN.OWNER_SIGNATURE', 'the owner signs the confirmation', 'ownerSigned');
  }
  const guard = staff.find((s) => s.id === data.guardId);
  if (guard?.department !== 'security') {
    throw violation('MI-5', 'MOVE_IN.GUARD_REQUIRED', 'security hands the keys over: guardId', 'guardId');
  }
}

/** MI-6: property or engineering staff walk the unit with the owner; three copies of the form. */
function inspection(data: StepData['inspection'], staff: readonly StaffMember[]): void {
  const inspector = staff.find((s) => s.id === data.inspectorId);
  if (inspector?.department !== 'property-office' && inspector?.department !== 'engineering') {
    throw violation(
      'MI-6',
      'MOVE_IN.INSPECTOR',
      'the inspection is made by property-office or engineering staff (inspectorId)',
      'inspectorId',
    );
  }
  if (!data.withOwner) {
    throw violation('MI-6', 'MOVE_IN.OWNER_ABSENT', 'the unit is inspected with the owner', 'withOwner');
  }
  const copies = (['owner', 'archive', 'engineering'] as const).filter((c) => !data.copies[c]);
  if (copies.length > 0) {
    throw violation(
      'MI-6',
      'MOVE_IN.FORM_COPIES',
      `the inspection form has three copies (owner, office archive, engineering); missing: ${copies.join(', ')}`,
      'copies',
    );
  }
  if (data.defects.length > MAX_DEFECTS) {
    throw violation(
      'MI-6',
      'MOVE_IN.TOO_MANY_DEFECTS',
      `at most ${MAX_DEFECTS} defects per inspection record`,
      'defects',
    );
  }
}

/** MI-8: both readings, and the owner's signature on the confirmation. */
function meters(data: StepData['meters']): void {
  if (!data.ownerSigned) {
    throw violation(
      'MI-8',
      'MOVE_IN.OWNER_SIGNATURE',
      'the owner signs the meter confirmation',
      'ownerSigned',
    );
  }
}

/** Every text of `value` by its path (`defects.0.description`), to look for what must not be kept. */
function textsOf(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => textsOf(v, path ? `${path}.${k}` : k));
}

/**
 * Personal data (issue 12): a whole ID number in any of a move-in's texts (a note, a reason, a
 * defect) is refused; MI-2 records that the ID was copied, never its number.
 */
export function refuseMoveInIdNumbers(data: unknown): void {
  refuseIdNumbers(Object.fromEntries(textsOf(data)), {
    code: 'MOVE_IN.ID_NUMBER_NOT_KEPT',
    message: 'MI-2: the owner’s ID is copied on paper (idCopied); its number is never typed into a move-in',
  });
}

/** The step's data checked by its rule; returns the record to keep (the body without `type`/`step`). */
export function checkStep(
  body: RecordStepBody,
  park: Park,
  staff: readonly StaffMember[],
): { step: MoveInStep; record: Record<string, unknown> } {
  const { type: _type, step, ...data } = body;
  // The free texts only: numbers of receipts, slips and agreements are the desk's to type.
  const { note, reasons, defects } = data as { note?: string; reasons?: unknown; defects?: unknown };
  refuseMoveInIdNumbers({ note, reasons, defects });
  switch (body.step) {
    case 'developer-confirmation':
      developerConfirmation(body);
      break;
    case 'registration':
      registration(body);
      break;
    case 'items':
      items(body, park);
      break;
    case 'fees':
      fees(body);
      break;
    case 'keys':
      keys(body, staff);
      break;
    case 'inspection':
      inspection(body, staff);
      break;
    case 'key-retention':
      // MI-7: the register checks the key set (retainedKey); the agreement's numbers are required by the schema.
      break;
    case 'meters':
      meters(body);
      break;
  }
  return { step, record: data as Record<string, unknown> };
}

/**
 * KY-2: the property office confirms who asks and why before any key leaves, with the check that
 * fits the requester (篇2 四 1): the owner shows an ID; for a tenant, an agent or anyone else the
 * owner is phoned (an agent also needs the owner to allow the viewing); for staff, their
 * department head confirms. MI-7: a key the owner left with security leaves only with the owner's
 * word. ID numbers are sensitive personal information: only the type and the last 4 characters are
 * kept, and a free text holding a whole resident ID number is refused.
 */
import { NotFound, RuleViolation } from '../errors';
import type { RuleContext } from '../kind';
import type { Department, StaffMember } from '../park';
import { DEPARTMENT_HEAD_ROLES } from '../park';
import type { KeyCommandBody, KeyTicket, KeyVerification, RequesterType } from './model';
import { REQUESTER_LABELS } from './model';

type VerifyBody = Extract<KeyCommandBody, { type: 'verify' }>;

/** A resident ID number (居民身份证号, 18 characters; the old 15-digit form too), anywhere in a text. */
const RESIDENT_ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/;

/**
 * Refuses a free text that holds a whole ID number: it would be stored whole (KY-2, personal data).
 * The move-in's texts too (MI-2 copies the owner's ID on paper; none is typed in): `refusal` says whose.
 */
export function refuseIdNumbers(
  texts: Record<string, string | undefined>,
  refusal = {
    code: 'KEY.ID_NUMBER_NOT_KEPT',
    message: 'KY-2: an ID number is never kept whole; record the ID type and its last 4 characters only',
  },
): void {
  for (const [field, text] of Object.entries(texts)) {
    if (text !== undefined && RESIDENT_ID_NUMBER.test(text)) {
      throw new RuleViolation(refusal.code, refusal.message, field);
    }
  }
}

/** The fields of each check, and which requester types each belongs to (KY-2's table). */
const CHECK_FIELDS = {
  id: ['idChecked', 'idType', 'idLast4'],
  ownerCall: ['ownerCall'],
  departmentHead: ['departmentHead'],
} as const;
type Check = keyof typeof CHECK_FIELDS;

export const CHECK_OF_TYPE: Record<RequesterType, Check> = {
  owner: 'id',
  tenant: 'ownerCall',
  agent: 'ownerCall',
  other: 'ownerCall',
  staff: 'departmentHead',
};

const CHECK_WORDS: Record<Check, string> = {
  id: 'the owner shows a valid ID (idChecked, idType, idLast4)',
  ownerCall: 'the office phones the owner (ownerCall)',
  departmentHead: 'the office confirms with the department head (departmentHead)',
};

/** KY-2: a check that does not fit the requester type is refused, naming the one that does. */
function checkFits(type: RequesterType, body: VerifyBody): void {
  const fits = CHECK_OF_TYPE[type];
  for (const [check, fields] of Object.entries(CHECK_FIELDS) as [Check, readonly string[]][]) {
    const given = fields.find((f) => body[f as keyof VerifyBody] !== undefined);
    if (check !== fits && given) {
      throw new RuleViolation(
        'KEY.CHECK_DOES_NOT_FIT',
        `KY-2: for ${REQUESTER_LABELS[type]} (${type}) ${CHECK_WORDS[fits]}; ${given} belongs to another requester`,
        given,
      );
    }
  }
}

/** The head of `department` by the directory's roles (DEPARTMENT_HEAD_ROLES), and whether `who` is one. */
function headsDepartment(who: StaffMember, department: Department): boolean {
  return DEPARTMENT_HEAD_ROLES[department].some((role) => who.roles.includes(role));
}

/** KY-2 for an owner: an ID seen (type and last 4), and the person is an owner of that unit. */
function verifyOwner(ticket: KeyTicket, body: VerifyBody): KeyVerification {
  if (body.idChecked !== true || !body.idType || !body.idLast4) {
    throw new RuleViolation(
      'KEY.ID_CHECK_REQUIRED',
      'KY-2: an owner shows a valid ID: send idChecked: true, idType and idLast4 (never the whole number)',
      body.idChecked !== true ? 'idChecked' : !body.idType ? 'idType' : 'idLast4',
    );
  }
  const owners = new Set([
    ...ticket.key.owners,
    ...(ticket.key.retention ? [ticket.key.retention.ownerName] : []),
  ]);
  if (!owners.has(ticket.requester.name)) {
    throw new RuleViolation(
      'KEY.NOT_AN_OWNER',
      `KY-2: ${ticket.requester.name} is not an owner of ${ticket.key.unit} in the directory` +
        (ticket.key.retention ? ' nor the owner who signed the retention agreement' : '') +
        '; phone the owner and ask as "other"',
      'requester.name',
    );
  }
  return {
    requesterType: 'owner',
    passed: true,
    id: { type: body.idType, last4: body.idLast4 },
    ...(body.note ? { note: body.note } : {}),
  };
}

/** KY-2 for a tenant, an agent or anyone else: the owner phoned; an agent needs the viewing allowed. */
function verifyByOwnerCall(ticket: KeyTicket, body: VerifyBody): KeyVerification {
  const call = body.ownerCall;
  if (!call) {
    throw new RuleViolation(
      'KEY.OWNER_CALL_REQUIRED',
      `KY-2: for ${REQUESTER_LABELS[ticket.requester.type]} the office phones the owner: send ownerCall`,
      'ownerCall',
    );
  }
  const agent = ticket.requester.type === 'agent';
  if (agent && call.outcome === 'confirmed' && call.viewingAllowed === undefined) {
    throw new RuleViolation(
      'KEY.VIEWING_ANSWER_REQUIRED',
      'KY-2: for an agent the owner must say whether the viewing is allowed: send ownerCall.viewingAllowed',
      'ownerCall.viewingAllowed',
    );
  }
  if (!agent && call.viewingAllowed !== undefined) {
    throw new RuleViolation(
      'KEY.CHECK_DOES_NOT_FIT',
      'KY-2: ownerCall.viewingAllowed is asked for an agent (中介) only',
      'ownerCall.viewingAllowed',
    );
  }
  const declinedBecause =
    call.outcome === 'refused'
      ? '业主不同意'
      : call.outcome === 'unreachable'
        ? '无法联系业主'
        : agent && call.viewingAllowed === false
          ? '业主不同意看房'
          : undefined;
  return {
    requesterType: ticket.requester.type,
    passed: declinedBecause === undefined,
    ownerCall: call,
    ...(body.note ? { note: body.note } : {}),
    ...(declinedBecause ? { declinedBecause } : {}),
  };
}

/** KY-2 for staff: the reason confirmed with the head of the requester's own department. */
function verifyStaff(ticket: KeyTicket, body: VerifyBody, staff: readonly StaffMember[]): KeyVerification {
  const head = body.departmentHead;
  if (!head) {
    throw new RuleViolation(
      'KEY.HEAD_CONFIRMATION_REQUIRED',
      'KY-2: for staff the office confirms the reason with their department head: send departmentHead',
      'departmentHead',
    );
  }
  const requester = staff.find((s) => s.id === ticket.requester.staffId);
  if (!requester) {
    throw new NotFound(
      'STAFF.NOT_FOUND',
      `KY-2: the requester ${ticket.requester.staffId ?? '?'} is not in this park's directory`,
      'requester.staffId',
    );
  }
  const person = staff.find((s) => s.id === head.staffId);
  if (!person) {
    throw new NotFound(
      'STAFF.NOT_FOUND',
      `staff ${head.staffId} is not in this park's directory`,
      'departmentHead.staffId',
    );
  }
  if (person.id === requester.id || !headsDepartment(person, requester.department)) {
    throw new RuleViolation(
      'KEY.NOT_DEPARTMENT_HEAD',
      `KY-2: ${person.name} does not head ${requester.name}'s department (${requester.department})` +
        (person.id === requester.id ? '; nobody confirms their own request' : ''),
      'departmentHead.staffId',
    );
  }
  return {
    requesterType: 'staff',
    passed: head.outcome === 'confirmed',
    departmentHead: { staffId: person.id, name: person.name, outcome: head.outcome },
    ...(body.note ? { note: body.note } : {}),
    ...(head.outcome === 'refused' ? { declinedBecause: '部门负责人不同意' } : {}),
  };
}

/**
 * KY-2 by requester type, and MI-7: a retained key needs the owner's word (in person or by phone),
 * never only a department head's.
 */
export function verifyRequest(ticket: KeyTicket, body: VerifyBody, ctx: RuleContext): KeyVerification {
  refuseIdNumbers({ note: body.note, 'ownerCall.note': body.ownerCall?.note, idLast4: body.idLast4 });
  const type = ticket.requester.type;
  checkFits(type, body);
  if (ticket.key.retention && type === 'staff') {
    throw new RuleViolation(
      'KEY.RETAINED_NEEDS_OWNER',
      `MI-7: key set ${ticket.key.tag} was left by its owner under agreement ${ticket.key.retention.agreementNo}; ` +
        'it leaves only through a request verified with the owner (in person, or the owner phoned)',
      'requester.type',
    );
  }
  if (type === 'owner') return verifyOwner(ticket, body);
  if (type === 'staff') return verifyStaff(ticket, body, ctx.staff);
  return verifyByOwnerCall(ticket, body);
}

/**
 * KY-2 at opening: staff name their directory id, nobody else does; and every check but staff's
 * asks an owner, so an area's keys (水泵房: no owner to ask) are for staff only.
 */
export function checkRequester(
  requester: { type: RequesterType; staffId?: string },
  key: { unit?: string; area?: string },
): void {
  if (requester.type !== 'staff' && key.unit === undefined) {
    throw new RuleViolation(
      'KEY.AREA_KEYS_FOR_STAFF',
      `KY-2: ${key.area ?? 'an area'} has no owner to confirm a ${REQUESTER_LABELS[requester.type]}; ` +
        'area keys are asked for by staff, confirmed by their department head',
      'requester.type',
    );
  }
  if (requester.type === 'staff' && !requester.staffId) {
    throw new RuleViolation(
      'KEY.STAFF_ID_REQUIRED',
      'KY-2: a member of staff asking for a key gives their staffId (their department head confirms)',
      'requester.staffId',
    );
  }
  if (requester.type !== 'staff' && requester.staffId) {
    throw new RuleViolation(
      'KEY.STAFF_ID_NOT_EXPECTED',
      'requester.staffId belongs to requester type "staff"',
      'requester.staffId',
    );
  }
}

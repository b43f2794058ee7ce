/** Opening a key request (KY-2's who and why), numbered in the K register in page order. */
import { IllegalTransition } from '../errors';
import type { OpenInput, RuleContext } from '../kind';
import { applyKeyEvent } from './apply';
import type { KeyEvent, KeyIntake, KeyRef, KeyTicket } from './model';
import type { KeySet } from './register';
import { KEY_SET_STATE_LABELS } from './register';
import { checkRequester, refuseIdNumbers } from './verification';

/**
 * The key set as a request records it, with the unit's owners (names only) who may confirm it.
 * A set reported lost or handed to its owner for good cannot be asked for (a set out may be: the
 * request waits, and the hand-out checks it is back).
 */
export function keyRefFor(keySet: KeySet, owners: readonly string[]): KeyRef {
  if (keySet.state === 'lost' || keySet.state === 'released') {
    throw new IllegalTransition(
      `KY-1: key set ${keySet.tag} is ${keySet.state} (${KEY_SET_STATE_LABELS[keySet.state]}); it cannot be asked for`,
      'KEY.NOT_IN_CUSTODY',
    );
  }
  return {
    id: keySet.id,
    tag: keySet.tag,
    label: keySet.label,
    count: keySet.count,
    ...(keySet.unit !== undefined ? { unit: keySet.unit } : {}),
    ...(keySet.area !== undefined ? { area: keySet.area } : {}),
    ...(keySet.retention
      ? { retention: { agreementNo: keySet.retention.agreementNo, ownerName: keySet.retention.ownerName } }
      : {}),
    owners: [...owners],
  };
}

/**
 * Opens a request for a key set the register holds (the use case looked it up into `intake.key`).
 * Every request is numbered: the register of requests is kept in page order, declined ones too.
 */
export function openKeyRequest(
  input: OpenInput<KeyIntake>,
  ctx: RuleContext,
): { ticket: KeyTicket; event: KeyEvent } {
  const { intake } = input;
  if (input.number === undefined) throw new Error('a key request is always numbered (K register)');
  checkRequester(intake.requester, intake.key);
  refuseIdNumbers({ reason: intake.reason, 'requester.name': intake.requester.name });
  const event: KeyEvent = {
    seq: 1,
    type: 'key.requested',
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    data: { ...intake, number: input.number },
  };
  return { ticket: applyKeyEvent(undefined, event, input), event };
}

/**
 * The key register's side effects, read off the table's stream like a ticket's (effects.ts): a
 * key set's custody event derives its SMS (KY-1: a lost key to the security manager) from the set
 * as it was right after that event, each claimed before it is sent (kept with the set), so a
 * replayed record sends nothing twice and the reconciler re-sends what a crash left `sending`.
 */
import { NotFound } from '../domain/errors';
import { applyKeySetEvent, type KeySet, type KeySetEvent, keySetNotifications } from '../domain/key';
import { log } from '../log';
import type { SmsRecord } from '../ports';
import type { Deps } from './deps';
import { claimAndSendSms } from './send-sms';
import type { ChangedItem } from './effects';

/** Errors meaning the text or number can never go: recorded, not retried (as in effects.ts). */
const FINAL = new Set(['SmsUndeliverable', 'SmsTextInvalid']);

/** Whether a changed item is the key register's (its effects are derived here). */
export function isKeySetItem(item: ChangedItem): boolean {
  return String((item.newImage ?? item.oldImage)?.pk ?? '').startsWith('KEYSET#');
}

export async function applyKeySetEffects(deps: Deps, item: ChangedItem): Promise<void> {
  const image = item.newImage;
  if (item.change !== 'INSERT' || !image || !String(image.sk).startsWith('EVENT#')) return;
  const {
    keySetId,
    parkId,
    itemType: _t,
    pk: _pk,
    sk: _sk,
    ...event
  } = image as Record<string, unknown> & {
    keySetId: string;
    parkId: string;
  };
  const recorded = event as unknown as KeySetEvent;
  const [history, park, staff] = await Promise.all([
    deps.store.keySetHistory(keySetId),
    deps.directory.park(parkId),
    deps.directory.staff(parkId),
  ]);
  if (!history) throw new NotFound('KEY.NOT_FOUND', `key set ${keySetId} of a stored event is missing`);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId} of key set ${keySetId} is missing`);
  const then = keySetAsOf(history.events, recorded.seq, { id: keySetId, parkId });
  for (const [index, n] of keySetNotifications(recorded, then, staff, park).entries()) {
    const record: SmsRecord = {
      ticketId: keySetId,
      subject: 'key-set',
      eventSeq: recorded.seq,
      index,
      staffId: n.to.id,
      to: n.to.phone,
      text: n.text,
      purpose: n.purpose,
      state: 'sending',
      at: deps.clock.now().toISOString(),
    };
    const sent = await claimAndSendSms(deps, record);
    if (sent instanceof Error) {
      if (!FINAL.has(sent.name)) throw sent;
      log.error('key register SMS not sent', { keySetId, eventSeq: recorded.seq, index, error: sent.name });
    }
  }
}

/** The set as it was right after event `seq` (its events folded again; they depend on nothing else). */
function keySetAsOf(
  events: readonly KeySetEvent[],
  seq: number,
  opening: { id: string; parkId: string },
): KeySet {
  let keySet: KeySet | undefined;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.seq > seq) break;
    keySet = applyKeySetEvent(keySet, event, opening);
  }
  if (!keySet || keySet.version !== seq)
    throw new Error(`key set ${opening.id}: events 1..${seq} are not all stored`);
  return keySet;
}

/**
 * One SMS as the effects send it: claimed first (so a replayed stream record texts nobody twice),
 * sent, and settled on its record as sent or failed. The caller decides what a failure means.
 */
import type { SmsRecord } from '../ports';
import type { Deps } from './deps';

/**
 * `claimed-before`: another delivery owns it; an Error: sending failed (settled as failed).
 * `sent` is what goes out when it differs from the record's text (a signed link the record hides).
 */
export async function claimAndSendSms(
  deps: Deps,
  record: SmsRecord,
  sent: string = record.text,
): Promise<'sent' | 'claimed-before' | Error> {
  if (!(await deps.store.claimSms(record))) return 'claimed-before';
  try {
    const { messageId } = await deps.sms.send({
      to: record.to,
      text: sent,
      ticketId: record.ticketId,
    });
    await deps.store.settleSms({ ...record, state: 'sent', messageId });
    return 'sent';
  } catch (error) {
    await deps.store.settleSms({
      ...record,
      state: 'failed',
      error: `${(error as Error).name}: ${(error as Error).message}`,
    });
    return error as Error;
  }
}

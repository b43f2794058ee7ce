/**
 * Issue 11 item 22: a service slip number is one ticket's per park. The claim item rides in the
 * command's own transaction (as KEYTAG# items do for key tags), so the slip and the step are
 * recorded together or not at all, and two desks filing the same number at once cannot both win.
 */
import { IllegalTransition } from '../../domain/errors';
import type { Ticket } from '../../domain/tickets';
import { keys } from './table';
import { isConditionFailure } from './transactions';

/** The Put that claims `slip` for `ticket`; fails its condition when any ticket holds it. */
export function serviceSlipClaim(tableName: string, ticket: Ticket, slip: string) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.serviceSlip(ticket.parkId, slip),
        itemType: 'serviceSlip',
        ticketId: ticket.id,
        ...(ticket.number ? { ticketNumber: ticket.number } : {}),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
}

type Reason = { Code?: string; Item?: Record<string, unknown> };

/** An attribute of an ALL_OLD image, marshalled (`{ S: … }`) or not. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const s = (value as { S?: unknown } | undefined)?.S;
  return typeof s === 'string' ? s : undefined;
}

/** The claim is the transaction's third item: its failure alone means another ticket has the slip. */
export function throwIfSlipTaken(error: unknown, slip: string): void {
  if (!isConditionFailure(error)) return;
  const reason = (error as { CancellationReasons?: Reason[] }).CancellationReasons?.[2];
  if (reason?.Code !== 'ConditionalCheckFailed') return;
  const holder = text(reason.Item?.ticketNumber) ?? text(reason.Item?.ticketId) ?? 'another ticket';
  const holderId = text(reason.Item?.ticketId);
  throw new IllegalTransition(
    `service slip ${slip} is already recorded on ticket ${holder}${holderId && holderId !== holder ? ` (${holderId})` : ''}; check the number on the slip`,
    'SERVICE_SLIP.TAKEN',
  );
}

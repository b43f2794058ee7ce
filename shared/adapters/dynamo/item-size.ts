/**
 * An item's size as DynamoDB counts it against its 400 KB limit: attribute names and string
 * values in UTF-8 bytes, numbers by their significant digits, 1 byte for a boolean or null, 3 bytes
 * for each list or map plus 1 byte per element (the documented rules, rounded up).
 */
import { RuleViolation } from '../../domain/errors';

/** DynamoDB refuses an item over 400 KB (ValidationException): the hard limit. */
export const DYNAMO_ITEM_LIMIT_BYTES = 400 * 1024;

/**
 * What the store writes at most: refused with a clear 422 before DynamoDB would answer the write
 * with an error (a 500 to the client). Below the hard limit, so a rounding of these rules never
 * matters.
 */
export const MAX_ITEM_BYTES = 380 * 1024;

/**
 * The items of one write, refused with a clear 422 when any would be over MAX_ITEM_BYTES:
 * DynamoDB would fail the write (a 500), and the ticket could never move again.
 */
export function refuseOversized(what: string, items: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const item of items) {
    const size = itemSize(item);
    if (size > MAX_ITEM_BYTES) {
      throw new RuleViolation(
        'TICKET.TOO_LARGE',
        `${what} would make its ${String(item.itemType ?? 'item')} record ${Math.ceil(size / 1024)} KB, ` +
          `over the ${MAX_ITEM_BYTES / 1024} KB one record may hold; nothing was recorded`,
      );
    }
  }
  return items;
}

/** The item's size in bytes by DynamoDB's rules. */
export function itemSize(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value !== undefined) size += Buffer.byteLength(name, 'utf8') + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value).replace(/e.*$/i, '').replace(/\D/g, '').replace(/^0+/, '');
    return Math.min(21, Math.ceil(Math.max(1, digits.length) / 2) + 1);
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + 1 + valueSize(v), 3);
  if (typeof value === 'object') {
    let size = 3;
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) size += 1 + Buffer.byteLength(name, 'utf8') + valueSize(v);
    }
    return size;
  }
  return 0;
}

/**
 * List cursors: a Query's LastEvaluatedKey handed to the client as base64url JSON, and taken back
 * only when it is a key this list could have handed out.
 */
import { InvalidInput } from '../../domain/errors';

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** `createdKey` as ticketItem writes it: the creation time and the ticket id (bounded: key size limits). */
const CREATED_KEY = /^(\d{4}-\d{2}-\d{2}T[^#]{1,40})#([^#]{1,64})$/;

/**
 * The ExclusiveStartKey a cursor carries, checked key by key against the index being queried: the
 * ticket's own key (`TICKET#<id>`, `TICKET`), its `createdKey` for the same id, and the partition
 * the caller is already allowed to read. Anything else — empty values (DynamoDB refuses those with a
 * ValidationException, which was a 500), another index's keys, another park — is 400. Not signed:
 * a well-formed cursor can only start the page at some ticket of a list the caller may read whole.
 */
export function decodeCursor(
  cursor: string,
  parkKeyName: string,
  parkKeyValue: string,
  /** The item's sort key for a ticket id: the ticket's own (`TICKET`) or a facet's (ADR 020). */
  skOf: (id: string) => string = () => 'TICKET',
): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (key !== null && typeof key === 'object' && !Array.isArray(key)) {
    const fields = key as Record<string, unknown>;
    const names = Object.keys(fields).sort().join(',');
    const id = typeof fields.pk === 'string' ? /^TICKET#([^#]{1,64})$/.exec(fields.pk)?.[1] : undefined;
    const created = typeof fields.createdKey === 'string' ? CREATED_KEY.exec(fields.createdKey) : null;
    const ok =
      names === ['createdKey', parkKeyName, 'pk', 'sk'].sort().join(',') &&
      fields[parkKeyName] === parkKeyValue &&
      id !== undefined &&
      fields.sk === skOf(id) &&
      created !== null &&
      !Number.isNaN(Date.parse(created[1] ?? '')) &&
      created[2] === id;
    if (ok) return fields;
  }
  throw new InvalidInput('REQUEST.INVALID_CURSOR', 'cursor is not one this list handed out', 'cursor');
}

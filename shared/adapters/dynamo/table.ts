/**
 * The single table's shape, used by the CDK stack and by the local runtime's CreateTable alike,
 * so the two can never drift.
 */

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Each global secondary index answers one question; its name says which. */
export const TABLE_INDEXES = {
  /** A park's tickets of every kind, newest first. */
  ticketsByPark: { partitionKey: 'parkKey', sortKey: 'createdKey' },
  /** A park's tickets of one kind, newest first. */
  ticketsByParkKind: { partitionKey: 'parkKindKey', sortKey: 'createdKey' },
  /** A park's tickets of one kind in one status, newest first. */
  ticketsByParkKindStatus: { partitionKey: 'parkKindStatusKey', sortKey: 'createdKey' },
  /** A park's tickets of one kind owing something past its deadline, oldest first (sparse: only those). */
  ticketsOverdueByParkKind: { partitionKey: 'overdueKey', sortKey: 'createdKey' },
  /**
   * What could be left unsettled, oldest first (sparse: only such items carry the keys): tickets
   * with a pending timer (`TIMERS#<shard>`, by the earliest due time) and SMS claims still being
   * sent (`SENDING#<shard>`, by claim time). The reconciler reads it instead of scanning; writing a
   * ticket with nothing pending, or settling a claim, takes the item out. One index for both, since
   * CloudFormation adds one index per table update.
   */
  unsettledByShard: { partitionKey: 'unsettledKey', sortKey: 'unsettledSince' },
  /**
   * A caller's open tickets of one kind (and emergency category) in a park, newest first (sparse:
   * only open tickets with a caller phone): what a repeated call joins (ADR 011, duplicates.ts).
   */
  openTicketsByCaller: { partitionKey: 'openCallerKey', sortKey: 'createdKey', projection: 'KEYS_ONLY' },
} as const;

export type TableIndexName = keyof typeof TABLE_INDEXES;

/**
 * What an index copies of each item: everything (`ALL`, the lists answer from the index alone), or
 * only the keys, for an index that only finds an id (the ticket is then read from the table).
 */
export function projectionOf(index: TableIndexName): 'ALL' | 'KEYS_ONLY' {
  const spec = TABLE_INDEXES[index];
  return 'projection' in spec ? spec.projection : 'ALL';
}

/** Key builders: the only place that knows how items are keyed. */
export const keys = {
  ticket: (ticketId: string) => ({ pk: `TICKET#${ticketId}`, sk: 'TICKET' }),
  event: (ticketId: string, seq: number) => ({ pk: `TICKET#${ticketId}`, sk: `EVENT#${pad(seq)}` }),
  sms: (ticketId: string, eventSeq: number, index: number) => ({
    pk: `TICKET#${ticketId}`,
    sk: `SMS#${pad(eventSeq)}#${String(index).padStart(2, '0')}`,
  }),
  counter: (parkId: string, register: string, day: string) => ({
    pk: `COUNTER#${parkId}#${register}#${day}`,
    sk: 'COUNTER',
  }),
  company: (companyId: string) => ({ pk: `COMPANY#${companyId}`, sk: 'COMPANY' }),
  park: (parkId: string) => ({ pk: `PARK#${parkId}`, sk: 'PARK' }),
  staff: (parkId: string, staffId: string) => ({ pk: `PARK#${parkId}`, sk: `STAFF#${staffId}` }),
  unit: (parkId: string, unit: string) => ({ pk: `PARK#${parkId}`, sk: `UNIT#${unit}` }),
  /** A limit's counter in one window (ADR 011), e.g. `WRITES#dispatcher-1#29481234`. */
  limit: (name: string) => ({ pk: `LIMIT#${name}`, sk: 'LIMIT' }),
} as const;

/** The attribute DynamoDB's TTL reads (epoch seconds): counters purge themselves after their window. */
export const TTL_ATTRIBUTE = 'purgeAfter';

/** How many partitions each kind of unsettled item is spread over (the reconciler queries each). */
export const UNSETTLED_SHARDS = 4;

/** The `unsettledByShard` partitions, e.g. `TIMERS#2`: a stable spread of tickets by id. */
export const unsettled = {
  timers: (shard: number) => `TIMERS#${shard}`,
  sending: (shard: number) => `SENDING#${shard}`,
  shardOf(ticketId: string): number {
    let sum = 0;
    for (const char of ticketId) sum += char.charCodeAt(0);
    return sum % UNSETTLED_SHARDS;
  },
} as const;

export function pad(seq: number): string {
  return String(seq).padStart(6, '0');
}

/** Attribute definitions for CreateTable (all keys are strings). */
export function attributeDefinitions(): { AttributeName: string; AttributeType: 'S' }[] {
  const names = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey]);
  for (const index of Object.values(TABLE_INDEXES)) {
    names.add(index.partitionKey);
    names.add(index.sortKey);
  }
  return [...names].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const }));
}

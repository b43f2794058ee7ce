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
} as const;

export type TableIndexName = keyof typeof TABLE_INDEXES;

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

/**
 * The single table's shape, used by the CDK stack and by the local runtime's CreateTable alike,
 * so the two can never drift.
 */

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/**
 * Each global secondary index answers one question; its name says which. Oldest first: add a new
 * one at the end (`-c tableIndexes=<n>` deploys the first n, one new index per deploy).
 */
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
   * with a pending timer (`TIMERS#<shard>`, by the earliest due time), SMS claims still being sent
   * (`SENDING#<shard>`, by claim time) and register counters whose latest numbers are not yet
   * checked as written (`NUMBERS#<shard>`, by the latest number's time). The reconciler reads it
   * instead of scanning; writing a ticket with nothing pending, settling a claim, or finding every
   * page of a register written takes the item out. One index for all, since CloudFormation adds
   * one index per table update.
   */
  unsettledByShard: { partitionKey: 'unsettledKey', sortKey: 'unsettledSince' },
  /**
   * A park's key sets in one custody state (`PARK#<park>#in|out|lost|released`), by place then id
   * (`UNIT#3-2-1502#<id>`, `AREA#水泵房#<id>`): the key register's ledger (KY-1), one unit's sets by
   * a key prefix, and the keys still out at closing time.
   */
  keySetsByParkState: { partitionKey: 'keyStateKey', sortKey: 'keyPlaceKey' },
  /**
   * A caller's open tickets of one kind (and emergency category) in a park, newest first (sparse:
   * only open tickets with a caller phone): what a repeated call joins (ADR 011, duplicates.ts).
   */
  openTicketsByCaller: { partitionKey: 'openCallerKey', sortKey: 'createdKey', projection: 'KEYS_ONLY' },
  /**
   * A park's complaints from one unit about one department (`PARK#<park>#UNIT#<unit>#DEPT#<dept>`),
   * newest first (sparse: only complaints with a caller unit and a department): CH-1's repeats
   * (ADR 016, complaint-subjects.ts). All attributes: the count needs each one's validity and
   * repeats, and a unit has few complaints a month.
   */
  complaintsByUnitSubject: { partitionKey: 'complaintSubjectKey', sortKey: 'createdKey' },
  /**
   * A park's tickets with one filterable value (`PARK#<park>#<FACET>#<value>`: a number, a caller
   * phone or unit, an assignee, overdue, a severity, a department), newest first: the filters of
   * GET /tickets (ADR 020). Over small facet items in the ticket's partition (ticket-facets.ts),
   * one per value the ticket has; keys only: every hit is read from the ticket itself and checked.
   */
  ticketsByFacet: { partitionKey: 'facetKey', sortKey: 'createdKey', projection: 'KEYS_ONLY' },
  /**
   * DS-9's work log (《工作日志》, ADR 022): a park's desk entries of one park-local day
   * (`PARK#<park>#<yyyy-mm-dd>`), in time order (`<at>#<ticketId>#<seq>`). Sparse: ticket events
   * and SMS records written since the index exists carry the keys (work-log-keys.ts).
   */
  eventsByParkDay: { partitionKey: 'logDayKey', sortKey: 'logAtKey' },
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
  /** A register's page: one per number handed out, beside its counter (register-numbers.ts). */
  registerNumber: (parkId: string, register: string, day: string, value: number) => ({
    pk: `COUNTER#${parkId}#${register}#${day}`,
    sk: `NUMBER#${pad(value)}`,
  }),
  /** An intake's Idempotency-Key, scoped to the park and the person sending it (idempotency.ts). */
  idempotency: (parkId: string, staffId: string, key: string) => ({
    pk: `IDEMPOTENCY#${parkId}#${staffId}#${key}`,
    sk: 'IDEMPOTENCY',
  }),
  company: (companyId: string) => ({ pk: `COMPANY#${companyId}`, sk: 'COMPANY' }),
  park: (parkId: string) => ({ pk: `PARK#${parkId}`, sk: 'PARK' }),
  staff: (parkId: string, staffId: string) => ({ pk: `PARK#${parkId}`, sk: `STAFF#${staffId}` }),
  unit: (parkId: string, unit: string) => ({ pk: `PARK#${parkId}`, sk: `UNIT#${unit}` }),
  // The key register (KY-1): a key set and its custody events in one partition, like a ticket.
  keySet: (keySetId: string) => ({ pk: `KEYSET#${keySetId}`, sk: 'KEYSET' }),
  keySetEvent: (keySetId: string, seq: number) => ({ pk: `KEYSET#${keySetId}`, sk: `EVENT#${pad(seq)}` }),
  keySetSms: (keySetId: string, eventSeq: number, index: number) => ({
    pk: `KEYSET#${keySetId}`,
    sk: `SMS#${pad(eventSeq)}#${String(index).padStart(2, '0')}`,
  }),
  /** A tag is on one ring of a park only: registering a second set with it fails on this item. */
  keyTag: (parkId: string, tag: string) => ({ pk: `KEYTAG#${parkId}#${tag}`, sk: 'KEYTAG' }),
  /** A service slip number claimed by one ticket of the park (issue 11 item 22). */
  serviceSlip: (parkId: string, slip: string) => ({ pk: `SLIP#${parkId}#${slip}`, sk: 'SLIP' }),
  /**
   * The open move-in case of a unit (MI, ADR 014): held from the case's opening to its completion
   * (`releasedAt` set then), so a second open case for the unit fails on it. `unit` is folded.
   */
  moveInClaim: (parkId: string, unit: string) => ({ pk: `MOVEIN#${parkId}#${unit}`, sk: 'MOVEIN' }),
  /** One closing-time list of keys out per park and closing time, whichever request's check sends it. */
  keyRollCall: (parkId: string, closingAt: string) => ({
    pk: `KEYROLL#${parkId}`,
    sk: `CLOSING#${closingAt}`,
  }),
  /** The claims of a short SMS link token (ADR 012). */
  ackLink: (token: string) => ({ pk: `LINK#${token}`, sk: 'LINK' }),
  /**
   * DS-7, DS-8 (ADR 022): the weekly review of a park's week (`2026-W48`): its append-only entries
   * (`ENTRY#<at>#<id>`) and the Monday SMS's record (`SMS#…`), in one partition.
   */
  review: (parkId: string, week: string) => ({ pk: `REVIEW#${parkId}#${week}`, sk: 'REVIEW' }),
  reviewEntry: (parkId: string, week: string, at: string, id: string) => ({
    pk: `REVIEW#${parkId}#${week}`,
    sk: `ENTRY#${at}#${id}`,
  }),
  /** A limit's counter in one window (ADR 011), e.g. `WRITES#dispatcher-1#29481234`. */
  limit: (name: string) => ({ pk: `LIMIT#${name}`, sk: 'LIMIT' }),
  /** The directory's list of parks, one item per park beside its own (read with a Query: CH-10). */
  parkListing: (parkId: string) => ({ pk: 'PARKS', sk: `PARK#${parkId}` }),
  /** One filterable value of a ticket (ADR 020), beside the ticket: `FACET#UNIT#3-2-1502`. */
  ticketFacet: (ticketId: string, facet: string, value: string) => ({
    pk: `TICKET#${ticketId}`,
    sk: `FACET#${facet}#${value}`,
  }),
} as const;

/** Where an SMS record lives: with its ticket, or with its key set (a lost key's SMS, KY-1). */
export function smsKeyOf(record: { ticketId: string; eventSeq: number; index: number; subject?: string }) {
  // CH-10's reminder: on the month's own partition (`ticketId` is `<park>#<month>`; monthly.ts).
  if (record.subject === 'monthly-report') {
    return {
      pk: `REPORT#${record.ticketId}`,
      sk: `SMS#${pad(record.eventSeq)}#${String(record.index).padStart(2, '0')}`,
    };
  }
  if (record.subject === 'weekly-review') {
    // `ticketId` is then `<park>#<week>` (weekly-review-sms.ts): the SMS lives with the week's review.
    return {
      pk: `REVIEW#${record.ticketId}`,
      sk: `SMS#${pad(record.eventSeq)}#${String(record.index).padStart(2, '0')}`,
    };
  }
  return record.subject === 'key-set'
    ? keys.keySetSms(record.ticketId, record.eventSeq, record.index)
    : keys.sms(record.ticketId, record.eventSeq, record.index);
}

/** How many partitions each kind of unsettled item is spread over (the reconciler queries each). */
export const UNSETTLED_SHARDS = 4;

/**
 * The table's time-to-live attribute (epoch seconds): DynamoDB deletes an item some time after it
 * passes (within days; DynamoDB Local never does), so whoever reads such an item checks it too.
 */
export const TTL_ATTRIBUTE = 'expiresAtEpoch';

/** The `unsettledByShard` partitions, e.g. `TIMERS#2`: a stable spread of tickets by id. */
export const unsettled = {
  timers: (shard: number) => `TIMERS#${shard}`,
  sending: (shard: number) => `SENDING#${shard}`,
  /** Register counters with numbers handed out since the reconciler last found every page written. */
  numbers: (shard: number) => `NUMBERS#${shard}`,
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

/** The ticket store and directory on the single DynamoDB table (same code in AWS and locally). */
import { queryPartition } from './partition';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  type PutCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange, IntakeConflict } from '../../domain/errors';
import type { RegisterDay } from '../../domain/register-number';
import type { Ticket, TicketEventOf } from '../../domain/tickets';
import type {
  ClaimHolder,
  Directory,
  EarlierComplaint,
  IntakeAnswer,
  OpenClaim,
  SmsRecord,
  StoredAckLink,
  TicketHistory,
  TicketPage,
  TicketStore,
} from '../../ports';
import { getAckLink, putAckLink } from './ack-links';
import { queryEarlierComplaints } from './complaint-subjects';
import { answerItem, answerPut, readAnswer } from './intake-answers';
import { pagePut, RegisterNumbers } from './register-numbers';
import { claimPut, claimRelease, onlyReleasesFailed, readClaimHolder, refuseClaim } from './open-claims';
import { RecordsItems } from './records-items';
import { serviceSlipClaim, throwIfSlipTaken } from './service-slips';
import { queryEventsUpTo } from './ticket-events';
import { expectedOf, facetWrites, MAX_TRANSACTION_ITEMS } from './ticket-facets';
import { strip, TICKET_INTERNAL, writeItems } from './ticket-items';
import { type ListQuery, listTickets } from './ticket-list';
import { keys, smsKeyOf } from './table';
import { isConditionFailure, transactWrite, transientCancellation } from './transactions';
import { WORK_LOG_ATTRIBUTES, withWorkLogKeys, workLogKeys } from './work-log';
import { sendingKeys, UNSETTLED_ATTRIBUTES } from './unsettled';

/**
 * The reconciler's reads (and `db`, `tableName`) come from UnsettledReads (unsettled.ts), the
 * directory's from DirectoryReads, the limits' from LimitItems (limits.ts), the key register's from KeyRegisterItems (key-register.ts).
 */
export class DynamoTicketStore extends RecordsItems implements TicketStore, Directory {
  /**
   * Whether the table answers now (GET /health): a DescribeTable, which reads no item (the
   * unauthenticated probe may describe the table, not read it), abandoned after `timeoutMs`.
   */
  async ping(timeoutMs = 2_000): Promise<void> {
    await this.db.send(new DescribeTableCommand({ TableName: this.tableName }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
  }

  // One ticket's current state.
  async get(ticketId: string): Promise<Ticket | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.ticket(ticketId), ConsistentRead: true }),
    );
    return out.Item ? strip<Ticket>(out.Item, TICKET_INTERNAL) : undefined;
  }

  // A ticket with every event and SMS record, in one Query on its partition.
  async history(ticketId: string): Promise<TicketHistory | undefined> {
    const items = await queryPartition(this.db, this.tableName, keys.ticket(ticketId).pk);
    const ticketRaw = items.find((i) => i.sk === 'TICKET');
    if (!ticketRaw) return undefined;
    const internal = ['pk', 'sk', 'itemType', 'ticketId', 'parkId', ...WORK_LOG_ATTRIBUTES];
    return {
      ticket: strip<Ticket>(ticketRaw, TICKET_INTERNAL),
      events: items
        .filter((i) => String(i.sk).startsWith('EVENT#'))
        .map((i) => strip<TicketEventOf>(i, internal)),
      sms: items
        .filter((i) => String(i.sk).startsWith('SMS#'))
        .map((i) =>
          strip<SmsRecord>(i, ['pk', 'sk', 'itemType', ...UNSETTLED_ATTRIBUTES, ...WORK_LOG_ATTRIBUTES]),
        ),
    };
  }

  eventsUpTo(ticketId: string, seq: number): Promise<TicketEventOf[]> {
    return queryEventsUpTo(this.db, this.tableName, ticketId, seq);
  }

  // CH-1 repeats (ADR 016): one Query on the complaints by unit and department.
  earlierComplaints(query: Parameters<TicketStore['earlierComplaints']>[0]): Promise<EarlierComplaint[]> {
    return queryEarlierComplaints(this.db, this.tableName, query);
  }

  private readonly numbers = new RegisterNumbers(this.db, this.tableName);

  reserveNumber(register: Omit<RegisterDay, 'value'>, claim: string, at: Date): Promise<number> {
    return this.numbers.reserve(register, claim, at);
  }

  intakeAnswer(parkId: string, staffId: string, key: string, now: Date): Promise<IntakeAnswer | undefined> {
    return readAnswer(this.db, this.tableName, { parkId, staffId, key }, now);
  }

  // One transaction: the ticket, its opening event, its register page and its Idempotency-Key's
  // answer, each only where nothing is yet. No counter in it: the number was reserved before
  // (register-numbers.ts), so intakes on one register never contend here (ADR 010).
  async create(
    ticket: Ticket,
    event: TicketEventOf,
    numbering?: { register: string; day: string; value: number },
    answer?: IntakeAnswer,
    claims: readonly OpenClaim[] = [],
  ): Promise<void> {
    const [ticketRecord, eventRecord, answerRecord] = withWorkLogKeys(
      writeItems(ticket, event, ...(answer ? [answerItem(answer)] : [])),
      await this.zoneOf(ticket.parkId),
    );
    const fresh = (Item: Record<string, unknown> | undefined) => ({
      Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
    });
    const items = [
      { what: 'ticket' as const, write: fresh(ticketRecord) },
      { what: 'ticket' as const, write: fresh(eventRecord) },
      ...(numbering ? [{ what: 'page' as const, write: pagePut(this.tableName, ticket, numbering) }] : []),
      ...(answer && answerRecord
        ? [{ what: 'key' as const, write: answerPut(this.tableName, answerRecord, answer.at) }]
        : []),
      ...claims.map((claim) => ({ what: 'claim' as const, write: claimPut(this.tableName, ticket, claim) })),
      // Last, unconditioned: the filters' index rows (ADR 020) never fail a write.
      ...facetWrites(this.tableName, ticket).map((write) => ({ what: 'ticket' as const, write })),
    ];
    try {
      await transactWrite(
        this.db,
        new TransactWriteCommand({ TransactItems: items.map((item) => item.write) }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        const codes = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
        const taken = items.filter((_, i) => codes[i]?.Code === 'ConditionalCheckFailed').map((i) => i.what);
        // MI (ADR 014): only a claim was held — another open ticket has it; see claimRefused.
        if (taken.length > 0 && taken.every((what) => what === 'claim')) {
          const at = items.findIndex((item) => item.what === 'claim');
          await refuseClaim(this.db, this.tableName, ticket, error, at, numbering);
        }
        throw new IntakeConflict(
          `the new ticket was not written: its ${[...new Set(taken)].join(', ') || 'items'} existed already`,
          [...new Set(taken)],
          { cause: error },
        );
      }
      throw transientCancellation(error) ?? error;
    }
  }

  claimHolder(claim: OpenClaim): Promise<ClaimHolder | undefined> {
    return readClaimHolder(this.db, this.tableName, claim);
  }

  async append(
    ticket: Ticket,
    event: TicketEventOf,
    expected: Ticket | number,
    slip?: string,
    releases: readonly OpenClaim[] = [],
  ): Promise<void> {
    const { version: expectedVersion, previous } = expectedOf(expected);
    const [ticketRecord, eventRecord] = withWorkLogKeys(
      writeItems(ticket, event),
      await this.zoneOf(ticket.parkId),
    );
    const slipClaim = slip === undefined ? [] : [serviceSlipClaim(this.tableName, ticket, slip)];
    // After the slip claim (throwIfSlipTaken reads the third item's reason).
    const released = releases.map((claim) => claimRelease(this.tableName, ticket, claim, event.at));
    try {
      await transactWrite(
        this.db,
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: ticketRecord,
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: eventRecord,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...slipClaim,
            ...released,
            // Last (the reasons above are read by position): the filters' index rows, ADR 020.
            ...facetWrites(this.tableName, ticket, previous),
          ],
        }),
      );
    } catch (error) {
      if (slip !== undefined) throwIfSlipTaken(error, slip);
      // A case opened before claims existed, whose unit another case claimed since: it holds
      // nothing to release, so its event is written without the release (open-claims.ts).
      if (releases.length > 0 && onlyReleasesFailed(error, 2 + slipClaim.length)) {
        return this.append(ticket, event, expected, slip);
      }
      if (isConditionFailure(error)) {
        throw new ConcurrentChange(
          'the ticket was changed by someone else meanwhile; reload it and try again',
          {
            cause: error,
          },
        );
      }
      throw transientCancellation(error) ?? error;
    }
  }

  /**
   * MI-6: one TransactWriteItems — the ticket and its event, and each opened ticket with its event
   * and its register page (its number reserved before, as every intake's is: ADR 010).
   */
  async appendWithOpened(
    ticket: Ticket,
    event: TicketEventOf,
    expected: Ticket | number,
    opened: readonly {
      ticket: Ticket;
      event: TicketEventOf;
      numbering: { register: string; day: string; value: number };
    }[],
  ): Promise<void> {
    const put = (
      Item: Record<string, unknown>,
      ConditionExpression: string,
      values?: Record<string, unknown>,
    ) => ({
      Put: {
        TableName: this.tableName,
        Item,
        ConditionExpression,
        ...(values
          ? { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: values }
          : {}),
      },
    });
    const { version: expectedVersion, previous } = expectedOf(expected);
    const zone = await this.zoneOf(ticket.parkId);
    const [ticketRecord, eventRecord] = withWorkLogKeys(writeItems(ticket, event), zone);
    const records = [
      put(ticketRecord as Record<string, unknown>, '#version = :expected', {
        ':expected': expectedVersion,
      }),
      put(eventRecord as Record<string, unknown>, 'attribute_not_exists(pk)'),
      ...opened.flatMap((o) => [
        ...withWorkLogKeys(writeItems(o.ticket, o.event), zone).map((item) =>
          put(item as Record<string, unknown>, 'attribute_not_exists(pk)'),
        ),
        pagePut(this.tableName, o.ticket, o.numbering),
      ]),
    ];
    // The filters' index rows (ADR 020): the ticket's changes, each opened ticket's all; as many
    // as the transaction holds (MAX_DEFECTS repairs fill most of it), the rest right after it.
    const facets = [
      ...facetWrites(this.tableName, ticket, previous),
      ...opened.flatMap((o) => facetWrites(this.tableName, o.ticket)),
    ];
    const room = Math.max(0, MAX_TRANSACTION_ITEMS - records.length);
    try {
      await transactWrite(
        this.db,
        new TransactWriteCommand({ TransactItems: [...records, ...facets.slice(0, room)] as never }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConcurrentChange('the ticket changed or a register page was voided meanwhile; try again', {
          cause: error,
        });
      }
      throw transientCancellation(error) ?? error;
    }
    // Unconditioned Puts of index rows: a crash before them leaves a late facet (the list misses
    // that repair under that filter until its facets are written again), never a wrong hit.
    await Promise.all(
      facets
        .slice(room)
        .map((write) => this.db.send(new PutCommand((write as { Put: PutCommandInput }).Put))),
    );
  }

  // A park's tickets with the list's filters: one Query on the most selective index (ticket-list.ts, ADR 020).
  list(query: ListQuery): Promise<TicketPage> {
    return listTickets(this.db, this.tableName, query);
  }

  async claimSms(record: SmsRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...smsKeyOf(record),
            itemType: 'sms',
            ...record,
            // DS-9: in the park's work log (ADR 022), when the record says its park.
            ...(record.parkId
              ? workLogKeys(
                  record.parkId,
                  record.at,
                  await this.zoneOf(record.parkId),
                  record.ticketId,
                  record.eventSeq,
                  record.index,
                )
              : {}),
            // In the reconciler's index until settled: a crash before then leaves it to be re-sent.
            ...sendingKeys(record),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #state = :failed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':failed': 'failed' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async settleSms(record: SmsRecord): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: smsKeyOf(record),
        // Settled: out of the reconciler's index (unsettled.ts).
        UpdateExpression: `SET #state = :s, messageId = :m, #error = :e, settledAt = :at REMOVE ${UNSETTLED_ATTRIBUTES.join(', ')}`,
        ExpressionAttributeNames: { '#state': 'state', '#error': 'error' },
        ExpressionAttributeValues: {
          ':s': record.state,
          ':m': record.messageId ?? null,
          ':e': record.error ?? null,
          ':at': record.at,
        },
      }),
    );
  }

  saveAckLink(token: string, link: StoredAckLink): Promise<void> {
    return putAckLink(this.db, this.tableName, token, link);
  }

  ackLink(token: string): Promise<StoredAckLink | undefined> {
    return getAckLink(this.db, this.tableName, token);
  }
}

/**
 * CH-1 repeats (ADR 016): the sparse index of complaints by park, caller unit and the department
 * complained about, newest first. A new complaint's earlier ones are one Query on it, never a Scan.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Ticket } from '../../domain/tickets';
import type { EarlierComplaint } from '../../ports';
import { TABLE_INDEXES } from './table';

const INDEX = 'complaintsByUnitSubject' as const;
const { partitionKey: SUBJECT_KEY, sortKey: CREATED_KEY } = TABLE_INDEXES[INDEX];

/** The index attribute a ticket item carries; never part of a ticket as the store hands it out. */
export const COMPLAINT_SUBJECT_ATTRIBUTES = [SUBJECT_KEY] as const;

const subjectPartition = (parkId: string, unit: string, department: string) =>
  `PARK#${parkId}#UNIT#${unit}#DEPT#${department}`;

/** A complaint item's key in the index: once it has a caller unit and a department it is about. */
export function complaintSubjectKeys(ticket: Ticket): Record<string, string> {
  if (ticket.kind !== 'complaint' || !ticket.caller.unit || !ticket.about) return {};
  return { [SUBJECT_KEY]: subjectPartition(ticket.parkId, ticket.caller.unit, ticket.about.department) };
}

/** The park's complaints from `unit` about `department` created at or after `since`, newest first. */
export async function queryEarlierComplaints(
  db: DynamoDBDocumentClient,
  tableName: string,
  query: { parkId: string; unit: string; department: string; since: string; limit: number },
): Promise<EarlierComplaint[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: INDEX,
      KeyConditionExpression: '#k = :k AND #c >= :since',
      ExpressionAttributeNames: { '#k': SUBJECT_KEY, '#c': CREATED_KEY },
      ExpressionAttributeValues: {
        ':k': subjectPartition(query.parkId, query.unit, query.department),
        ':since': query.since,
      },
      ScanIndexForward: false,
      Limit: query.limit,
    }),
  );
  return (out.Items ?? []).map((i) => ({
    id: String(i.id),
    createdAt: String(i.createdAt),
    ...(typeof i.number === 'string' ? { number: i.number } : {}),
    ...(typeof i.valid === 'boolean' ? { valid: i.valid } : {}),
    ...(typeof i.repeats === 'number' ? { repeats: i.repeats } : {}),
  }));
}

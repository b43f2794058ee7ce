/**
 * `npx tsx infra/aws/backfill-facets.ts <table-name> <park-id>`: writes the ticket filters' facet
 * items (ADR 020) for a park's tickets written before the filters, with the AWS credentials of the
 * shell. Once per park after the deploy that adds `ticketsByFacet` (when it is ACTIVE); safe to repeat.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../shared/adapters/aws/core';
import { backfillFacets } from '../../shared/adapters/dynamo/facet-backfill';

const [table, park] = process.argv.slice(2);
if (!table || !park) {
  console.error('usage: npx tsx infra/aws/backfill-facets.ts <table-name> <park-id>');
  process.exit(2);
}
const done = await backfillFacets(documentClient(new DynamoDBClient({})), table, park);
console.log(`${table} ${park}: ${done.facets} facet items written for ${done.tickets} tickets`);

/**
 * `npm run seed:aws -- <table-name>`: writes the demo park (directory, units) into a deployed
 * table, with the AWS credentials of the shell. Replace the data with your park's before real use.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../shared/adapters/aws/core';
import { seedDemoPark } from '../local/seed';

const table = process.argv[2];
if (!table) {
  console.error('usage: npm run seed:aws -- <table-name>   (the TableName output of the stack)');
  process.exit(2);
}
const wrote = await seedDemoPark(documentClient(new DynamoDBClient({})), table);
console.log(
  wrote ? `seeded the demo park into ${table}` : `${table} already has the demo park; nothing written`,
);

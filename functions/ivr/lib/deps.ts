/**
 * The IVR handlers' dependencies in AWS: built once per container from the environment. The local
 * runtime provides its own (its table, its clock, the token from TWILIO_AUTH_TOKEN) through
 * `provideIvr` (shared/runtime.ts) before serving.
 */
import { documentClient, dynamoDbClient, requiredEnv } from '../../../shared/adapters/aws/core';
import { DynamoCallStore } from '../../../shared/adapters/dynamo/call-store';
import { DynamoTicketStore } from '../../../shared/adapters/dynamo/ticket-store';
import { systemClock, UlidIds } from '../../../shared/adapters/ids';
import { ivrSettingsFromEnv } from '../../../shared/app/ivr-calls';
import { ENV } from '../../../shared/config';
import { ivrRuntimeFrom } from '../../../shared/runtime';

export const ivrRuntime = ivrRuntimeFrom(() => {
  const db = documentClient(dynamoDbClient());
  const table = requiredEnv(ENV.tableName);
  const store = new DynamoTicketStore(db, table);
  return {
    deps: {
      store,
      directory: store,
      clock: systemClock,
      ids: new UlidIds(systemClock),
      calls: new DynamoCallStore(db, table),
      // The Connect function has no public URL: it is invoked by Connect, not called over HTTP.
      ivr: ivrSettingsFromEnv(process.env, process.env[ENV.publicBaseUrl] ?? ''),
    },
  };
});

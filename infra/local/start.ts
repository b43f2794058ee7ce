/** `npm start`: DynamoDB Local (data in .data/), the demo park on first run, the desk on PORT (3000). */
import { resolve } from 'node:path';
import { JavaMissing, startDynamoLocal } from './dynamo';
import { ENV } from '../../shared/config';
import { startDesk } from './desk';
import { exposureProblem } from './guards';
import { localSigningKey } from './jwt';
import { DATA_DIR, DYNAMO_DIR, JWT_KEY_FILE, LOCAL_TABLE } from './paths';
import { DEMO_PARK } from './seed';

async function main(): Promise<void> {
  // Before DynamoDB Local starts: one line, exit 1 (guards.ts says why).
  const exposed = exposureProblem({
    publicBaseUrl: process.env[ENV.publicBaseUrl],
    twilioAuthToken: process.env[ENV.twilioAuthToken],
  });
  if (exposed) {
    console.error(`estate-desk: refusing to start: ${exposed}`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 3000);
  let dynamo: Awaited<ReturnType<typeof startDynamoLocal>>;
  try {
    dynamo = await startDynamoLocal({
      dataDir: DYNAMO_DIR,
      port: process.env.DYNAMO_PORT ? Number(process.env.DYNAMO_PORT) : undefined,
    });
  } catch (error) {
    if (error instanceof JavaMissing) {
      console.error(`estate-desk: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let desk: Awaited<ReturnType<typeof startDesk>> | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await desk?.close().catch(() => undefined);
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    desk = await startDesk({
      dynamoEndpoint: dynamo.endpoint,
      tableName: LOCAL_TABLE,
      jwtKey: localSigningKey(JWT_KEY_FILE),
      // Emergency SMS links stay valid across restarts: their key is kept beside the JWT key.
      ackLinkKey: localSigningKey(resolve(DATA_DIR, 'ack-link.key')),
      port,
      host: process.env.HOST ?? '127.0.0.1',
    });
  } catch (error) {
    console.error(`estate-desk: could not start: ${(error as Error).message}`);
    await stop(1);
    return;
  }
  console.log(
    [
      '',
      `  estate-desk 物业服务台 — ${DEMO_PARK.name} (${DEMO_PARK.id})`,
      `  API        ${desk.url}   (GET /health, GET /staff, POST /tickets …)`,
      `  data       ${DATA_DIR}   (DynamoDB Local on ${dynamo.endpoint})`,
      '  token      npm run token -- dispatcher        (any role: technician, manager, … or a staff id)',
      `  local      ${desk.url}/local/sms  ·  ${desk.url}/local/clock  (POST {"advance":"PT2H"})`,
      `  phone      POST ${desk.ivr.publicBaseUrl}/ivr/twilio/voice  ·  npm run call -- --digits 1 --speech "厨房水管漏水"`,
      '  stop       Ctrl-C',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(`estate-desk: ${(error as Error).message}`);
  process.exit(1);
});

/** `npm start`: DynamoDB Local (data in .data/), the demo park on first run, the desk on PORT (3000). */
import { ENV } from '../../shared/config';
import { CONSOLE_DIST, consoleIsStale, ensureConsoleBuilt } from './console';
import { DataFolderInUse, JavaMissing } from './dynamo';
import { exposureProblem } from './guards';
import { DATA_DIR } from './paths';
import { type LocalRun, runLocal } from './run';
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
  let run: LocalRun | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await run?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // The web console (ADR 023): built when web/dist is missing or older than web/'s sources.
  let consoleDir: string | undefined = CONSOLE_DIST;
  try {
    if (consoleIsStale()) console.log('estate-desk: building the web console (web/ → web/dist) …');
    await ensureConsoleBuilt();
  } catch (error) {
    consoleDir = undefined;
    console.error(
      `estate-desk: the web console did not build, serving the API only: ${(error as Error).message}`,
    );
  }
  try {
    run = await runLocal({
      ...(consoleDir ? { consoleDir } : {}),
      dataDir: DATA_DIR,
      port: Number(process.env.PORT ?? 3000),
      host: process.env.HOST ?? '127.0.0.1',
      ...(process.env.DYNAMO_PORT ? { dynamoPort: Number(process.env.DYNAMO_PORT) } : {}),
    });
  } catch (error) {
    const known = error instanceof JavaMissing || error instanceof DataFolderInUse;
    console.error(`estate-desk: ${known ? '' : 'could not start: '}${(error as Error).message}`);
    process.exit(1);
  }
  if (stopping) return;
  const { desk, dynamo } = run;
  console.log(
    [
      '',
      `  estate-desk 物业服务台 — ${DEMO_PARK.name} (${DEMO_PARK.id})`,
      `  console    ${desk.url}/   (工作台: sign in as any person of the demo park)`,
      `  API        ${desk.url}   (GET /health, GET /staff, POST /tickets …)`,
      `  data       ${DATA_DIR}   (DynamoDB Local on ${dynamo.endpoint})`,
      '  token      npm run token -- dispatcher        (any role: technician, manager, … or a staff id)',
      `  local      ${desk.url}/local/sms  ·  ${desk.url}/local/clock  (POST {"advance":"PT2H"})  ·  ${desk.url}/local/failures`,
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

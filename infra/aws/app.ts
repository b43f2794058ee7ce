/** CDK entry point (cdk.json: `npx tsx infra/aws/app.ts`). */
import { App } from 'aws-cdk-lib';
import { ensureConsoleBuilt } from '../local/console';
import { buildEstateDesk } from './build';

const app = new App();
try {
  // The stack uploads web/dist (ADR 024): build it when missing or older than web/'s sources, as
  // `npm start` does, so a fresh clone's `cdk synth` (CI) works without a separate step.
  await ensureConsoleBuilt();
  buildEstateDesk(app);
} catch (error) {
  // A refused deploy (no alarm destination, a China region, a bad -c value): the reason, no stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
app.synth();

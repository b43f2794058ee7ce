/** CDK entry point (cdk.json: `npx tsx infra/aws/app.ts`). */
import { App } from 'aws-cdk-lib';
import { buildEstateDesk } from './build';

const app = new App();
try {
  buildEstateDesk(app);
} catch (error) {
  // A refused deploy (no alarm destination, a China region, a bad -c value): the reason, no stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
app.synth();

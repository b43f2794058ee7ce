/** CDK entry point (cdk.json: `npx tsx infra/aws/app.ts`). */
import { App } from 'aws-cdk-lib';
import { buildEstateDesk } from './build';

const app = new App();
buildEstateDesk(app);
app.synth();

/** Starts one in-memory DynamoDB Local on a free port for the whole test run (no SDK import here: it is slow). */
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../infra/local/dynamo';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // A JVM starting on a busy machine can take well over the 30 s `npm start` allows.
  const dynamo = await startDynamoLocal({ readyTimeoutMs: 180_000 });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}

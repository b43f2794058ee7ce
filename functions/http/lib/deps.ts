/** The API handlers' dependencies: the table, clock and ids (no Scheduler, no SNS on request paths). */
import { awsCoreDeps } from '../../../shared/adapters/aws/core';
import { depsFrom } from '../../../shared/runtime';

export const httpDeps = depsFrom(awsCoreDeps);

/**
 * The Twilio auth token in AWS: an SSM Parameter Store SecureString, named by
 * TWILIO_AUTH_TOKEN_PARAMETER, read once per container (the read starts during init) and kept.
 * Never in the repository, never in the function's environment.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { requiredEnv } from '../../../shared/adapters/aws/core';
import { ENV } from '../../../shared/config';

let token: Promise<string> | undefined;

export function twilioAuthTokenFromSsm(): Promise<string> {
  token ??= Promise.resolve()
    .then(() => requiredEnv(ENV.twilioAuthTokenParameter))
    .then((name) => new SSMClient({}).send(new GetParameterCommand({ Name: name, WithDecryption: true })))
    .then((out) => {
      const value = out.Parameter?.Value;
      if (!value) throw new Error('the Twilio auth token parameter is empty');
      return value;
    })
    .catch((error: unknown) => {
      token = undefined; // the next request tries again
      throw error;
    });
  return token;
}

if (process.env[ENV.twilioAuthTokenParameter]) twilioAuthTokenFromSsm().catch(() => undefined);

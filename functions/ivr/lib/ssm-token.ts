/**
 * The Twilio auth token in AWS: an SSM SecureString named by TWILIO_AUTH_TOKEN_PARAMETER, read once
 * per container (the read starts during init) and kept.
 */
import { requiredEnv } from '../../../shared/adapters/aws/core';
import { secureParameter } from '../../../shared/adapters/aws/secure-parameter';
import { ENV } from '../../../shared/config';

export const twilioAuthTokenFromSsm = secureParameter({
  name: () => requiredEnv(ENV.twilioAuthTokenParameter),
  check: (value) => {
    if (!value) throw new Error('the Twilio auth token parameter is empty');
  },
});

if (process.env[ENV.twilioAuthTokenParameter]) twilioAuthTokenFromSsm().catch(() => undefined);

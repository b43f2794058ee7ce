/**
 * The emergency link key in AWS: an SSM SecureString named by ACK_LINK_KEY_PARAMETER, kept five
 * minutes per container (so a rotated key takes over without a deploy).
 */
import type { SSMClient } from '@aws-sdk/client-ssm';
import { ENV } from '../../config';
import { MIN_KEY_LENGTH } from '../../domain/ack-link';
import type { AckLinkKeys } from '../../ports';
import { secureParameter } from './secure-parameter';

export function ssmAckLinkKeys(env: NodeJS.ProcessEnv = process.env, ssm?: () => SSMClient): AckLinkKeys {
  const key = secureParameter({
    name: () => {
      const name = env[ENV.ackLinkKeyParameter];
      if (!name) throw new Error(`${ENV.ackLinkKeyParameter} is not set`);
      return name;
    },
    check: (value) => {
      if (value.length < MIN_KEY_LENGTH) {
        throw new Error(`the ack-link key parameter holds fewer than ${MIN_KEY_LENGTH} characters`);
      }
    },
    ttlMs: 5 * 60_000,
    ...(ssm ? { client: ssm } : {}),
  });
  return {
    key,
    baseUrl: () => {
      const url = env[ENV.publicBaseUrl];
      if (!url) throw new Error(`${ENV.publicBaseUrl} is not set`);
      return url;
    },
  };
}

/**
 * The emergency link key in AWS: an SSM Parameter Store SecureString named by ACK_LINK_KEY_PARAMETER,
 * read once per container and kept five minutes (so a rotated key takes over without a deploy).
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ENV } from '../../config';
import { MIN_KEY_LENGTH } from '../../domain/ack-link';
import type { AckLinkKeys } from '../../ports';

const KEY_TTL_MS = 5 * 60_000;

export function ssmAckLinkKeys(
  env: NodeJS.ProcessEnv = process.env,
  ssm: () => SSMClient = () => new SSMClient({}),
): AckLinkKeys {
  let cached: { value: Promise<string>; until: number } | undefined;
  let client: SSMClient | undefined;
  return {
    key: () => {
      if (cached && cached.until > Date.now()) return cached.value;
      const name = env[ENV.ackLinkKeyParameter];
      const value = (async () => {
        if (!name) throw new Error(`${ENV.ackLinkKeyParameter} is not set`);
        client ??= ssm();
        const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
        const key = out.Parameter?.Value?.trim() ?? '';
        if (key.length < MIN_KEY_LENGTH) {
          throw new Error(`the ack-link key parameter holds fewer than ${MIN_KEY_LENGTH} characters`);
        }
        return key;
      })();
      cached = { value, until: Date.now() + KEY_TTL_MS };
      // A failed read is not kept: the next SMS or page tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
      return value;
    },
    baseUrl: () => {
      const url = env[ENV.publicBaseUrl];
      if (!url) throw new Error(`${ENV.publicBaseUrl} is not set`);
      return url;
    },
  };
}

/**
 * A secret kept as an SSM Parameter Store SecureString (never in the repo or the environment):
 * read once per container, kept for `ttlMs`, and read again on the next call after a failure.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { REQUEST_PATH_BUDGET, sdkClientConfig } from './sdk';

/** The SSM client of the functions: the link pages read the key on a request (sdk.ts budgets). */
export const ssmClient = () => new SSMClient(sdkClientConfig(REQUEST_PATH_BUDGET));

export function secureParameter(options: {
  /** The parameter's name; throws when it is not configured. */
  name: () => string;
  /** Refuses a value that cannot be right (too short, empty): the read counts as failed. */
  check?: (value: string) => void;
  ttlMs?: number;
  client?: () => SSMClient;
}): () => Promise<string> {
  let cached: { value: Promise<string>; until: number } | undefined;
  let client: SSMClient | undefined;
  return () => {
    if (cached && cached.until > Date.now()) return cached.value;
    const value = (async () => {
      const name = options.name();
      client ??= options.client?.() ?? ssmClient();
      const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
      const text = out.Parameter?.Value?.trim() ?? '';
      options.check?.(text);
      return text;
    })();
    cached = { value, until: Date.now() + (options.ttlMs ?? Number.POSITIVE_INFINITY) };
    value.catch(() => {
      if (cached?.value === value) cached = undefined;
    });
    return value;
  };
}

/**
 * The IVR handlers' dependencies. In AWS: built once per container from the environment. The local
 * runtime provides its own (its table, its clock, the token from TWILIO_AUTH_TOKEN) before serving.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient, requiredEnv } from '../../../shared/adapters/aws/core';
import { DynamoCallStore } from '../../../shared/adapters/dynamo/call-store';
import { DynamoTicketStore } from '../../../shared/adapters/dynamo/ticket-store';
import { systemClock, UlidIds } from '../../../shared/adapters/ids';
import type { IvrDeps, IvrSettings } from '../../../shared/app/ivr-calls';
import { DEFAULT_IVR_PARK_ID, DEFAULT_IVR_VOICE, ENV } from '../../../shared/config';

export interface IvrRuntime {
  deps: IvrDeps;
  /** The Twilio account's auth token; absent in AWS, where it comes from SSM (ssm-token.ts). */
  authToken?: () => Promise<string>;
}

let provided: IvrRuntime | undefined;
let built: IvrRuntime | undefined;

/** Used by the local runtime and tests: the IVR handlers then use these. */
export function provideIvr(runtime: IvrRuntime | undefined): void {
  provided = runtime;
}

/** Voice, language and park from the environment, with the documented defaults. */
export function ivrSettingsFromEnv(env: NodeJS.ProcessEnv, baseUrl: string): IvrSettings {
  return {
    parkId: env[ENV.ivrParkId] || DEFAULT_IVR_PARK_ID,
    baseUrl,
    voice: {
      sayLanguage: env[ENV.ivrSayLanguage] || DEFAULT_IVR_VOICE.sayLanguage,
      voice: env[ENV.ivrVoice] || DEFAULT_IVR_VOICE.voice,
      speechLanguage: env[ENV.ivrSpeechLanguage] || DEFAULT_IVR_VOICE.speechLanguage,
    },
  };
}

export function ivrRuntime(): IvrRuntime {
  if (provided) return provided;
  if (!built) {
    const db = documentClient(new DynamoDBClient({}));
    const table = requiredEnv(ENV.tableName);
    const store = new DynamoTicketStore(db, table);
    built = {
      deps: {
        store,
        directory: store,
        clock: systemClock,
        ids: new UlidIds(systemClock),
        calls: new DynamoCallStore(db, table),
        // The Connect function has no public URL: it is invoked by Connect, not called over HTTP.
        ivr: ivrSettingsFromEnv(process.env, process.env[ENV.publicBaseUrl] ?? ''),
      },
    };
  }
  return built;
}

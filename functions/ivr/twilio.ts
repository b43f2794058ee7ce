/**
 * POST /ivr/twilio/{voice,menu,unit,category,describe,more}: the steps of a phone call, answered
 * with TwiML. Not user-authenticated: every request must carry a valid X-Twilio-Signature (403 and
 * nothing written otherwise). Whatever was posted, the caller hears something sensible — a question
 * again, or a person — never a 500.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { answerTwilio, type IvrDeps, personOnly } from '../../shared/app/ivr-calls';
import { DEFAULT_IVR_VOICE } from '../../shared/config';
import { PROMPTS, TWILIO_STEPS, type TwilioStep } from '../../shared/ivr/call-tree';
import { isValidTwilioRequest, parseForm, publicUrl } from '../../shared/ivr/twilio-signature';
import { hangup, say, TWIML_CONTENT_TYPE, twiml } from '../../shared/ivr/twiml';
import { log } from '../../shared/log';
import { ivrRuntime } from './lib/deps';
import { twilioAuthTokenFromSsm } from './lib/ssm-token';

/** Twilio's posts are a few hundred bytes; anything this large is not a call step. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

function xml(body: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: { 'content-type': TWIML_CONTENT_TYPE, 'cache-control': 'no-store' },
    body,
  };
}

function forbidden(): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'invalid or missing X-Twilio-Signature',
  };
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const hit = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return hit?.[1];
}

/** One value per field (Twilio sends each once; a repeated field keeps its first value). */
function firstValues(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseForm(body)))
    out[key] = Array.isArray(value) ? (value[0] ?? '') : value;
  return out;
}

function stepOf(event: APIGatewayProxyEventV2): TwilioStep | undefined {
  const last = event.rawPath.split('/').pop() ?? '';
  return (TWILIO_STEPS as readonly string[]).includes(last) ? (last as TwilioStep) : undefined;
}

function unavailable(deps: IvrDeps | undefined): APIGatewayProxyStructuredResultV2 {
  const voice = deps?.ivr.voice ?? DEFAULT_IVR_VOICE;
  return xml(twiml([say(PROMPTS.noOne, voice), hangup()]));
}

/** The runtime's settings when it can be built (it is cached per container), else none. */
function depsIfAny(): IvrDeps | undefined {
  try {
    return ivrRuntime().deps;
  } catch {
    return undefined;
  }
}

/**
 * Whatever failed, the caller hears that no one can take the call (in the park's voice when the
 * runtime was built) and Twilio gets TwiML, never a 500. Middy's `onError`, like the API's error
 * mapping (ADR 008).
 */
const callerHearsNoOne: middy.MiddlewareObj<
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Error,
  Context
> = {
  onError: async (request) => {
    const { error, event, context } = request;
    log.error('twilio webhook failed', { error, reference: context?.awsRequestId, path: event.rawPath });
    request.response = unavailable(depsIfAny());
  },
};

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(callerHearsNoOne)
  .handler(async (event) => {
    const runtime = ivrRuntime();
    const deps = runtime.deps;
    const raw = event.body ?? '';
    const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    if (!deps.ivr.baseUrl) {
      throw new Error('PUBLIC_BASE_URL is not set: Twilio signatures cannot be checked');
    }
    const url = publicUrl(deps.ivr.baseUrl, event.rawPath, event.rawQueryString);
    const valid = isValidTwilioRequest(await (runtime.authToken ?? twilioAuthTokenFromSsm)(), {
      url,
      signature: header(event, 'x-twilio-signature'),
      body,
      contentType: header(event, 'content-type'),
    });
    if (!valid) {
      log.warn('twilio webhook refused: bad signature', { path: event.rawPath });
      return forbidden();
    }
    const step = stepOf(event);
    if (!step || Buffer.byteLength(body, 'utf8') > MAX_WEBHOOK_BYTES) {
      // Signed, but not a step of ours or not a call step's size: a person takes it; nothing is stored.
      return xml(await personOnly(deps));
    }
    const query: Record<string, string | undefined> = { ...(event.queryStringParameters ?? {}) };
    return xml(await answerTwilio(deps, { step, query, form: firstValues(body) }));
  });

/**
 * The API as an OpenAPI 3.1 document, generated from the route table (infra/routes.ts), the route
 * docs beside it (infra/openapi-routes.ts), the zod request schemas (shared/schemas, converted by
 * zod 4's `toJSONSchema`) and the access table (shared/app/access.ts) for the roles. Run at build
 * time, never in a Lambda: `GET /openapi.json` serves the committed file (ADR 019).
 *
 *   npx tsx infra/openapi.ts     (npm run openapi) writes docs/openapi.json
 *
 * test/infra/openapi.test.ts fails when the committed file is not what this prints.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type $ZodType, toJSONSchema } from 'zod/v4/core';
import { PERMISSIONS } from '../shared/app/access';
import type { Group } from '../shared/domain/park';
import { TICKET_KINDS } from '../shared/domain/ticket';
import { commandBodies } from '../shared/schemas';
import { commandResponse, errorResponse, ticketResponse } from '../shared/schemas/responses';
import {
  COMMAND_ERRORS,
  COMMAND_EXAMPLES,
  COMMAND_ROUTE,
  COMMAND_RULE_CODES,
  COMMAND_SUMMARIES,
  type ErrorStatus,
  ROUTE_DOCS,
  type RouteDoc,
} from './openapi-routes';
import { HTTP_ROUTES, type HttpRoute } from './routes';

export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  description: string;
};

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: 'bad input, naming the field; nothing was changed',
  401: 'no bearer token, or not the Cognito ID token',
  403: 'the role may not do this, or a rule bars this person',
  404: 'unknown, or in a park the token may not see (the same answer on purpose)',
  409: 'the step may not follow the ticket’s status, or somebody changed it meanwhile',
  413: 'the body is over 64 KB',
  422: 'the request breaks a rule of the procedure (its code names the rule)',
  429: 'over a limit of the park (ADR 011); `Retry-After` says when to send again',
  503: 'the table is throttled or unreachable; nothing was written; send it again after `Retry-After`',
};

/** Times are ISO-8601 with an offset; zod's 600-character pattern for it would be most of the file. */
const TIME_NOTE = 'an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00';

function compactTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactTimes);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Json;
  const out: Json = {};
  for (const [key, inner] of Object.entries(object)) {
    if (key === 'pattern' && object.format === 'date-time') continue;
    out[key] = compactTimes(inner);
  }
  if (object.format === 'date-time' && out.description === undefined) out.description = TIME_NOTE;
  return out;
}

/** A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 takes), without its `$schema` line. */
function jsonSchema(schema: $ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return compactTimes(rest) as Json;
}

/** Shared shapes, as components: the typed client gets one `Ticket` type, not one per route. */
const SHARED: Record<string, $ZodType> = { Ticket: ticketResponse };
const SHARED_JSON = Object.fromEntries(
  Object.entries(SHARED).map(([name, schema]) => [JSON.stringify(jsonSchema(schema, 'output')), name]),
);

/** Replaces each copy of a shared shape inside `value` by a `$ref` to its component. */
function withRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withRefs);
  if (value === null || typeof value !== 'object') return value;
  const shared = SHARED_JSON[JSON.stringify(value)];
  if (shared) return { $ref: `#/components/schemas/${shared}` };
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withRefs(inner)]));
}

/** The groups that may do `action`, from the one table that decides. */
export function rolesOf(action: string): readonly Group[] {
  return (PERMISSIONS as Record<string, readonly Group[]>)[action] ?? [];
}

function errorResponses(errors: RouteDoc['errors'], authorized: boolean): Json {
  const all: Partial<Record<ErrorStatus, string[]>> = { ...errors };
  if (authorized) {
    all[401] = ['AUTH.UNAUTHENTICATED', 'AUTH.ID_TOKEN_REQUIRED'];
    all[403] = [...new Set(['AUTH.FORBIDDEN', ...(errors[403] ?? [])])];
    all[503] = ['SERVICE.UNAVAILABLE'];
  }
  const out: Json = {};
  for (const status of Object.keys(all).map(Number).sort() as ErrorStatus[]) {
    const codes = all[status] ?? [];
    out[status] = {
      description: `${ERROR_TEXT[status]}${codes.length ? `. Codes: ${codes.join(', ')}` : ''}`,
      ...(status === 429 || status === 503
        ? { headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } } }
        : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      'x-error-codes': codes,
    };
  }
  return out;
}

function successResponses(doc: RouteDoc, schemas: Json, name: string): Json {
  const out: Json = {};
  for (const [status, answer] of Object.entries(doc.responses)) {
    if (!answer) continue;
    let content: Json;
    if (answer.schema) {
      const ref = `${name}Response${status}`;
      schemas[ref] = withRefs(jsonSchema(answer.schema, 'output'));
      content = { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } };
    } else {
      content = { [answer.contentType ?? 'text/html']: { schema: { type: 'string' } } };
    }
    if (answer.also) {
      const example = answer.also.example === undefined ? {} : { example: answer.also.example };
      content[answer.also.contentType] = { schema: { type: 'string' }, ...example };
    }
    out[status] = { description: answer.description, content };
  }
  return out;
}

function pathParameters(path: string): Json[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(query: $ZodType | undefined): Json[] {
  if (!query) return [];
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

/** `GET /tickets/{id}` → `getTicketsId`: a stable operationId the typed client names functions by. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/\.json$/, 'Json')
    .split(/[/{}.-]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

function rolesText(roles: readonly string[]): string {
  return roles.length ? `Roles: ${roles.join(', ')}.` : 'Roles: none.';
}

function operation(route: HttpRoute, doc: RouteDoc, schemas: Json): Json {
  const name = operationId(route.method, route.path);
  const roles = doc.action ? rolesOf(doc.action) : [];
  const access = route.authorized
    ? rolesText(roles)
    : route.authenticatedBy
      ? `No token: authenticated by ${route.authenticatedBy}.`
      : `No token: ${route.reason ?? 'it holds no data'}.`;
  let requestBody: Json | undefined;
  if (doc.body) {
    schemas[`${name}Body`] = jsonSchema(doc.body, 'input');
    requestBody = {
      required: true,
      content: {
        'application/json': {
          schema: { $ref: `#/components/schemas/${name}Body` },
          ...(doc.examples ? { examples: doc.examples } : {}),
        },
      },
    };
  }
  return {
    operationId: name,
    summary: doc.summary,
    description: [doc.description, access].filter(Boolean).join('\n\n'),
    security: route.authorized ? [{ bearer: [] }] : [],
    ...(route.authorized ? { 'x-roles': roles, 'x-action': doc.action } : {}),
    parameters: [...pathParameters(route.path), ...queryParameters(doc.query)],
    ...(requestBody ? { requestBody } : {}),
    responses: {
      ...successResponses(doc, schemas, name),
      ...errorResponses(doc.errors, route.authorized),
    },
  };
}

/** Each ticket command as its own path, with its roles per ticket kind (`<kind>.<command>` actions). */
function commandOperation(command: keyof typeof commandBodies, schemas: Json): Json {
  const name = `postTicketsIdCommand${command.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
  schemas[`${name}Body`] = jsonSchema(commandBodies[command], 'input');
  schemas.CommandResponse ??= withRefs(jsonSchema(commandResponse, 'output'));
  const rolesByKind: Record<string, readonly Group[]> = {};
  for (const kind of TICKET_KINDS) {
    const action = `${kind}.${command}`;
    if (Object.hasOwn(PERMISSIONS, action)) rolesByKind[kind] = rolesOf(action);
  }
  const byKind = Object.entries(rolesByKind)
    .map(([kind, roles]) => `${kind}: ${roles.join(', ')}`)
    .join('; ');
  return {
    operationId: name,
    summary: COMMAND_SUMMARIES[command],
    description:
      `One route in the route table (${COMMAND_ROUTE}); the ticket's kind decides what the step does. ` +
      `Roles by kind: ${byKind || 'none'}. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) ` +
      'and answer 403 with their own code.',
    security: [{ bearer: [] }],
    'x-roles': rolesByKind,
    parameters: pathParameters('/tickets/{id}'),
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: { $ref: `#/components/schemas/${name}Body` },
          examples: { example: { summary: command, value: COMMAND_EXAMPLES[command] } },
        },
      },
    },
    responses: {
      200: {
        description:
          'the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3)',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResponse' } } },
      },
      ...errorResponses({ ...COMMAND_ERRORS, 422: COMMAND_RULE_CODES[command] ?? [] }, true),
    },
  };
}

/** The whole document; the same on every run (no clock, no machine order). */
export function openApiDocument(): Json {
  const schemas: Json = {
    Error: jsonSchema(errorResponse, 'output'),
    ...Object.fromEntries(
      Object.entries(SHARED).map(([name, schema]) => [name, jsonSchema(schema, 'output')]),
    ),
  };
  const paths: Record<string, Json> = {};
  for (const route of HTTP_ROUTES) {
    const key = `${route.method} ${route.path}`;
    if (key === COMMAND_ROUTE) {
      for (const command of Object.keys(commandBodies) as (keyof typeof commandBodies)[]) {
        paths[`/tickets/{id}/${command}`] = { post: commandOperation(command, schemas) };
      }
      continue;
    }
    const doc = ROUTE_DOCS[key];
    if (!doc) throw new Error(`${key} has no entry in infra/openapi-routes.ts ROUTE_DOCS`);
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: operation(route, doc, schemas),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'estate-desk',
      version: PACKAGE.version,
      description:
        `${PACKAGE.description}. Times are answered in the park's zone (e.g. 2026-11-27T15:00:00+08:00). ` +
        'Errors are always `{ "error": { "code", "message", "field"? } }`. Generated by infra/openapi.ts; do not edit.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The Cognito ID token (locally: `npm run token -- <role>`)',
        },
      },
      schemas,
    },
  };
}

/** The file's bytes: two-space JSON and a final newline. */
export function openApiJson(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_FILE, openApiJson());
  console.log(`wrote ${OPENAPI_FILE}`);
}

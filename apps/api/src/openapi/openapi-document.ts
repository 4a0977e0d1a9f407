import { z } from 'zod';
import { planEnvelopeSchema } from '../routes/request-schemas';
import { routePolicies } from '../auth/route-policies';
import { routeEntries, XLSX, type OperationId, type RouteSpec } from '../routes/route-table';

type JsonSchema = Record<string, unknown>;

/** OpenAPI 3.1 speaks JSON Schema 2020-12; request parts are documented as the caller writes them (`io: input`). */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function responseSchemaOf(spec: RouteSpec, produces: string): JsonSchema {
  if (produces === 'application/octet-stream' || produces === XLSX) return { type: 'string', format: 'binary' };
  if (produces !== 'application/json') return { type: 'string' };
  return spec.responseSchema ? jsonSchemaOf(spec.responseSchema, 'output') : { type: 'object' };
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query' | 'header'): JsonSchema[] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' && { description: property.description }),
    schema: property,
  }));
}

const PLAN_TEXT = { type: 'string', description: 'the plan definition as written (YAML; JSON is YAML too)' };

function requestBodyOf(body: RouteSpec['body']): JsonSchema | undefined {
  if (!body) return undefined;
  if (body.kind === 'json') {
    return { required: !body.optional, content: { 'application/json': { schema: jsonSchemaOf(body.schema) } } };
  }
  if (body.kind === 'multipart') {
    const file = { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' };
    return {
      required: true,
      description: body.description,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', required: [body.part], properties: { [body.part]: { type: 'array', minItems: 1, items: file } } },
          encoding: { [body.part]: { contentType: 'application/pdf, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.ms-excel, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, image/png, image/jpeg, image/gif, image/webp' } },
        },
      },
    };
  }
  return {
    required: true,
    description: 'YAML or JSON text (its JSON Schema: libs/plan-definition/plan-definition.schema.json), or a JSON envelope with the files it refers to',
    content: {
      'text/yaml': { schema: PLAN_TEXT },
      'application/yaml': { schema: PLAN_TEXT },
      'application/json': { schema: { oneOf: [jsonSchemaOf(planEnvelopeSchema), { type: 'object', description: 'the plan definition itself, in JSON' }] } },
    },
  };
}

const errorDescriptions: Record<number, string> = {
  400: 'invalid request (`problems` with each path) or invalid plan (`problems` with file, line, column)',
  404: 'unknown plan, assignment or department',
  409: 'the state machine forbids this now (`status`, `allowed`), or a conflict that survived retries',
  413: 'body larger than 5 MB; an uploaded file larger than 50 MB (`file_too_large`, `file` names it)',
  415: 'an uploaded file that is not PDF, Word, Excel or an image (`unsupported_file_type`), or whose content is not what its name says (`file_content_mismatch`); `file` names it',
  401: 'no bearer token, or one expired, wrongly signed or revoked (see the WWW-Authenticate header)',
  403: "the token's roles or departments do not allow this route",
  429: 'too many requests for this token (or address): wait for Retry-After seconds',
  503: 'a dependency is down',
  500: 'internal error (`correlationId` to quote)',
};

const errorResponse = (status: number) => ({
  description: errorDescriptions[status] ?? 'error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operationOf(operationId: string, spec: RouteSpec): JsonSchema {
  const produces = spec.produces ?? 'application/json';
  const isPublic = routePolicies[operationId as OperationId]?.access === 'public';
  const accessErrors = isPublic ? [] : [401, 403, 429];
  const requestBody = requestBodyOf(spec.body);
  return {
    operationId,
    summary: spec.summary,
    tags: [spec.tag],
    parameters: [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query'), ...parametersOf(spec.headers, 'header')],
    ...(requestBody && { requestBody }),
    security: isPublic ? [] : [{ bearer: [] }, { session: [] }],
    responses: {
      [spec.status]: { description: spec.response, content: { [produces]: { schema: responseSchemaOf(spec, produces) } } },
      ...Object.fromEntries([...spec.errors, ...accessErrors, 500].map((status) => [status, errorResponse(status)])),
    },
  };
}

/** The OpenAPI 3.1 document of every route in the route table. */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [operationId, spec] of routeEntries()) {
    paths[spec.path] ??= {};
    paths[spec.path][spec.method] = operationOf(operationId, spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'planledger',
      version: '0.1.0',
      description: 'Multi-year action plans run as state machines over an event store. Every route but health, metrics and the documentation needs a bearer token (`npx planledger token create`, or POST /admin/people); who may call what is in apps/api/src/auth/route-policies.ts.',
    },
    tags: ['plans', 'assignments', 'departments', 'history', 'operations', 'admin', 'session', 'files', 'notifications'].map((name) => ({ name })),
    paths,
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'planledger_session', description: 'Server-side session set by POST /session or POST /invitations/{token}; state-changing requests made with it must carry this service\'s Origin (403 `csrf_origin_mismatch`)' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "ES256 JWT signed by the service's key (or an external OIDC issuer's): sub, name, roles, departments, exp, jti" },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'string', description: 'invalid_request, invalid_plan, not_found, invalid_transition, conflict, already_exists, payload_too_large, unauthenticated, forbidden, rate_limited, unavailable, internal' },
            message: { type: 'string' },
            problems: { type: 'array', items: { type: 'object' } },
            status: { type: 'string', description: 'invalid_transition: the current state' },
            allowed: { type: 'array', items: { type: 'string' }, description: 'invalid_transition: the actions allowed now' },
            correlationId: { type: 'string' },
          },
        },
      },
    },
  };
}

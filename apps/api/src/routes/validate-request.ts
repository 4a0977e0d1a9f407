import type { z } from 'zod';
import { InvalidRequestError, type RequestProblem } from '../http/api-errors';
import { isJsonMediaType, mediaTypeOf, type ApiRequest } from '../http/api-request';
import { planEnvelopeSchema } from './request-schemas';
import type { RouteSpec } from './route-table';

/** A plan definition as a route received it, ready for `preparePlan`. */
export interface PlanDefinitionBody {
  text: string;
  fileName: string;
  files?: Record<string, string>;
  /** From the JSON envelope (amendments). */
  reason?: string;
}

export interface ValidatedRequest {
  params: unknown;
  query: unknown;
  headers: unknown;
  body: unknown;
}

/** `["attachments", 0, "ref"]` under `body` → `body.attachments[0].ref`. */
const pathOf = (location: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), location);

function check(location: string, schema: z.ZodType | undefined, value: unknown, problems: RequestProblem[]): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.push({ path: pathOf(location, issue.path), message: issue.message });
  return undefined;
}

const YAML_OR_TEXT = /^(text\/[\w.+-]+|application\/(x-)?yaml)$/;

/** Raw YAML/JSON text, or the JSON envelope `{definition, fileName?, files?, reason?}`. */
function readPlanDefinition(req: ApiRequest, fileNameOverride: string | undefined, problems: RequestProblem[]): PlanDefinitionBody | undefined {
  const type = mediaTypeOf(req);
  const text = req.rawText ?? '';
  if (isJsonMediaType(type)) {
    const body = req.body as unknown;
    const isEnvelope = req.jsonError === undefined && typeof body === 'object' && body !== null && !Array.isArray(body) && 'definition' in body;
    if (isEnvelope) {
      const envelope = check('body', planEnvelopeSchema, body, problems) as z.output<typeof planEnvelopeSchema> | undefined;
      return envelope && { text: envelope.definition, fileName: fileNameOverride ?? envelope.fileName ?? 'plan.yaml', files: envelope.files, reason: envelope.reason };
    }
    // The definition itself in JSON. Broken JSON still goes to the plan parser: it reports line and column.
    if (text.trim().length > 0) return { text, fileName: fileNameOverride ?? 'plan.json' };
  } else if (YAML_OR_TEXT.test(type) && text.trim().length > 0) {
    return { text, fileName: fileNameOverride ?? 'plan.yaml' };
  }
  problems.push({
    path: type && !isJsonMediaType(type) && !YAML_OR_TEXT.test(type) ? 'headers.content-type' : 'body',
    message: type && !isJsonMediaType(type) && !YAML_OR_TEXT.test(type)
      ? `"${type}" is not accepted: send text/yaml, application/yaml or application/json`
      : 'send the plan definition (YAML or JSON) as the body, or {"definition": "…"} as application/json',
  });
  return undefined;
}

function readJsonBody(req: ApiRequest, spec: Extract<RouteSpec['body'], { kind: 'json' }>, problems: RequestProblem[]): unknown {
  const type = mediaTypeOf(req);
  const empty = (req.rawText ?? '').trim().length === 0;
  if (empty) return check('body', spec.schema, spec.optional ? {} : undefined, problems);
  if (!isJsonMediaType(type)) {
    problems.push({ path: 'headers.content-type', message: `send the body as application/json, not "${type || 'no content type'}"` });
    return undefined;
  }
  if (req.jsonError !== undefined) {
    problems.push({ path: 'body', message: `not valid JSON: ${req.jsonError}` });
    return undefined;
  }
  return check('body', spec.schema, req.body, problems);
}

/**
 * Only the parts that name what a request touches (path and query): the authorization guard
 * checks them before it looks anything up with them (an id with a NUL byte never reaches SQL).
 */
export function validateAddress(spec: RouteSpec, req: ApiRequest): void {
  const problems: RequestProblem[] = [];
  check('params', spec.params, { ...req.params }, problems);
  check('query', spec.query, { ...(req.query as object) }, problems);
  if (problems.length > 0) throw new InvalidRequestError(problems);
}

/** Checks every part of a request against its route's schemas; throws 400 listing all problems at once. */
export function validateRequest(spec: RouteSpec, req: ApiRequest): ValidatedRequest {
  const problems: RequestProblem[] = [];
  const params = check('params', spec.params, { ...req.params }, problems);
  const query = check('query', spec.query, { ...(req.query as object) }, problems);
  const headers = check('headers', spec.headers, req.headers, problems);
  let body: unknown;
  if (spec.body?.kind === 'plan-definition') {
    const fileName = (query as { fileName?: string } | undefined)?.fileName;
    body = readPlanDefinition(req, fileName, problems);
  } else if (spec.body?.kind === 'json') {
    body = readJsonBody(req, spec.body, problems);
  } else if (spec.body?.kind === 'multipart' && mediaTypeOf(req) !== 'multipart/form-data') {
    // The parts themselves are streamed by the route's handler (files/receive-files.ts).
    problems.push({ path: 'headers.content-type', message: `send the files as multipart/form-data in parts named "${spec.body.part}", not "${mediaTypeOf(req) || 'no content type'}"` });
  }
  if (problems.length > 0) throw new InvalidRequestError(problems);
  return { params, query, headers, body };
}

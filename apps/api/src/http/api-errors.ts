import { HttpException } from '@nestjs/common';
import type { PlanError } from '@planledger/plan-definition';

/** One problem with a request part: `body.reason`, `query.rebase`, `headers.idempotency-key`, `params.id`. */
export interface RequestProblem {
  path: string;
  message: string;
}

/**
 * Errors the api raises on purpose. Each carries its JSON body; the exception filter sends it
 * as is. Anything else becomes a 500 without details.
 */
export class ApiError extends HttpException {
  constructor(status: number, readonly body: { error: string } & Record<string, unknown>) {
    super(body, status);
  }
}

export class InvalidRequestError extends ApiError {
  constructor(readonly problems: RequestProblem[]) {
    super(400, { error: 'invalid_request', problems });
  }
}

/**
 * The definition did not parse or compile: the problems, located, as `planledger validate` prints
 * them; past the first 100, `unlisted` counts the rest.
 */
export class InvalidPlanError extends ApiError {
  constructor(errors: PlanError[], unlisted = 0) {
    super(400, {
      error: 'invalid_plan',
      unlisted,
      problems: errors.map((e) => ({
        file: e.file, line: e.line, column: e.column, path: e.path, code: e.code, message: e.message,
        text: `${e.file}:${e.line}:${e.column}  ${e.path || '(plan)'}  ${e.message}`,
      })),
    });
  }
}

export class NotFoundError extends ApiError {
  constructor(what: 'plan' | 'assignment' | 'phase' | 'route', id: string) {
    super(404, { error: 'not_found', message: `${what} ${id} not found` });
  }
}

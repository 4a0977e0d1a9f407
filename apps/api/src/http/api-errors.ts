import { HttpException } from '@nestjs/common';
import type { DomainError } from '@planledger/domain';
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

/** Domain command names → the route action a person would use instead (for `allowed`). */
const actionOfCommand: Record<string, string> = {
  AcknowledgeAssignment: 'acknowledge', StartAssignment: 'start', ReportProgress: 'progress', SubmitAssignment: 'submit',
  ReturnAssignment: 'return', AcceptAssignment: 'accept', ReassignAssignment: 'reassign', WaiveAssignment: 'waive',
  ReviseDraft: 'import', PublishPlan: 'publish', AmendPlan: 'amend', ClosePlan: 'close',
};

/**
 * A decider said no. `fieldPath` turns a command field (`reason`, `schedule.planId`) into the
 * request path the caller sent it in.
 */
export function domainRejection(error: DomainError, fieldPath: (field: string) => string = (field) => `body.${field}`): ApiError {
  switch (error.code) {
    case 'invalid_transition':
      return new ApiError(409, {
        error: 'invalid_transition', message: error.message, status: error.status, command: error.command,
        // Engine-only commands (cancel, move deadline) are no one's HTTP action: not offered.
        allowed: error.allowed.map((command) => actionOfCommand[command]).filter((a): a is string => a !== undefined),
      });
    case 'not_found':
      return new ApiError(404, { error: 'not_found', message: error.message });
    case 'already_exists':
      return new ApiError(409, { error: 'already_exists', message: error.message });
    case 'invalid_command':
      return new InvalidRequestError([{ path: error.field ? fieldPath(error.field) : 'body', message: error.message }]);
  }
}

import type { CommandRejection, CommandResult } from '../commands/command-result';
import { ApiError, InvalidPlanError, InvalidRequestError } from './api-errors';

/** Domain command names → the route action a person would use instead (for `allowed`). */
const actionOfCommand: Record<string, string> = {
  AcknowledgeAssignment: 'acknowledge', StartAssignment: 'start', ReportProgress: 'progress', SubmitAssignment: 'submit',
  ReturnAssignment: 'return', AcceptAssignment: 'accept', ReassignAssignment: 'reassign', WaiveAssignment: 'waive',
  ReviseDraft: 'import', PublishPlan: 'publish', AmendPlan: 'amend', ClosePlan: 'close',
};

/** Where a command field came from in the request: `body.<field>` unless the route says otherwise. */
export type FieldPath = (field: string) => string;

const inBody: FieldPath = (field) => `body.${field}`;

/** A rejection → the api error it answers with: its status and JSON body. */
export function apiErrorOf(rejection: CommandRejection, fieldPath: FieldPath = inBody): ApiError {
  switch (rejection.kind) {
    case 'refused':
      return new ApiError(409, {
        error: 'invalid_transition', message: rejection.message, status: rejection.status, command: rejection.command,
        // Engine-only commands (cancel, move deadline) are no one's HTTP action: not offered.
        allowed: rejection.allowed.map((command) => actionOfCommand[command]).filter((a): a is string => a !== undefined),
      });
    case 'not_found':
      return new ApiError(404, { error: 'not_found', message: rejection.message });
    case 'conflict':
      return new ApiError(409, { error: rejection.code, ...rejection.details, message: rejection.message });
    case 'invalid':
      return new InvalidRequestError(rejection.problems.map(({ field, message }) => ({ path: field ? fieldPath(field) : 'body', message })));
    case 'invalid_plan':
      return new InvalidPlanError(rejection.errors, rejection.unlisted);
    case 'too_large':
      return new ApiError(413, { error: 'payload_too_large', message: rejection.message });
    case 'unavailable':
      return new ApiError(503, { error: 'unavailable', message: rejection.message });
  }
}

/** A command handler's result as the response: the accepted value, or the rejection's api error thrown for the exception filter. */
export async function answerOf<T>(result: Promise<CommandResult<T>>, fieldPath?: FieldPath): Promise<T> {
  const settled = await result;
  if (settled.ok) return settled.value;
  throw apiErrorOf(settled.rejection, fieldPath);
}

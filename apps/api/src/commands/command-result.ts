import type { DomainError } from '@planledger/domain';
import type { PlanError } from '@planledger/plan-definition';

/**
 * One problem with a command's input, named by the command field it is about (`toDepartmentId`,
 * `attachments[0].sha256`, `rebase`); no field: the command as a whole. Where the caller sent that
 * field (body, query) is the controller's knowledge, not the handler's.
 */
export interface FieldProblem {
  field?: string;
  message: string;
}

/** Why a command was not carried out: every outcome a caller can expect, as a value. */
export type CommandRejection =
  /** The state machine forbids the command now; `allowed` lists the domain commands it would accept. */
  | { kind: 'refused'; message: string; status: string; command?: string; allowed: string[] }
  | { kind: 'not_found'; message: string }
  /** The command collides with what is recorded (`already_exists`, `idempotency_key_reused`, a confirmation still owed). */
  | { kind: 'conflict'; code: string; message: string; details?: Record<string, unknown> }
  | { kind: 'invalid'; problems: FieldProblem[] }
  /** The uploaded plan definition did not parse or compile; past the first 100 problems, `unlisted` counts the rest. */
  | { kind: 'invalid_plan'; errors: PlanError[]; unlisted: number }
  /** The input is more than the service will process (a plan too slow or too large to compile). */
  | { kind: 'too_large'; message: string }
  /** Too much work in flight right now: the same command may succeed a moment later. */
  | { kind: 'unavailable'; message: string };

export type Rejected = { ok: false; rejection: CommandRejection };

/** What a command handler answers: the accepted outcome, or why not. */
export type CommandResult<T> = { ok: true; value: T } | Rejected;

/** Query handlers answer the same way: the view, or why there is none (`not_found`, an `invalid` parameter). */
export type QueryResult<T> = CommandResult<T>;

export const accepted = <T>(value: T): CommandResult<T> => ({ ok: true, value });
export const rejected = (rejection: CommandRejection): Rejected => ({ ok: false, rejection });
export const notFound = (what: 'plan' | 'assignment', id: string): Rejected => rejected({ kind: 'not_found', message: `${what} ${id} not found` });

/** A decider's refusal, in the handlers' terms. */
export function fromDomainError(error: DomainError): CommandRejection {
  switch (error.code) {
    case 'invalid_transition':
      return { kind: 'refused', message: error.message, status: error.status, command: error.command, allowed: error.allowed };
    case 'not_found':
      return { kind: 'not_found', message: error.message };
    case 'already_exists':
      return { kind: 'conflict', code: 'already_exists', message: error.message };
    case 'invalid_command':
      return { kind: 'invalid', problems: [{ field: error.field, message: error.message }] };
  }
}

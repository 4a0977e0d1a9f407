import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@planledger/domain';
import type { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import type { CommandContext } from '../commands/command-context';
import type { commandHeadersSchema } from '../routes/request-schemas';

type CommandHeaders = z.output<typeof commandHeadersSchema>;

/**
 * `@Acting() actor: Actor`: who the record names for this request: the bearer token's person, in
 * the role and department the authorization guard allowed the call for. Never taken from
 * request headers the caller could set.
 */
export const Acting = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  // Only public routes pass the guard without one, and public routes do not act.
  if (!auth) throw new Error('@Acting() on a route the authorization guard did not authenticate');
  return auth.actor;
});

/**
 * What a command handler gets from the request: who acts, the caller's Idempotency-Key (a retried
 * request then appends nothing new) and the correlation id; never the request itself.
 */
export function commandContextOf(request: { headers: CommandHeaders; correlationId: string }, actor: Actor): CommandContext {
  const idempotencyKey = request.headers['idempotency-key'];
  return idempotencyKey === undefined ? { actor, correlationId: request.correlationId } : { actor, idempotencyKey, correlationId: request.correlationId };
}

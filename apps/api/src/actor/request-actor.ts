import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@planledger/domain';
import type { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import type { commandHeadersSchema } from '../routes/request-schemas';

export type CommandHeaders = z.output<typeof commandHeadersSchema>;

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

/** An idempotency key from the caller makes a retried request append nothing new. */
export const idempotencyKeyOf = (headers: CommandHeaders, scope: string): string | undefined =>
  headers['idempotency-key'] === undefined ? undefined : `${scope}#${headers['idempotency-key']}`;

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@planledger/auth';
import type { AuthenticatedRequest } from '../auth/authenticated-request';

/**
 * `@Caller() principal: Principal`: the person the authorization guard authenticated (bearer token
 * or session cookie alike), for answers that depend on who asks (their inbox, their buttons).
 */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new Error('@Caller() on a route the authorization guard did not authenticate');
  return auth.principal;
});

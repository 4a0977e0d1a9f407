import type { OpenSession, Principal } from '@planledger/auth';
import type { Actor } from '@planledger/domain';
import type { ApiRequest } from '../http/api-request';

/** What the authorization guard leaves on a request it let through (public routes: nothing). */
export interface RequestAuth {
  principal: Principal;
  /** Who the record names: the person, in the role and department the guard allowed the call for. */
  actor: Actor;
  /** Set when the request was authenticated by the session cookie (not a bearer token). */
  session?: OpenSession;
}

export interface AuthenticatedRequest extends ApiRequest {
  auth?: RequestAuth;
}

/** `Authorization: Bearer <token>` → the token; anything else → undefined. */
export function bearerTokenOf(req: { headers: Record<string, string | string[] | undefined> }): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header);
  return match?.[1];
}

import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InvalidTokenError, type Accounts, type PeopleDirectory, type Principal, type Role, type TokenVerifier } from '@planledger/auth';
import { SERVICE_CONFIG } from '@planledger/runtime';
import type { Response } from 'express';
import { ApiError } from '../http/api-errors';
import { ROUTE_OPERATION } from '../routes/route.decorators';
import { routeTable, type OperationId } from '../routes/route-table';
import { validateAddress } from '../routes/validate-request';
import { ACCOUNTS, PEOPLE_DIRECTORY, TOKEN_VERIFIER } from './auth-tokens';
import { bearerTokenOf, type AuthenticatedRequest, type RequestAuth } from './authenticated-request';
import { DepartmentReach } from './department-reach';
import { FailedAuthentications } from './failed-authentications';
import { routePolicies, type RoutePolicy } from './route-policies';
import { clearSessionCookie, isHttps, isSameOrigin, isStateChanging, sessionCookieOf } from './session-cookie';
import { principalOfSession } from './session-principal';

const REALM = 'planledger';

/** 401 with the RFC 6750 challenge; `detail` names the reason, never the token. */
function unauthenticated(res: Response, detail?: { error: 'invalid_token'; description: string }): ApiError {
  res.setHeader('WWW-Authenticate', detail ? `Bearer realm="${REALM}", error="${detail.error}", error_description="${detail.description}"` : `Bearer realm="${REALM}"`);
  return new ApiError(401, { error: 'unauthenticated', message: detail ? detail.description : 'sign in (POST /session) or send a bearer token: Authorization: Bearer <token>' });
}

const forbidden = (message: string) => new ApiError(403, { error: 'forbidden', message });

/**
 * Every authorization decision of the api, from one table (route-policies.ts): who the caller
 * is (bearer token, not revoked), whether one of their roles may call the route, and for
 * department people whether the department the request touches is within their reach. The
 * actor the record will name is decided here too.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(PEOPLE_DIRECTORY) private readonly directory: PeopleDirectory,
    private readonly reach: DepartmentReach,
    private readonly failures: FailedAuthentications,
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(SERVICE_CONFIG) private readonly config: { PUBLIC_URL?: string },
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const operation = this.reflector.get<OperationId | undefined>(ROUTE_OPERATION, context.getHandler());
    const policy: RoutePolicy | undefined = operation && routePolicies[operation];
    // Fail closed: a handler outside the route table, or without a policy, is nobody's.
    if (!policy) throw forbidden('this route has no access policy');
    if (policy.access === 'public') return true;

    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const res = http.getResponse<Response>();
    const token = bearerTokenOf(req);
    const cookie = token === undefined ? sessionCookieOf(req) : undefined;
    if (cookie !== undefined) {
      const { principal, session } = await this.authenticateSession(req, res, cookie);
      req.auth = policy.access === 'person' ? { principal, actor: { userId: principal.subject, role: principal.roles[0]! }, session } : { ...(await this.authorize(policy, principal, req, operation!)), session };
      return true;
    }
    const principal = await this.authenticate(req, res, token);
    req.auth = policy.access === 'person' ? { principal, actor: { userId: principal.subject, role: principal.roles[0]! } } : await this.authorize(policy, principal, req, operation!);
    return true;
  }

  /**
   * A session cookie: looked up in the database on every request (a sign-out or revocation in any
   * process ends it at once). A state-changing request must come from the service's own origin.
   */
  private async authenticateSession(req: AuthenticatedRequest, res: Response, cookie: string) {
    // Guessing session cookies costs a query each: an address that keeps presenting dead ones is cut off like one with bad tokens.
    const address = String(req.ip ?? 'unknown');
    const retryAfter = this.failures.retryAfterSeconds(address);
    if (retryAfter !== undefined) {
      res.setHeader('Retry-After', String(retryAfter));
      throw new ApiError(429, { error: 'rate_limited', message: `too many failed authentications from this address; try again in ${retryAfter} s` });
    }
    const found = await this.accounts.session(cookie);
    const secure = isHttps(req, this.config.PUBLIC_URL);
    if (!found) {
      this.failures.recordFailure(address);
      clearSessionCookie(res, secure);
      throw new ApiError(401, { error: 'unauthenticated', message: 'the session has ended or expired: sign in again' });
    }
    if (isStateChanging(req.method) && !isSameOrigin(req, this.config.PUBLIC_URL)) {
      throw new ApiError(403, { error: 'csrf_origin_mismatch', message: 'a request made with the session cookie that changes something must come from this service\'s own pages (Origin header)' });
    }
    return { principal: principalOfSession(found.person, found.session), session: found.session };
  }

  private async authenticate(req: AuthenticatedRequest, res: Response, token: string | undefined): Promise<Principal> {
    if (token === undefined) throw unauthenticated(res);
    const address = String(req.ip ?? 'unknown');
    const retryAfter = this.failures.retryAfterSeconds(address);
    if (retryAfter !== undefined) {
      res.setHeader('Retry-After', String(retryAfter));
      throw new ApiError(429, { error: 'rate_limited', message: `too many failed authentications from this address; try again in ${retryAfter} s` });
    }
    try {
      const principal = await this.verifier.verify(token);
      if (await this.directory.isRevoked(principal.subject)) throw new InvalidTokenError('revoked', 'this person\'s access has been revoked');
      return principal;
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        if (error.reason === 'unavailable') throw new ApiError(503, { error: 'unavailable', message: error.message });
        this.failures.recordFailure(address);
        throw unauthenticated(res, { error: 'invalid_token', description: error.message });
      }
      throw error;
    }
  }

  private async authorize(policy: Exclude<RoutePolicy, { access: 'public' | 'person' }>, principal: Principal, req: AuthenticatedRequest, operation: string): Promise<RequestAuth> {
    const actor = (role: Role, departmentId: string | undefined) => ({ userId: principal.subject, role, ...(departmentId !== undefined && { departmentId }) });
    // Belt and braces: whatever the table says, an auditor's call never writes.
    const roles = policy.kind === 'write' ? principal.roles.filter((role) => role !== 'auditor') : principal.roles;

    const unscoped = policy.anyDepartment.find((role) => roles.includes(role));
    if (unscoped) return { principal, actor: actor(unscoped, principal.departments[0]) };

    const own = policy.ownDepartment;
    const scopedRole = own?.roles.find((role) => roles.includes(role));
    if (!own || !scopedRole) throw forbidden(`${operation} is not open to ${principal.roles.join(', ')}`);
    validateAddress(routeTable[operation as OperationId], req);
    const target = await this.reach.targetOf(own.scope, (req.params ?? {}) as Record<string, string>, (req.query ?? {}) as Record<string, unknown>);
    const covering = await this.reach.coveringDepartment(principal.departments, target);
    // A person the roster names for the work's role (班主任 of the class) acts for its unit on it (ADR 0022).
    if (covering === undefined && ['assignment-holder', 'assignment-party'].includes(own.scope) && (await this.reach.holdsRole(principal.subject, target))) {
      return { principal, actor: actor(scopedRole, target.departmentId) };
    }
    if (covering === undefined) {
      throw forbidden(target.departmentId === undefined ? `${operation}: no department holds this now` : `${operation}: department ${target.departmentId} is outside your departments`);
    }
    return { principal, actor: actor(scopedRole, covering) };
  }
}

import { Controller, Inject, Req, Res } from '@nestjs/common';
import { SESSION_LIMITS, WeakPasswordError, type Accounts, type OpenSession, type Person } from '@planledger/auth';
import type { Clock } from '@planledger/engine';
import { CLOCK, SERVICE_CONFIG } from '@planledger/runtime';
import type { Request, Response } from 'express';
import { ApiError } from '../http/api-errors';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { ACCOUNTS } from './auth-tokens';
import type { AuthenticatedRequest } from './authenticated-request';
import { clientAddressOf } from './client-address';
import { clearSessionCookie, isHttps, isSameOrigin, requestOrigin, setSessionCookie } from './session-cookie';

type Config = { PUBLIC_URL?: string };

export const sessionAnswerOf = (person: Pick<Person, 'personId' | 'name' | 'roles' | 'departments'>, expiresAt: Date) => ({
  person: { id: person.personId, name: person.name, roles: person.roles, departments: person.departments },
  expiresAt: expiresAt.toISOString(),
});

export const weakPassword = (error: WeakPasswordError) => new ApiError(400, { error: 'weak_password', problem: error.problem, message: error.message });

/**
 * Sign-in without a session: a browser that sends an Origin (every browser does on a POST) must
 * send ours, so that another site cannot sign a visitor into an account of its choosing.
 */
export function refuseForeignOrigin(req: Request, config: Config): void {
  if (requestOrigin(req) !== undefined && !isSameOrigin(req, config.PUBLIC_URL)) {
    throw new ApiError(403, { error: 'csrf_origin_mismatch', message: 'sign-in is accepted only from this service\'s own pages (Origin header)' });
  }
}

export function startSession(res: Response, req: Request, config: Config, opened: { token: string; session: OpenSession }): void {
  setSessionCookie(res, opened.token, isHttps(req, config.PUBLIC_URL), SESSION_LIMITS.absoluteMs / 1000);
}

/** POST/GET/DELETE /session and POST /session/password: people in a browser (programs keep bearer tokens). */
@Controller()
export class SessionController {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(SERVICE_CONFIG) private readonly config: Config,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Route('signIn')
  async signIn(@Valid('signIn') { body }: RequestOf<'signIn'>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    refuseForeignOrigin(req, this.config);
    const result = await this.accounts.signIn(body.login, body.password, clientAddressOf(req));
    if (!result.ok && result.error === 'account_locked') {
      const now = await this.clock.now();
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((result.lockedUntil.getTime() - now.getTime()) / 1000))));
      throw new ApiError(423, { error: 'account_locked', lockedUntil: result.lockedUntil.toISOString(), message: `too many failed sign-ins: locked until ${result.lockedUntil.toISOString()}` });
    }
    if (!result.ok) throw new ApiError(401, { error: 'sign_in_failed', message: 'wrong login or password' });
    startSession(res, req, this.config, result);
    return sessionAnswerOf(result.person, result.session.expiresAt);
  }

  @Route('currentSession')
  current(@Req() req: AuthenticatedRequest) {
    const { principal } = req.auth!;
    return sessionAnswerOf({ personId: principal.subject, name: principal.name, roles: principal.roles, departments: principal.departments }, principal.expiresAt);
  }

  @Route('signOut')
  async signOut(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    const session = req.auth?.session;
    if (session) await this.accounts.signOut(session, clientAddressOf(req));
    clearSessionCookie(res, isHttps(req, this.config.PUBLIC_URL));
  }

  @Route('changePassword')
  async changePassword(@Valid('changePassword') { body }: RequestOf<'changePassword'>, @Req() req: AuthenticatedRequest): Promise<void> {
    const { principal, session, actor } = req.auth!;
    const outcome = await this.accounts
      .changePassword(principal.subject, body.currentPassword, body.newPassword, clientAddressOf(req), actor, session?.idSha256)
      .catch((error: unknown) => {
        throw error instanceof WeakPasswordError ? weakPassword(error) : error;
      });
    if (outcome === 'wrong_password') throw new ApiError(403, { error: 'wrong_password', message: 'the current password is not right' });
  }
}

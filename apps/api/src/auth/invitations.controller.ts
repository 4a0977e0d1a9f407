import { Controller, Inject, Req, Res } from '@nestjs/common';
import { WeakPasswordError, type Accounts, type InvitationView } from '@planledger/auth';
import { SERVICE_CONFIG } from '@planledger/runtime';
import type { Request, Response } from 'express';
import { ApiError } from '../http/api-errors';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { ACCOUNTS } from './auth-tokens';
import { clientAddressOf } from './client-address';
import { refuseForeignOrigin, sessionAnswerOf, startSession, weakPassword } from './session.controller';

/** 404 for a token nobody issued; 410 for one that worked once (used, expired, or its person revoked). */
function unusable(view: Extract<InvitationView, { ok: false }>): ApiError {
  if (view.error === 'not_found') return new ApiError(404, { error: 'not_found', message: 'no such invitation' });
  const message = { used: 'this invitation has been used: sign in with your password', expired: 'this invitation has expired: ask an administrator for a new one', revoked: 'this person\'s access has been revoked' }[view.error];
  return new ApiError(410, { error: `invitation_${view.error}`, message });
}

/** The one-time links with which a person sets a first password. */
@Controller()
export class InvitationsController {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(SERVICE_CONFIG) private readonly config: { PUBLIC_URL?: string },
  ) {}

  @Route('viewInvitation')
  async view(@Valid('viewInvitation') { params }: RequestOf<'viewInvitation'>) {
    const view = await this.accounts.viewInvitation(params.token);
    if (!view.ok) throw unusable(view);
    return { name: view.name, login: view.login, expiresAt: view.expiresAt };
  }

  @Route('acceptInvitation')
  async accept(@Valid('acceptInvitation') { params, body }: RequestOf<'acceptInvitation'>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    refuseForeignOrigin(req, this.config);
    const result = await this.accounts.acceptInvitation(params.token, body.password, clientAddressOf(req)).catch((error: unknown) => {
      throw error instanceof WeakPasswordError ? weakPassword(error) : error;
    });
    if ('ok' in result) throw unusable(result);
    startSession(res, req, this.config, result);
    return sessionAnswerOf(result.person, result.session.expiresAt);
  }
}

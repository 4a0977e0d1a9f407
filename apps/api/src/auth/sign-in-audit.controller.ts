import { Controller, Inject } from '@nestjs/common';
import type { AccessLog } from '@planledger/auth';
import type { Clock } from '@planledger/engine';
import { CLOCK } from '@planledger/runtime';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { ACCESS_LOG } from './auth-tokens';
import { signInRange } from './sign-in-range';

/** GET /audit/sign-ins: what an auditor asks about access — who signed in (or failed to), when, from where. */
@Controller()
export class SignInAuditController {
  constructor(
    @Inject(ACCESS_LOG) private readonly log: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Route('signInAudit')
  async list(@Valid('signInAudit') { query }: RequestOf<'signInAudit'>) {
    const { from, to } = signInRange(query, await this.clock.now());
    const entries = await this.log.list({ from, to, personId: query.person });
    return { from: from.toISOString(), to: to.toISOString(), entries };
  }
}

import { Controller, Inject, Optional, Req } from '@nestjs/common';
import type { Clock } from '@planledger/engine';
import { CLOCK, SERVICE_CONFIG, type ServiceConfig } from '@planledger/runtime';
import type { z } from 'zod';
import { VIRTUAL_CLOCK_ADVANCER, type VirtualClockAdvancer } from '../api-tokens';
import { ApiError, NotFoundError } from '../http/api-errors';
import type { ApiRequest } from '../http/api-request';
import type { setClockBody } from '../routes/request-schemas';
import { Route } from '../routes/route.decorators';
import { routeTable } from '../routes/route-table';
import { validateRequest } from '../routes/validate-request';
import { clockTarget } from './clock-target';

/** Business time: readable always; settable only under --virtual-clock (never in production). */
@Controller()
export class ClockController {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: Pick<ServiceConfig, 'VIRTUAL_CLOCK'>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(VIRTUAL_CLOCK_ADVANCER) private readonly advancer?: VirtualClockAdvancer,
  ) {}

  @Route('getClock')
  async now() {
    return { now: (await this.clock.now()).toISOString(), virtual: this.config.VIRTUAL_CLOCK };
  }

  @Route('setClock')
  async advance(@Req() req: ApiRequest) {
    // Checked before the body: without a virtual clock the route does not exist for the caller.
    if (!this.config.VIRTUAL_CLOCK) throw new NotFoundError('route', 'POST /admin/clock (start the service with --virtual-clock)');
    const { body } = validateRequest(routeTable.setClock, req);
    // The target first: a request that can never succeed says so, whatever runs in this process.
    const target = clockTarget(body as z.output<typeof setClockBody>, await this.clock.now());
    if (!this.advancer) throw new ApiError(503, { error: 'unavailable', message: 'no timer worker runs in this process to advance the clock' });
    const { steps, fired } = await this.advancer.advanceTo(target);
    return { now: (await this.clock.now()).toISOString(), steps, fired };
  }
}

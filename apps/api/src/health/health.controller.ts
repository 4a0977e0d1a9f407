import { Controller, Inject } from '@nestjs/common';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE, REDIS_OPTIONS } from '@planledger/runtime';
import { checkProjections } from './projections-check';
import { ApiError } from '../http/api-errors';
import { Route } from '../routes/route.decorators';
import { pingRedis } from './ping-redis';

type Check = { status: 'up' } | { status: 'down'; error: string };

const STORE_TIMEOUT_MS = 2000;

async function checkStore(storage: EventStorage): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      storage.database.query('select 1 as ok'),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${STORE_TIMEOUT_MS} ms`)), STORE_TIMEOUT_MS))),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * 200 when the store's database and Redis both answer; 503 naming the one that does not. Parked
 * events (a projection could not apply them) make it 200 "degraded" with the reason: the service
 * still answers and takes commands, so a load balancer must keep it; an operator must decide.
 */
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(REDIS_OPTIONS) private readonly redis: { url: string },
  ) {}

  @Route('health')
  async health() {
    const [store, ping, projections] = await Promise.all([checkStore(this.storage), pingRedis(this.redis.url), checkProjections(this.storage.database)]);
    const redis: Check = ping.ok ? { status: 'up' } : { status: 'down', error: ping.error };
    const up = store.status === 'up' && redis.status === 'up';
    const degraded = projections.status === 'degraded' ? projections.reason : undefined;
    const status = !up ? 'down' : degraded ? 'degraded' : 'up';
    const body = { status, ...(degraded && { reason: degraded }), store: { ...store, kind: this.storage.kind }, redis, projections };
    // Through the exception filter: Nest's @HttpCode would overwrite a status set on the response.
    if (!up) throw new ApiError(503, { error: 'unavailable', ...body });
    return body;
  }
}

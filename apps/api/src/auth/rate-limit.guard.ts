import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ROUTE_OPERATION } from '../routes/route.decorators';
import { bearerTokenOf } from './authenticated-request';

/** Probes from orchestrators and Prometheus poll on their own schedule: never throttled. */
const UNTHROTTLED = new Set(['health', 'metrics']);

/**
 * Requests per minute per token, or per address without one. Runs before authentication, so a
 * flood of bad tokens is cut off before any signature is checked. The counter is keyed by a
 * hash: the token itself is kept nowhere. Counters live in this process (a cluster of N api
 * processes allows up to N times the limit).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const token = bearerTokenOf(req as { headers: Record<string, string | undefined> });
    if (token !== undefined) return `token:${createHash('sha256').update(token).digest('base64url')}`;
    return `ip:${String(req.ip ?? 'unknown')}`;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return UNTHROTTLED.has(this.reflector.get<string | undefined>(ROUTE_OPERATION, context.getHandler()) ?? '');
  }
}

import { reviewChainOf, type Actor, type AssignmentState } from '@planledger/domain';
import type { z } from 'zod';
import type { actorHeadersSchema } from '../routes/request-schemas';

/**
 * Who is acting. Until authentication exists (issue #5, which replaces this file), the caller
 * says so in X-Actor-Id / X-Actor-Role / X-Actor-Department; without them the api records the
 * person the action belongs to, so the record never shows an anonymous actor.
 */
export type ActorHeaders = z.output<typeof actorHeadersSchema>;

const fromHeaders = (headers: ActorHeaders, fallback: Actor): Actor => ({
  userId: headers['x-actor-id'] ?? fallback.userId,
  role: headers['x-actor-role'] ?? fallback.role,
  ...((headers['x-actor-department'] ?? fallback.departmentId) !== undefined && { departmentId: headers['x-actor-department'] ?? fallback.departmentId }),
});

/** Plan routes: the bureau's planner. */
export const planActor = (headers: ActorHeaders): Actor => fromHeaders(headers, { userId: 'planner', role: 'planner' });

/**
 * Assignment routes: the head of the department that holds the assignment; for accept and
 * return, the head of the unit reviewing it now (the record should not show a department
 * accepting its own work).
 */
export function assignmentActor(headers: ActorHeaders, state: AssignmentState, action: string): Actor {
  const reviewing = action === 'accept' || action === 'return' ? reviewChainOf(state.obligation)[state.reviewStep] : undefined;
  const departmentId = reviewing ?? state.departmentId;
  return fromHeaders(headers, { userId: `head-of-${departmentId}`, role: 'department_head', departmentId });
}

/** An idempotency key from the caller makes a retried request append nothing new. */
export const idempotencyKeyOf = (headers: ActorHeaders, scope: string): string | undefined =>
  headers['idempotency-key'] === undefined ? undefined : `${scope}#${headers['idempotency-key']}`;

import { HttpCode, RequestMapping, RequestMethod, SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { z } from 'zod';
import type { ApiRequest } from '../http/api-request';
import { expressPath, routeTable, type OperationId, type RouteTable } from './route-table';
import { validateRequest, type PlanDefinitionBody } from './validate-request';

export const ROUTE_OPERATION = 'planledger:operation';

/** Binds a controller method to its route-table entry: method, path and success status come from there. */
export function Route(operation: OperationId): MethodDecorator {
  const spec = routeTable[operation];
  return applyDecorators(
    RequestMapping({ path: expressPath(spec.path), method: spec.method === 'get' ? RequestMethod.GET : spec.method === 'delete' ? RequestMethod.DELETE : RequestMethod.POST }),
    HttpCode(spec.status),
    SetMetadata(ROUTE_OPERATION, operation),
  );
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type BodyOf<B> = B extends { kind: 'json'; schema: infer S } ? Out<S> : B extends { kind: 'plan-definition' } ? PlanDefinitionBody : undefined;
type Part<Spec, Key extends string> = Spec extends Record<Key, infer T> ? T : undefined;

/** The request of one operation after validation, typed from its schemas. */
export interface RequestOf<Op extends OperationId> {
  params: Out<Part<RouteTable[Op], 'params'>>;
  query: Out<Part<RouteTable[Op], 'query'>>;
  headers: Out<Part<RouteTable[Op], 'headers'>>;
  body: BodyOf<Part<RouteTable[Op], 'body'>>;
  correlationId: string;
}

/**
 * `@Valid('closePlan') request: RequestOf<'closePlan'>`: params, query, actor headers and body
 * checked against the route table's schemas (400 listing every problem otherwise).
 */
export const Valid = createParamDecorator((operation: OperationId, context: ExecutionContext) => {
  const req = context.switchToHttp().getRequest<ApiRequest>();
  const valid = validateRequest(routeTable[operation], req);
  return { ...valid, correlationId: String(req.headers['x-correlation-id'] ?? '') };
});

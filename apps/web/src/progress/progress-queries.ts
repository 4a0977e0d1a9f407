import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type PlansAnswer = Json<paths['/progress/plans']['get']['responses'][200]>;
export type PlanRow = PlansAnswer['plans'][number];
export type TimelineAnswer = Json<paths['/progress/plans/{id}/timeline']['get']['responses'][200]>;
export type MatrixAnswer = Json<paths['/progress/plans/{id}/matrix']['get']['responses'][200]>;
export type CellAnswer = Json<paths['/progress/plans/{id}/cell']['get']['responses'][200]>;
export type ChartsAnswer = Json<paths['/progress/plans/{id}/charts']['get']['responses'][200]>;
export type OverdueAnswer = Json<paths['/progress/overdue']['get']['responses'][200]>;
export type WorkState = PlansAnswer['states'][number];

export function useProgressPlans(page: { offset: number; limit: number }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['progress-plans', page.offset, page.limit],
    queryFn: async () => unwrap(await api.GET('/progress/plans', { params: { query: page as never } })),
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(planId: string) {
  return useQuery({
    queryKey: ['progress-timeline', planId],
    queryFn: async () => unwrap(await api.GET('/progress/plans/{id}/timeline', { params: { path: { id: planId } } })),
  });
}

export interface MatrixRequest {
  by: 'measure' | 'phase';
  sort: 'overdue' | 'department';
  offset: number;
  limit: number;
}

export function useMatrix(planId: string, request: MatrixRequest) {
  return useQuery({
    queryKey: ['progress-matrix', planId, request.by, request.sort, request.offset, request.limit],
    queryFn: async () => unwrap(await api.GET('/progress/plans/{id}/matrix', { params: { path: { id: planId }, query: request as never } })),
    placeholderData: keepPreviousData,
  });
}

export interface CellRequest {
  department: string;
  measure?: string;
  phase?: string;
  state?: WorkState;
  cursor?: string;
}

export function useCell(planId: string, request: CellRequest | undefined) {
  return useQuery({
    queryKey: ['progress-cell', planId, request],
    enabled: request !== undefined,
    queryFn: async () =>
      unwrap(await api.GET('/progress/plans/{id}/cell', { params: { path: { id: planId }, query: { ...request, limit: 20 } as never } })),
    placeholderData: keepPreviousData,
  });
}

export function useCharts(planId: string) {
  return useQuery({
    queryKey: ['progress-charts', planId],
    queryFn: async () => unwrap(await api.GET('/progress/plans/{id}/charts', { params: { path: { id: planId } } })),
  });
}

export interface OverdueFilter {
  plan?: string;
  department?: string;
  minLevel?: number;
}

/** The query string of /progress/overdue and its export: the filter's set fields only. */
export function overdueSearch(filter: OverdueFilter, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams(extra);
  if (filter.plan) search.set('plan', filter.plan);
  if (filter.department) search.set('department', filter.department);
  if (filter.minLevel !== undefined) search.set('minLevel', String(filter.minLevel));
  return search.toString();
}

export function useOverdue(filter: OverdueFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['progress-overdue', filter.plan ?? null, filter.department ?? null, filter.minLevel ?? null, cursor ?? null],
    queryFn: async () =>
      unwrap(await api.GET('/progress/overdue', { params: { query: { ...filter, ...(cursor && { cursor }), limit: 50 } as never } })),
    placeholderData: keepPreviousData,
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type EventLogAnswer = Json<paths['/audit/events']['get']['responses'][200]>;
export type EventLogEntry = EventLogAnswer['events'][number];
export type EventLogFilter = NonNullable<paths['/audit/events']['get']['parameters']['query']>;
export type SignInAnswer = Json<paths['/audit/sign-ins']['get']['responses'][200]>;

/** Plan ids and titles for the filters (GET /plans answers more; only these are read). */
export function usePlanChoices() {
  return useQuery({
    queryKey: ['plan-choices'],
    queryFn: async () => {
      const answer = unwrap(await api.GET('/plans', {}));
      return answer.plans.map((plan) => ({ value: plan.planId, label: plan.title }));
    },
    staleTime: 60_000,
  });
}

/** Department ids and names (of one plan, or of all). */
export function useDepartmentChoices(planId?: string) {
  return useQuery({
    queryKey: ['department-choices', planId ?? null],
    queryFn: async () => {
      const answer = unwrap(await api.GET('/departments', { params: { query: planId ? { planId } : {} } }));
      return answer.departments.map((d) => ({ value: d.departmentId, label: d.name }));
    },
    staleTime: 60_000,
  });
}

export function useEventLog(filter: EventLogFilter) {
  return useQuery({
    queryKey: ['event-log', filter],
    queryFn: async () => unwrap(await api.GET('/audit/events', { params: { query: filter } })),
    placeholderData: (previous) => previous,
  });
}

/** A file the server names (Content-Disposition) saved through the browser: same origin, the session cookie goes along. */
export async function downloadFrom(path: string): Promise<string> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
    throw new Error(body.message ?? body.error ?? `HTTP ${response.status}`);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (/filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

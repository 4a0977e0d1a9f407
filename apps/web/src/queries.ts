import { QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap, type AssignmentStatus } from './api/client';

/** Set when a signed-in page met a 401: the sign-in page then says the session expired. */
export const sessionState = { expired: false };

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      // A dead session met on any page but the session query itself: back to the sign-in page.
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'session') {
        sessionState.expired = true;
        void queryClient.invalidateQueries({ queryKey: ['session'] });
      }
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
      staleTime: 10_000,
    },
  },
});

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/session'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export interface InboxFilter {
  plan?: string;
  status?: AssignmentStatus[];
}

export function useInbox(filter: InboxFilter = {}) {
  return useQuery({
    // No filter and an empty filter are one query (the header's badge shares the page's request).
    queryKey: ['inbox', filter.plan || null, filter.status?.length ? filter.status.join(',') : null],
    queryFn: async () =>
      unwrap(
        await api.GET('/me/inbox', {
          params: { query: { ...(filter.plan && { plan: filter.plan }), ...(filter.status?.length && { status: filter.status.join(',') }) } as never },
        }),
      ),
  });
}

/** Now, or replayed as of a moment (`asOf`, on recorded or business time) by the server from the assignment's own streams. */
export function useAssignment(id: string, asOf?: string, basis: 'recorded' | 'business' = 'recorded') {
  return useQuery({
    queryKey: ['assignment', id, asOf ?? null, asOf ? basis : null],
    queryFn: async () =>
      unwrap(await api.GET('/assignments/{id}', { params: { path: { id }, query: asOf ? { asOf, asOfBasis: basis } : {} } })),
  });
}

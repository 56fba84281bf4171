import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { QueryState } from '../ui/query-state.tsx';

export const ME_KEY = ['me'] as const;

/** Who is signed in: undefined while loading, null when nobody is. */
export const useMe = () =>
  useQuery({
    queryKey: ME_KEY,
    // Answers null, not 401, when nobody is signed in: a normal load has no failed request.
    queryFn: () => api<Me | null>('/auth/session'),
    staleTime: 60_000,
  });

/** A `lecture` user reads everything and changes nothing: write controls ask this. */
export const useCanWrite = (): boolean => {
  const { data } = useMe();
  return Boolean(data && data.role !== 'lecture');
};

export const useIsAssocie = (): boolean => useMe().data?.role === 'associe';

export const useLogout = () => {
  const client = useQueryClient();
  return async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    client.clear();
    client.setQueryData(ME_KEY, null);
  };
};

/**
 * The pages behind the login: anyone not signed in goes to /login, and comes back after. The page
 * waits for the session (one small request) before it asks for its data, so that nobody signed out
 * sees a request refused: the session is asked once, then kept.
 */
export const RequireSession = ({ children }: { children: ReactNode }) => {
  const me = useMe();
  const location = useLocation();
  if (me.data === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  // Signed in, or still asking: the pages wait for the answer (or show why it did not come).
  if (me.data === undefined) return <QueryState query={me}>{() => null}</QueryState>;
  return <>{children}</>;
};

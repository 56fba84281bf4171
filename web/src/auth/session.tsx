import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export const ME_KEY = ['me'] as const;

/** Who is signed in: undefined while loading, null when nobody is. */
export const useMe = () =>
  useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
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
 * starts loading while the session is asked for (one round trip less); write controls wait for it,
 * since useCanWrite is false until the role is known.
 */
export const RequireSession = ({ children }: { children: ReactNode }) => {
  const me = useMe();
  const location = useLocation();
  if (me.data === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
};

import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { RecurringFees } from '../api/types.ts';

/** The annual recurring fees in force today, in total and by catalogue domain (R-C3), summed by the server. */
export const useRecurringFees = () =>
  useQuery({
    queryKey: ['dashboard', 'recurring-fees'],
    staleTime: 60_000,
    queryFn: () => api<RecurringFees>('/portfolio/recurring-fees'),
  });

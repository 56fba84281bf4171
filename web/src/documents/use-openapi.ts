import { useQuery } from '@tanstack/react-query';

/**
 * Which routes the server publishes: the completeness check and the PDF preview arrive with the PDF
 * work (issue 3), and the page offers them as soon as the server has them.
 */
export const useHasRoute = (path: string) => {
  const spec = useQuery({
    queryKey: ['openapi'],
    queryFn: async () => (await fetch('/openapi.json')).json() as Promise<{ paths: Record<string, unknown> }>,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return Boolean(spec.data?.paths[`/api/v1${path}`]);
};

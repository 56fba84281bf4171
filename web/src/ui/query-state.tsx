import { Alert, Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** A query's loading and error states, the same on every page; children render the data. */
export const QueryState = <T,>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) => {
  const t = useT();
  if (query.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (query.isError)
    return (
      <Alert color="red" role="alert" title={t('common.error')}>
        {query.error.message}
      </Alert>
    );
  return <>{children(query.data)}</>;
};

/** A list's query: its loading and error states, a dimmed sentence when it is empty, else children. */
export const QueryList = <T,>({
  query,
  empty,
  emptyTestId,
  children,
}: {
  query: UseQueryResult<readonly T[]>;
  empty: string;
  emptyTestId?: string;
  children: (items: readonly T[]) => ReactNode;
}) => (
  <QueryState query={query}>
    {(items) =>
      items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid={emptyTestId}>
          {empty}
        </Text>
      ) : (
        children(items)
      )
    }
  </QueryState>
);

import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import type { OpenMatches, ReviewsDue } from './types.ts';

/** The firm's LCB-FT to-do (R-F4, R-F5): reviews due or overdue, screening matches an associé must clear. */
export const VigilanceDashboardCard = () => {
  const t = useT();
  const reviews = useQuery({
    queryKey: ['vigilance', 'reviews'],
    queryFn: () => api<ReviewsDue>('/vigilance/reviews?pageSize=200'),
    retry: false,
  });
  const matches = useQuery({
    queryKey: ['vigilance', 'matches'],
    queryFn: () => api<OpenMatches>('/vigilance/matches?pageSize=1'),
    retry: false,
  });
  // Those who may not read the lists (they are the associés' and the responsible users') see no card.
  if (!reviews.data && !matches.data) return null;
  const overdue = reviews.data?.items.filter((item) => item.isOverdue).length ?? 0;
  const row = (label: string, value: number | undefined, testId: string) => (
    <Group justify="space-between">
      <Text size="sm">{label}</Text>
      <Text fw={700} data-testid={testId}>
        {value ?? '—'}
      </Text>
    </Group>
  );
  return (
    <Card withBorder component="section" aria-labelledby="vigilance-dashboard-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="vigilance-dashboard-title">
          {t('vigilance.tab')}
        </Title>
        {row(t('vigilance.reviewsDue'), reviews.data?.total, 'vigilance-reviews-due')}
        {row(t('vigilance.reviewsOverdue'), reviews.data ? overdue : undefined, 'vigilance-reviews-overdue')}
        {row(t('vigilance.matchesToClear'), matches.data?.total, 'vigilance-matches')}
      </Stack>
    </Card>
  );
};

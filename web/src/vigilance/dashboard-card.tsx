import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n.tsx';
import { useOpenMatches, useReviewsDue } from './queries.ts';

/** The firm's LCB-FT to-do (R-F4, R-F5): reviews due or overdue, screening matches an associé must clear. */
export const VigilanceDashboardCard = () => {
  const t = useT();
  const reviews = useReviewsDue();
  const matches = useOpenMatches();
  // Those who may not read the lists (they are the associés' and the responsible users') see no card.
  if (!reviews.data && !matches.data) return null;
  const overdue = reviews.data?.filter((item) => item.isOverdue).length;
  const row = (label: string, value: number | undefined, testId: string, to?: string) => (
    <Group justify="space-between">
      {to ? (
        <Anchor component={Link} to={to} size="sm">
          {label}
        </Anchor>
      ) : (
        <Text size="sm">{label}</Text>
      )}
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
        {row(t('vigilance.reviewsDue'), reviews.data?.length, 'vigilance-reviews-due', '/vigilance/revues')}
        {row(t('vigilance.reviewsOverdue'), overdue, 'vigilance-reviews-overdue')}
        {matches.data &&
          row(
            t('vigilance.matchesToClear'),
            matches.data.length,
            'vigilance-matches',
            '/vigilance/correspondances',
          )}
        {matches.data && (
          <Anchor component={Link} to="/vigilance/purge" size="sm">
            {t('vigilance.purge.link')}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
};

import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryList } from '../ui/query-state.tsx';
import { ClientLink } from './client-link.tsx';
import { useReviewsDue } from './queries.ts';

/**
 * « Revues LCB-FT » (R-F4): the files whose review is due within a month or overdue, soonest first,
 * each a link to its engagement's LCB-FT tab (all files for an associé; one's own otherwise).
 */
export const VigilanceReviewsPage = () => {
  const t = useT();
  const reviews = useReviewsDue();
  return (
    <Stack>
      <Title order={2}>{t('vigilance.reviewsPage')}</Title>
      <Text size="sm" c="dimmed">
        {t('vigilance.reviewsPageHint')}
      </Text>
      <Card withBorder>
        <QueryList query={reviews} empty={t('vigilance.noReviewsDue')} emptyTestId="vigilance-reviews-empty">
          {(items) => (
            <Table.ScrollContainer minWidth={520}>
              <Table striped aria-label={t('vigilance.reviewsPage')} data-testid="vigilance-reviews">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('vigilance.client')}</Table.Th>
                    <Table.Th>{t('vigilance.review.why')}</Table.Th>
                    <Table.Th>{t('vigilance.review.due')}</Table.Th>
                    <Table.Th>{t('vigilance.review.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={`${item.engagementId}-${item.reason}-${item.dueOn}`}>
                      <Table.Td>
                        <ClientLink engagementId={item.engagementId} />
                      </Table.Td>
                      <Table.Td>{t(`vigilance.review.reason.${item.reason}`)}</Table.Td>
                      <Table.Td>{formatDay(item.dueOn)}</Table.Td>
                      <Table.Td>
                        <Badge color={item.isOverdue ? 'red' : 'blue'} variant="light">
                          {t(item.isOverdue ? 'vigilance.review.overdue' : 'vigilance.review.toDo')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryList>
      </Card>
    </Stack>
  );
};

import { Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../api/client.ts';
import { useDocuments } from '../api/queries.ts';
import type { EngagementListItem, Page } from '../api/types.ts';
import { todayInParis } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { VigilanceDashboardCard } from '../vigilance/dashboard-card.tsx';
import { DocumentList } from './document-list.tsx';
import { FeesCard } from './fees-card.tsx';
import { NoticeCard } from './notice-card.tsx';
import { ToSignCard } from './to-sign-card.tsx';
import { useRecurringFees } from './use-recurring-fees.ts';

/** The clients are counted by the fees query, which lists them anyway: one request less. */
const useProspectCount = () =>
  useQuery({
    queryKey: ['engagements', 'count', 'prospect'],
    queryFn: () => api<Page<EngagementListItem>>(`/engagements${query({ state: 'prospect', pageSize: 1 })}`),
  });

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const DashboardPage = () => {
  const t = useT();
  const prospects = useProspectCount();
  const drafts = useDocuments({ status: 'draft', sort: 'updatedAt', pageSize: 8 });
  const sent = useDocuments({ status: 'sent', sort: 'sentAt', pageSize: 200 });
  const recent = useDocuments({ sort: 'updatedAt', pageSize: 8 });
  const fees = useRecurringFees();
  const today = todayInParis();
  const soon = addDays(today, 30);
  const expiring = (sent.data?.items ?? [])
    .filter((doc) => doc.validUntil && doc.validUntil >= today && doc.validUntil <= soon)
    .sort((a, b) => String(a.validUntil).localeCompare(String(b.validUntil)));
  const stat = (label: string, value: number | undefined, testId: string) => (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value ?? '…'}
      </Text>
    </Card>
  );
  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {stat(t('dashboard.prospects'), prospects.data?.total, 'count-prospects')}
        {stat(t('dashboard.clients'), fees.data?.clients, 'count-clients')}
        {stat(t('dashboard.toSend'), drafts.data?.total, 'count-drafts')}
        {stat(t('dashboard.awaiting'), sent.data?.total, 'count-sent')}
      </SimpleGrid>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <ToSignCard />
            <DocumentList title={t('dashboard.toSend')} query={drafts} empty={t('dashboard.noneToSend')} />
            <DocumentList
              title={t('dashboard.awaiting')}
              query={sent}
              limit={8}
              empty={t('dashboard.noneAwaiting')}
            />
            <DocumentList
              title={t('dashboard.expiring')}
              items={expiring}
              empty={t('dashboard.noneExpiring')}
              showValidUntil
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <FeesCard />
            <NoticeCard ready={fees.isSuccess} />
            <VigilanceDashboardCard />
            <DocumentList
              title={t('dashboard.recent')}
              query={recent}
              empty={t('dashboard.noActivity')}
              showUpdated
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
};

import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { query } from '../api/client.ts';
import { useUsers } from '../api/queries.ts';
import { formatCents, formatDay, todayInParis } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { BridgeSection } from './bridge-section.tsx';
import { isoOf, useRecurringRevenue } from './queries.ts';
import { ShareTable } from './revenue-tables.tsx';

/** R-G4: the recurring fees in force on a day, by domain, responsible user and client. */
const RevenueSection = () => {
  const t = useT();
  const [date, setDate] = useState(todayInParis());
  const revenue = useRecurringRevenue(date);
  const users = useUsers();
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name ?? id;
  return (
    <Card withBorder component="section" aria-labelledby="revenue-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={3} size="h4" id="revenue-title">
          {t('billing.inForce')}
        </Title>
        <Group align="flex-end">
          <DateField
            label={t('billing.onDate')}
            valueFormat="DD/MM/YYYY"
            value={date}
            onChange={(value) => setDate(isoOf(value, todayInParis()))}
            w={160}
          />
          <Button
            component="a"
            variant="default"
            href={`/api/v1/billing/recurring-revenue.csv${query({ date })}`}
          >
            {t('billing.csv')}
          </Button>
        </Group>
      </Group>
      <QueryState query={revenue}>
        {(data) => (
          <Stack>
            <Text data-testid="revenue-total">
              {t('billing.totalOn', { date: formatDay(data.date), amount: formatCents(data.totalCents) })}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <ShareTable
                title={t('billing.byDomain')}
                rows={data.byDomain.map((s) => ({ ...s, label: t(`domain.${s.key}` as MessageKey) }))}
              />
              <ShareTable
                title={t('billing.byResponsible')}
                rows={data.byResponsible.map((s) => ({ ...s, label: userName(s.key) }))}
              />
              <ShareTable
                title={t('billing.byClient')}
                rows={data.byClient.map((s) => ({ ...s, label: s.clientName }))}
              />
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
};

/** /honoraires — the recurring fees held, and how they moved between two days. */
export const FeesPage = () => {
  const t = useT();
  return (
    <Stack>
      <Title order={2}>{t('billing.fees')}</Title>
      <RevenueSection />
      <BridgeSection />
    </Stack>
  );
};

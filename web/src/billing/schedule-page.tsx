import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { query } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { useFirmSchedule } from './queries.ts';
import { ScheduleAdjustments, ScheduleMonths } from './schedule-months.tsx';
import { ScheduleTable } from './schedule-table.tsx';
import type { FirmSchedule } from './types.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** /echeancier — the firm's instalments by month, its CSV for billing, the months handed over. */
export const SchedulePage = () => {
  const t = useT();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Both months or neither (the API's rule): half a range keeps the default twelve months.
  const range = MONTH.test(from) && MONTH.test(to) ? { from, to } : {};
  const schedule = useFirmSchedule(range);
  const first = schedule.data?.pages[0];
  return (
    <Stack>
      <Title order={2}>{t('billing.schedule')}</Title>
      <Group align="flex-end">
        <TextInput
          type="month"
          label={t('billing.fromMonth')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="month"
          label={t('billing.toMonth')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        {first && (
          <Button
            component="a"
            variant="default"
            href={`/api/v1/billing/schedule.csv${query({ from: first.from, to: first.to })}`}
          >
            {t('billing.csv')}
          </Button>
        )}
      </Group>
      <QueryState query={schedule}>
        {({ pages }) => {
          const data = first as FirmSchedule;
          const entries = pages.flatMap((page) => page.entries.items);
          return (
            <Stack>
              <Card withBorder component="section" aria-labelledby="months-title">
                <Title order={3} size="h4" id="months-title" mb="sm">
                  {t('billing.months')}
                </Title>
                <ScheduleMonths schedule={data} />
              </Card>
              {data.adjustments.length > 0 && (
                <Card withBorder component="section" aria-labelledby="adjustments-title">
                  <Title order={3} size="h4" id="adjustments-title" mb="sm">
                    {t('billing.adjustments')}
                  </Title>
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('billing.adjustmentsExplain')}
                  </Text>
                  <ScheduleAdjustments schedule={data} />
                </Card>
              )}
              <Card withBorder component="section" aria-labelledby="entries-title">
                <Title order={3} size="h4" id="entries-title" mb="sm">
                  {t('billing.entries')}
                </Title>
                {entries.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('billing.nothingDue')}
                  </Text>
                ) : (
                  <Stack gap="xs">
                    <ScheduleTable entries={entries} withClient label={t('billing.entries')} />
                    <Group justify="space-between">
                      <Text size="sm" c="dimmed" aria-live="polite">
                        {t('billing.entriesShown', {
                          shown: String(entries.length),
                          total: String(data.entries.total),
                        })}
                      </Text>
                      {schedule.hasNextPage && (
                        <Button
                          variant="light"
                          size="xs"
                          loading={schedule.isFetchingNextPage}
                          onClick={() => schedule.fetchNextPage()}
                        >
                          {t('billing.moreEntries')}
                        </Button>
                      )}
                    </Group>
                  </Stack>
                )}
              </Card>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
};

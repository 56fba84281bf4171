import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { query } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { useFirmSchedule } from './queries.ts';
import { ScheduleAdjustments, ScheduleMonths } from './schedule-months.tsx';
import { ScheduleTable } from './schedule-table.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** /echeancier — the firm's instalments by month, its CSV for billing, the months handed over. */
export const SchedulePage = () => {
  const t = useT();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Both months or neither (the API's rule): half a range keeps the default twelve months.
  const range = MONTH.test(from) && MONTH.test(to) ? { from, to } : {};
  const schedule = useFirmSchedule(range);
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
        {schedule.data && (
          <Button
            component="a"
            variant="default"
            href={`/api/v1/billing/schedule.csv${query({ from: schedule.data.from, to: schedule.data.to })}`}
          >
            {t('billing.csv')}
          </Button>
        )}
      </Group>
      <QueryState query={schedule}>
        {(data) => (
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
              {data.entries.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('billing.nothingDue')}
                </Text>
              ) : (
                <ScheduleTable schedule={data} withClient label={t('billing.entries')} />
              )}
            </Card>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
};

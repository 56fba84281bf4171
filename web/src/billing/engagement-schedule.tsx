import { Card, Text, Title } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { useEngagementSchedule } from './queries.ts';
import { ScheduleTable } from './schedule-table.tsx';

/** « Échéancier » of an engagement: what its letters bill over the next twelve months (R-G2). */
export const EngagementSchedule = ({ engagementId }: { engagementId: string }) => {
  const t = useT();
  const schedule = useEngagementSchedule(engagementId);
  return (
    <Card withBorder component="section" aria-labelledby="schedule-title">
      <Title order={3} size="h4" id="schedule-title" mb="sm">
        {t('billing.schedule')}
      </Title>
      <QueryState query={schedule}>
        {(data) =>
          data.entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('billing.nothingDue')}
            </Text>
          ) : (
            <ScheduleTable entries={data.entries} months={data.months} label={t('billing.schedule')} />
          )
        }
      </QueryState>
    </Card>
  );
};

import { Badge, Button, Table } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatCents } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { notifyError } from '../ui/notify.ts';
import { formatMonth } from './queries.ts';
import type { MonthExport, Schedule } from './types.ts';

/** Each month's totals and whether it was handed to billing; a writer marks a month exported. */
export const ScheduleMonths = ({ schedule }: { schedule: Pick<Schedule, 'months' | 'exportedMonths'> }) => {
  const t = useT();
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const mark = useMutation({
    mutationFn: (month: string) => api<MonthExport>('/billing/exports', { body: { month } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['billing'] }),
    onError: (error) => notifyError(error),
  });
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={t('billing.months')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.month')}</Table.Th>
            <Table.Th ta="right">{t('billing.ht')}</Table.Th>
            <Table.Th ta="right">{t('billing.vat')}</Table.Th>
            <Table.Th ta="right">{t('billing.ttc')}</Table.Th>
            <Table.Th>{t('billing.export')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedule.months.map((month) => (
            <Table.Tr key={month.month} data-testid={`month-${month.month}`}>
              <Table.Td>{formatMonth(month.month)}</Table.Td>
              <Table.Td ta="right">{formatCents(month.htCents)}</Table.Td>
              <Table.Td ta="right">{formatCents(month.vatCents)}</Table.Td>
              <Table.Td ta="right">{formatCents(month.ttcCents)}</Table.Td>
              <Table.Td>
                {schedule.exportedMonths.includes(month.month) ? (
                  <Badge color="teal" variant="light">
                    {t('billing.exported')}
                  </Badge>
                ) : (
                  canWrite && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={mark.isPending && mark.variables === month.month}
                      onClick={() => mark.mutate(month.month)}
                      aria-label={t('billing.markExportedMonth', { month: formatMonth(month.month) })}
                    >
                      {t('billing.markExported')}
                    </Button>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

/** R-G3: what changed in a month already handed to billing, to be billed or credited by hand. */
export const ScheduleAdjustments = ({ schedule }: { schedule: Pick<Schedule, 'adjustments'> }) => {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={t('billing.adjustments')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.month')}</Table.Th>
            <Table.Th>{t('campaign.letter')}</Table.Th>
            <Table.Th ta="right">{t('billing.exportedHt')}</Table.Th>
            <Table.Th ta="right">{t('billing.currentHt')}</Table.Th>
            <Table.Th ta="right">{t('billing.deltaHt')}</Table.Th>
            <Table.Th ta="right">{t('billing.deltaTtc')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedule.adjustments.map((adjustment) => (
            <Table.Tr key={`${adjustment.month}-${adjustment.documentId}-${adjustment.type}`}>
              <Table.Td>{formatMonth(adjustment.month)}</Table.Td>
              <Table.Td>{adjustment.number ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatCents(adjustment.exportedHtCents)}</Table.Td>
              <Table.Td ta="right">{formatCents(adjustment.currentHtCents)}</Table.Td>
              <Table.Td ta="right">{formatCents(adjustment.deltaHtCents)}</Table.Td>
              <Table.Td ta="right">{formatCents(adjustment.deltaTtcCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

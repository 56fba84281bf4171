import { Anchor, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { formatCents } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { formatMonth } from './queries.ts';
import type { MonthTotal, ScheduleEntry } from './types.ts';

type Props = {
  entries: readonly ScheduleEntry[];
  /** With the months' totals, a total row closes each month (an engagement's schedule, whole). */
  months?: readonly MonthTotal[];
  withClient?: boolean;
  label: string;
};

/** R-G2: the instalments of each month, then the month's total; amounts HT, TVA, TTC. */
export const ScheduleTable = ({ entries, months, withClient = false, label }: Props) => {
  const t = useT();
  const columns = withClient ? 7 : 6;
  const row = (entry: ScheduleEntry) => (
    <Table.Tr key={`${entry.month}-${entry.documentId}-${entry.type}`} data-month={entry.month}>
      <Table.Td>{formatMonth(entry.month)}</Table.Td>
      {withClient && (
        <Table.Td>
          <Anchor component={Link} to={`/engagements/${entry.engagementId}`} size="sm">
            {entry.clientName}
          </Anchor>
        </Table.Td>
      )}
      <Table.Td>
        <Anchor component={Link} to={`/documents/${entry.documentId}`} size="sm">
          {entry.number ?? '—'}
        </Anchor>
        {entry.sourceDocumentId !== entry.documentId && (
          <Text size="xs" c="dimmed">
            {t('billing.source', { number: entry.sourceNumber ?? '—' })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs">{entry.lines.map((line) => line.label).join(' · ')}</Text>
      </Table.Td>
      <Table.Td ta="right">{formatCents(entry.htCents)}</Table.Td>
      <Table.Td ta="right">{formatCents(entry.vatCents)}</Table.Td>
      <Table.Td ta="right">{formatCents(entry.ttcCents)}</Table.Td>
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={withClient ? 820 : 680}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.month')}</Table.Th>
            {withClient && <Table.Th>{t('campaign.client')}</Table.Th>}
            <Table.Th>{t('campaign.letter')}</Table.Th>
            <Table.Th>{t('billing.lines')}</Table.Th>
            <Table.Th ta="right">{t('billing.ht')}</Table.Th>
            <Table.Th ta="right">{t('billing.vat')}</Table.Th>
            <Table.Th ta="right">{t('billing.ttc')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {months
            ? months.map((month) => (
                <Fragment key={month.month}>
                  {entries.filter((entry) => entry.month === month.month).map(row)}
                  <Table.Tr bg="var(--mantine-color-gray-0)" data-testid={`month-total-${month.month}`}>
                    <Table.Th colSpan={columns - 3}>
                      {t('billing.monthTotal', { month: formatMonth(month.month) })}
                    </Table.Th>
                    <Table.Th ta="right">{formatCents(month.htCents)}</Table.Th>
                    <Table.Th ta="right">{formatCents(month.vatCents)}</Table.Th>
                    <Table.Th ta="right">{formatCents(month.ttcCents)}</Table.Th>
                  </Table.Tr>
                </Fragment>
              ))
            : entries.map(row)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

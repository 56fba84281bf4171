import { Card, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useScope } from '../api/queries.ts';
import { recurrenceKey } from '../documents/labels.ts';
import { formatCents, formatDay, formatDecimal, todayInParis } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { QueryState } from '../ui/query-state.tsx';

/** R-C3: what the client has contracted for on any date, asked of the server. */
export const ScopePanel = ({ engagementId }: { engagementId: string }) => {
  const t = useT();
  const [date, setDate] = useState<string>(todayInParis());
  const scope = useScope(engagementId, date);
  return (
    <Card withBorder component="section" aria-labelledby="scope-title">
      <Group justify="space-between" align="end" mb="sm">
        <Title order={3} size="h4" id="scope-title">
          {t('scope.title')}
        </Title>
        <DateField
          label={t('scope.date')}
          value={date}
          onChange={(value) => value && setDate(String(value).slice(0, 10))}
          valueFormat="DD/MM/YYYY"
          w={160}
          data-testid="scope-date"
        />
      </Group>
      <QueryState query={scope}>
        {(data) =>
          data.lines.length === 0 ? (
            <Text c="dimmed">{t('scope.empty', { date: formatDay(data.date) })}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={480}>
                <Table aria-label={t('scope.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('line.label')}</Table.Th>
                      <Table.Th>{t('line.quantity')}</Table.Th>
                      <Table.Th ta="right">{t('line.unitPrice')}</Table.Th>
                      <Table.Th>{t('line.recurrence')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.lines.map((line) => (
                      <Table.Tr key={line.lineId}>
                        <Table.Td>{line.label}</Table.Td>
                        <Table.Td>{formatDecimal(line.quantity)}</Table.Td>
                        <Table.Td ta="right">{formatCents(line.unitPriceCents)}</Table.Td>
                        <Table.Td>{t(recurrenceKey(line.recurrence))}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text mt="sm" fw={600} data-testid="scope-annual">
                {t('scope.annual', { date: formatDay(data.date) })} {formatCents(data.annualRecurringCents)}
              </Text>
            </>
          )
        }
      </QueryState>
    </Card>
  );
};

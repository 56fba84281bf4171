import { Card, Table, Text, Title } from '@mantine/core';
import { formatCents, formatRate } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import type { DocumentTotals } from './draft-lines.ts';

/** HT, TVA per rate, TTC, the annual recurring fees and their 12 monthly instalments. */
export const TotalsPanel = ({ totals }: { totals: DocumentTotals }) => {
  const t = useT();
  const instalments = totals.monthlyInstalmentsCents;
  const first = instalments[0] ?? 0;
  const last = instalments[instalments.length - 1] ?? 0;
  const row = (label: string, value: string, testId: string, strong = false) => (
    <Table.Tr>
      <Table.Th scope="row" fw={strong ? 700 : 500}>
        {label}
      </Table.Th>
      <Table.Td ta="right" fw={strong ? 700 : 400} data-testid={testId}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder component="section" aria-labelledby="totals-title">
      <Title order={3} size="h4" id="totals-title" mb="xs">
        {t('totals.title')}
      </Title>
      <Table aria-labelledby="totals-title">
        <Table.Tbody>
          {row(t('totals.ht'), formatCents(totals.totalHtCents), 'total-ht', true)}
          {totals.vat.map((vat) => (
            <Table.Tr key={vat.rateBp}>
              <Table.Th scope="row" fw={500}>
                {t('totals.vatAt', { rate: formatRate(vat.rateBp), base: formatCents(vat.baseCents) })}
              </Table.Th>
              <Table.Td ta="right" data-testid={`vat-${vat.rateBp}`}>
                {formatCents(vat.vatCents)}
              </Table.Td>
            </Table.Tr>
          ))}
          {row(t('totals.vat'), formatCents(totals.totalVatCents), 'total-vat')}
          {row(t('totals.ttc'), formatCents(totals.totalTtcCents), 'total-ttc', true)}
          {row(t('totals.annual'), formatCents(totals.annualRecurringHtCents), 'annual-recurring')}
          {row(t('totals.oneOff'), formatCents(totals.oneOffHtCents), 'one-off')}
        </Table.Tbody>
      </Table>
      {totals.annualRecurringHtCents > 0 && (
        <Text size="sm" mt="xs" data-testid="instalments">
          {first === last
            ? t('totals.instalmentsEqual', { amount: formatCents(first) })
            : t('totals.instalments', {
                count: instalments.length - 1,
                amount: formatCents(first),
                last: formatCents(last),
              })}
        </Text>
      )}
    </Card>
  );
};

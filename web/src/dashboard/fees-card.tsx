import { BarChart } from '@mantine/charts';
import { Card, Text, Title } from '@mantine/core';
import { formatCents } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { useRecurringFees } from './use-recurring-fees.ts';

export const FeesCard = () => {
  const t = useT();
  const fees = useRecurringFees();
  return (
    <Card withBorder component="section" aria-labelledby="fees-title">
      <Title order={3} size="h5" id="fees-title" mb="xs">
        {t('dashboard.fees')}
      </Title>
      <QueryState query={fees}>
        {(data) => (
          <>
            <Text fz={24} fw={700} data-testid="fees-total">
              {formatCents(data.totalCents)}
            </Text>
            <Text size="xs" c="dimmed" mb="sm">
              {t('dashboard.feesOf', { count: data.counted })}
            </Text>
            <BarChart
              h={220}
              data={data.byDomain.map((item) => ({
                domain: t(`domain.${item.domain}` as MessageKey),
                euros: item.cents / 100,
              }))}
              dataKey="domain"
              series={[{ name: 'euros', label: t('dashboard.feesSeries'), color: 'grape.6' }]}
              valueFormatter={(value) => formatCents(Math.round(value * 100))}
              yAxisProps={{ width: 90 }}
              aria-label={t('dashboard.fees')}
            />
            <Text size="xs" component="ul" mt="xs">
              {data.byDomain.map((item) => (
                <li key={item.domain}>
                  {t(`domain.${item.domain}` as MessageKey)} : {formatCents(item.cents)}
                </li>
              ))}
            </Text>
          </>
        )}
      </QueryState>
    </Card>
  );
};

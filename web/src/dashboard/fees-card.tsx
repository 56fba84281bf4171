import { Card, Skeleton, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { formatCents } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { useRecurringFees } from './use-recurring-fees.ts';

const FeesChart = lazy(() => import('./fees-chart.tsx').then((module) => ({ default: module.FeesChart })));

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
              {t('dashboard.feesOf', { count: data.clients })}
            </Text>
            <Suspense fallback={<Skeleton h={220} />}>
              <FeesChart
                data={data.byDomain.map((item) => ({
                  domain: t(`domain.${item.domain}` as MessageKey),
                  euros: item.cents / 100,
                }))}
                label={t('dashboard.fees')}
                series={t('dashboard.feesSeries')}
              />
            </Suspense>
            <Text size="xs" component="ul" mt="xs">
              {data.byDomain.map((item) => (
                <li key={item.domain}>
                  {t('common.labelValue', {
                    label: t(`domain.${item.domain}` as MessageKey),
                    value: formatCents(item.cents),
                  })}
                </li>
              ))}
            </Text>
          </>
        )}
      </QueryState>
    </Card>
  );
};

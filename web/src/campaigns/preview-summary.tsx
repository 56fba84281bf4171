import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CampaignSummary } from '../api/types.ts';
import { formatCents } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatPercent, pluralKey } from './labels.ts';

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Card withBorder padding="sm">
    <Text size="sm" c="dimmed">
      {label}
    </Text>
    <Text fz={22} fw={700} data-testid={testId}>
      {value}
    </Text>
  </Card>
);

/** R-D5: what the campaign changes, before any letter is made: totals, skipped clients, spread. */
export const PreviewSummary = ({ summary }: { summary: CampaignSummary }) => {
  const { t, language } = useI18n();
  const reasons = Object.entries(summary.skippedByReason).filter(([, count]) => count > 0);
  const spread = summary.distribution.filter((band) => band.clients > 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="summary-title">
      <Title order={3} size="h4" id="summary-title">
        {t('campaign.summary')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure
          label={t('campaign.planned')}
          value={t('campaign.plannedOf', { planned: summary.planned, selected: summary.selected })}
          testId="summary-planned"
        />
        <Figure
          label={t('campaign.annualBefore')}
          value={formatCents(summary.annualBeforeCents)}
          testId="summary-before"
        />
        <Figure
          label={t('campaign.annualAfter')}
          value={formatCents(summary.annualAfterCents)}
          testId="summary-after"
        />
        <Figure
          label={t('campaign.change')}
          value={formatPercent(summary.changePercent)}
          testId="summary-change"
        />
      </SimpleGrid>
      <Group align="flex-start" gap="xl">
        {reasons.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t(pluralKey('campaign.skippedCount', summary.skipped, language), { count: summary.skipped })}
            </Text>
            <Text size="sm" component="ul" my={0} pl="lg" data-testid="summary-skipped">
              {reasons.map(([reason, count]) => (
                <li key={reason}>
                  {t('common.labelValue', {
                    label: t(`campaign.skip.${reason}` as MessageKey),
                    value: count,
                  })}
                </li>
              ))}
            </Text>
          </Stack>
        )}
        {spread.length > 0 && (
          <Table w="auto" withRowBorders={false} verticalSpacing={2} aria-label={t('campaign.distribution')}>
            <Table.Caption
              style={{ captionSide: 'top', textAlign: 'left', whiteSpace: 'nowrap' }}
              c="var(--mantine-color-text)"
              fw={600}
              fz="sm"
              mt={0}
              mb={4}
            >
              {t('campaign.distribution')}
            </Table.Caption>
            <Table.Tbody>
              {spread.map((band) => (
                <Table.Tr key={band.band}>
                  <Table.Td>{t(`campaign.band.${band.band}` as MessageKey)}</Table.Td>
                  <Table.Td ta="right">
                    {t(pluralKey('campaign.clients', band.clients, language), { count: band.clients })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Group>
    </Stack>
  );
};

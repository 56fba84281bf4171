import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useServices, useTerms, useUsers } from '../api/queries.ts';
import type { CampaignSettings } from '../api/types.ts';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { formatCoefficient } from './labels.ts';

/** The settings of a campaign that no longer changes (generated): read, not edited. */
export const SettingsView = ({ settings }: { settings: CampaignSettings }) => {
  const t = useT();
  const users = useUsers().data ?? [];
  const services = useServices(true).data ?? [];
  const terms = useTerms().data ?? [];
  const names = (ids: readonly string[], list: { id: string; label: string }[]) =>
    ids.length === 0
      ? t('campaign.any')
      : ids.map((id) => list.find((item) => item.id === id)?.label ?? id).join(', ');
  const serviceList = services.map((service) => ({ id: service.id, label: service.label }));
  const { selection, revaluation } = settings;
  const rows: [string, string][] = [
    [
      t('campaign.responsibles'),
      names(
        selection.responsibleUserIds,
        users.map((u) => ({ id: u.id, label: u.name })),
      ),
    ],
    [
      t('campaign.termsBelow'),
      selection.termsVersionBelow === null
        ? t('campaign.anyTerms')
        : t('campaign.termsOlderThan', { version: selection.termsVersionBelow }),
    ],
    [
      t('campaign.signedBefore'),
      selection.signedBefore ? formatDay(selection.signedBefore) : t('campaign.anyDate'),
    ],
    [
      t('campaign.fiscalYearEnd'),
      selection.fiscalYearEndMonths.length ? selection.fiscalYearEndMonths.join(', ') : t('campaign.any'),
    ],
    [t('campaign.withServices'), names(selection.serviceIds, serviceList)],
    [
      t('campaign.revaluation'),
      revaluation.method === 'coefficient'
        ? `${t('catalogue.coefficient')} ${formatCoefficient(revaluation.coefficient)}`
        : t('campaign.indexFormula', {
            reference: formatCoefficient(revaluation.referenceIndex),
            next: formatCoefficient(revaluation.newIndex),
          }),
    ],
    [
      t('catalogue.rounding'),
      t(settings.rounding === 'cent' ? 'catalogue.roundCent' : 'catalogue.roundEuro'),
    ],
    [
      t('campaign.excludedServices'),
      settings.excludedServiceIds.length ? names(settings.excludedServiceIds, serviceList) : '—',
    ],
    [t('campaign.exceptions'), String(settings.exceptions.length)],
    [t('document.effectiveDate'), formatDay(settings.effectiveDate)],
    [t('campaign.validUntil'), formatDay(settings.validUntil)],
    [
      t('document.termsVersion'),
      settings.termsVersionId
        ? String(terms.find((version) => version.id === settings.termsVersionId)?.version ?? '—')
        : t('campaign.termsInForce'),
    ],
  ];
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Stack gap={0} key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
};

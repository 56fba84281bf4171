import { Badge, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useServices } from '../api/queries.ts';
import { useCanWrite } from '../auth/session.tsx';
import { recurrenceKey } from '../documents/labels.ts';
import { formatCents, formatRate } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { RevalueButton } from './revalue-button.tsx';
import { ServiceFormButton } from './service-form-button.tsx';

/** The firm's priced missions, and the coefficient applied to the whole catalogue (R-D4). */
export const CataloguePage = () => {
  const t = useT();
  const canWrite = useCanWrite();
  const [archived, setArchived] = useState(false);
  const services = useServices(archived);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('catalogue.title')}</Title>
        {canWrite && (
          <Group>
            <ServiceFormButton />
            <RevalueButton />
          </Group>
        )}
      </Group>
      <Switch
        label={t('catalogue.showArchived')}
        checked={archived}
        onChange={(event) => setArchived(event.currentTarget.checked)}
      />
      <QueryState query={services}>
        {(items) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label={t('catalogue.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.code')}</Table.Th>
                  <Table.Th>{t('line.label')}</Table.Th>
                  <Table.Th>{t('catalogue.domain')}</Table.Th>
                  <Table.Th>{t('line.recurrence')}</Table.Th>
                  <Table.Th>{t('catalogue.pricing')}</Table.Th>
                  <Table.Th ta="right">{t('catalogue.price')}</Table.Th>
                  <Table.Th>{t('line.vat')}</Table.Th>
                  {canWrite && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((service) => (
                  <Table.Tr key={service.id}>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {service.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {service.label}{' '}
                      {service.archivedAt && (
                        <Badge size="xs" color="gray">
                          {t('catalogue.archived')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`domain.${service.domain}` as MessageKey)}</Table.Td>
                    <Table.Td>{t(recurrenceKey(service.recurrence))}</Table.Td>
                    <Table.Td>{t(`pricing.${service.pricingMode}` as MessageKey)}</Table.Td>
                    <Table.Td ta="right">
                      {formatCents(service.priceCents)}
                      {service.unitLabel ? ` ${service.unitLabel}` : ''}
                    </Table.Td>
                    <Table.Td>{formatRate(service.vatRateBp)}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <ServiceFormButton service={service} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
};

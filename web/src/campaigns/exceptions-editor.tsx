import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useEngagements } from '../api/queries.ts';
import type { EngagementView, Service } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { type ExceptionDraft, newException } from './settings-draft.ts';

/** A client of the firm, found by its name (the API searches the clients, 20 at a time). */
const ClientPicker = ({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (id: string) => void;
  label: string;
}) => {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useEngagements({ state: 'client', search: debounced || undefined, page: 1, pageSize: 20 });
  const chosen = useQuery({
    enabled: Boolean(value),
    queryKey: ['engagement', value],
    queryFn: () => api<EngagementView>(`/engagements/${value}`),
  });
  const data = (found.data?.items ?? []).map((item) => ({ value: item.id, label: item.companyName }));
  if (value && chosen.data && !data.some((item) => item.value === value))
    data.unshift({ value, label: chosen.data.company.name });
  return (
    <Select
      label={label}
      placeholder={t('campaign.findClient')}
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('campaign.noClientFound')}
      miw={220}
      style={{ flex: 1 }}
    />
  );
};

type Props = {
  exceptions: ExceptionDraft[];
  onChange: (exceptions: ExceptionDraft[]) => void;
  services: Service[];
  errors: Record<string, string>;
};

/** R-D3: a client with another coefficient, with prices set by hand, or left out of the campaign. */
export const ExceptionsEditor = ({ exceptions, onChange, services, errors }: Props) => {
  const t = useT();
  const update = (key: string, changes: Partial<ExceptionDraft>) =>
    onChange(exceptions.map((e) => (e.key === key ? { ...e, ...changes } : e)));
  const serviceData = services.map((service) => ({ value: service.id, label: service.label }));
  return (
    <Fieldset legend={t('campaign.exceptions')}>
      <Stack gap="md">
        {exceptions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('campaign.noExceptions')}
          </Text>
        )}
        {exceptions.map((exception, index) => {
          const n = index + 1;
          const error = (field: string) => errors[`settings.exceptions.${index}.${field}`];
          return (
            <Stack key={exception.key} gap="xs" data-testid={`exception-${n}`}>
              <Group align="flex-end" gap="sm">
                <ClientPicker
                  value={exception.engagementId}
                  label={t('campaign.exceptionClient', { n })}
                  onChange={(engagementId) => update(exception.key, { engagementId })}
                />
                <NativeSelect
                  label={t('campaign.exceptionAction', { n })}
                  value={exception.action}
                  onChange={(event) =>
                    update(exception.key, { action: event.currentTarget.value as ExceptionDraft['action'] })
                  }
                  data={[
                    { value: 'coefficient', label: t('campaign.exception.coefficient') },
                    { value: 'fixed_prices', label: t('campaign.exception.fixed_prices') },
                    { value: 'leave_out', label: t('campaign.exception.leave_out') },
                  ]}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('campaign.removeException', { n })}
                  onClick={() => onChange(exceptions.filter((e) => e.key !== exception.key))}
                >
                  ×
                </ActionIcon>
              </Group>
              {exception.action === 'coefficient' && (
                <TextInput
                  label={t('campaign.exceptionCoefficient', { n })}
                  value={exception.coefficient}
                  onChange={(event) => update(exception.key, { coefficient: event.currentTarget.value })}
                  error={error('coefficient')}
                  inputMode="decimal"
                  w={180}
                />
              )}
              {exception.action === 'leave_out' && (
                <TextInput
                  label={t('campaign.exceptionReason', { n })}
                  value={exception.reason}
                  onChange={(event) => update(exception.key, { reason: event.currentTarget.value })}
                  error={error('reason')}
                />
              )}
              {exception.action === 'fixed_prices' && (
                <Stack gap={6} pl="md">
                  {exception.prices.map((row, rowIndex) => (
                    <Group key={row.key} align="flex-end" gap="sm">
                      <NativeSelect
                        label={t('campaign.fixedService', { n, row: rowIndex + 1 })}
                        value={row.serviceId}
                        data={[{ value: '', label: '—' }, ...serviceData]}
                        onChange={(event) =>
                          update(exception.key, {
                            prices: exception.prices.map((p) =>
                              p.key === row.key ? { ...p, serviceId: event.currentTarget.value } : p,
                            ),
                          })
                        }
                        error={error(`prices.${rowIndex}.serviceId`)}
                        style={{ flex: 1 }}
                        miw={200}
                      />
                      <TextInput
                        label={t('campaign.fixedPrice', { n, row: rowIndex + 1 })}
                        value={row.price}
                        onChange={(event) =>
                          update(exception.key, {
                            prices: exception.prices.map((p) =>
                              p.key === row.key ? { ...p, price: event.currentTarget.value } : p,
                            ),
                          })
                        }
                        error={error(`prices.${rowIndex}.unitPriceCents`)}
                        inputMode="decimal"
                        w={140}
                      />
                    </Group>
                  ))}
                  <Button
                    variant="subtle"
                    size="xs"
                    w="fit-content"
                    onClick={() =>
                      update(exception.key, {
                        prices: [...exception.prices, { key: crypto.randomUUID(), serviceId: '', price: '' }],
                      })
                    }
                  >
                    {t('campaign.addFixedPrice')}
                  </Button>
                </Stack>
              )}
            </Stack>
          );
        })}
        <Button variant="light" w="fit-content" onClick={() => onChange([...exceptions, newException()])}>
          {t('campaign.addException')}
        </Button>
      </Stack>
    </Fieldset>
  );
};

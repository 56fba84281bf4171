import {
  Anchor,
  Badge,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { useEngagements, useUsers } from '../api/queries.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { NewEngagementButton } from './new-engagement-button.tsx';
import { StateBadge } from './state-badge.tsx';

const PAGE_SIZE = 25;

export const EngagementListPage = () => {
  const { t, language } = useI18n();
  const canWrite = useCanWrite();
  const [state, setState] = useState<'all' | 'prospect' | 'client'>('all');
  const [responsible, setResponsible] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const users = useUsers();
  const list = useEngagements({
    state: state === 'all' ? undefined : state,
    responsibleUserId: responsible ?? undefined,
    search: debounced || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('engagements.title')}</Title>
        {canWrite && <NewEngagementButton />}
      </Group>
      <Group align="end" wrap="wrap">
        <TextInput
          label={t('engagements.search')}
          placeholder={t('engagements.searchPlaceholder')}
          value={search}
          onChange={(event) => reset(setSearch)(event.currentTarget.value)}
          w={280}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="state-filter">
            {t('engagements.state')}
          </Text>
          <SegmentedControl
            aria-labelledby="state-filter"
            value={state}
            onChange={(value) => reset(setState)(value as typeof state)}
            data={[
              { value: 'all', label: t('engagements.all') },
              { value: 'prospect', label: t('state.prospect') },
              { value: 'client', label: t('state.client') },
            ]}
          />
        </Stack>
        <Select
          label={t('engagements.responsible')}
          placeholder={t('engagements.all')}
          clearable
          value={responsible}
          onChange={reset(setResponsible)}
          data={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
          w={220}
        />
      </Group>
      <QueryState query={list}>
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={700}>
              <Table striped highlightOnHover aria-label={t('engagements.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('engagements.company')}</Table.Th>
                    <Table.Th>SIREN</Table.Th>
                    <Table.Th>{t('engagements.state')}</Table.Th>
                    <Table.Th>{t('engagements.clientCode')}</Table.Th>
                    <Table.Th>{t('engagements.responsible')}</Table.Th>
                    <Table.Th>{t('engagements.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/engagements/${item.id}`}>
                          {item.companyName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{item.siren ?? '—'}</Table.Td>
                      <Table.Td>
                        <StateBadge state={item.state} />
                      </Table.Td>
                      <Table.Td>{item.clientCode ?? '—'}</Table.Td>
                      <Table.Td>{item.responsibleName}</Table.Td>
                      <Table.Td>{formatDay(String(item.updatedAt).slice(0, 10))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.items.length === 0 && <Text c="dimmed">{t('engagements.none')}</Text>}
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="engagements-count">
                {t(data.totalIsExact === false ? 'engagements.countAtLeast' : 'engagements.count', {
                  count: data.total.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB'),
                })}
              </Text>
              <Pagination
                total={Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              />
            </Group>
          </>
        )}
      </QueryState>
      {!canWrite && <Badge variant="outline">{t('common.readOnly')}</Badge>}
    </Stack>
  );
};

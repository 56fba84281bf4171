import {
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import type { CampaignView, ClientPlan, Recurrence } from '../api/types.ts';
import { recurrenceKey } from '../documents/labels.ts';
import { formatCents, formatDecimal } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { ListPages } from '../ui/list-pages.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { ConfirmCommandButton } from './confirm-command.tsx';
import { formatCoefficient, formatPercent } from './labels.ts';
import { PreviewSummary } from './preview-summary.tsx';
import { PREVIEW_PAGE_SIZE, type PreviewFilters, usePreview } from './queries.ts';

const PlanLines = ({ plan }: { plan: Extract<ClientPlan, { outcome: 'planned' }> }) => {
  const t = useT();
  return (
    <Table
      withRowBorders={false}
      verticalSpacing={2}
      fz="xs"
      aria-label={t('campaign.linesOf', { name: plan.companyName })}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('line.label')}</Table.Th>
          <Table.Th>{t('line.recurrence')}</Table.Th>
          <Table.Th ta="right">{t('campaign.unitBefore')}</Table.Th>
          <Table.Th ta="right">{t('campaign.unitAfter')}</Table.Th>
          <Table.Th>{t('campaign.pricingMode')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plan.lines.map((line) => (
          <Table.Tr key={line.lineId}>
            <Table.Td>
              {formatDecimal(line.quantity)} × {line.label}
            </Table.Td>
            <Table.Td>{t(recurrenceKey(line.recurrence as Recurrence))}</Table.Td>
            <Table.Td ta="right">{formatCents(line.beforeUnitCents)}</Table.Td>
            <Table.Td ta="right">{formatCents(line.unitPriceCents)}</Table.Td>
            <Table.Td>{t(`campaign.pricing.${line.pricing}` as MessageKey)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};

const ClientRow = ({ plan }: { plan: ClientPlan }) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const planned = plan.outcome === 'planned' ? plan : null;
  return (
    <Fragment>
      <Table.Tr data-testid="plan-row">
        <Table.Td>
          {planned ? (
            <UnstyledButton onClick={() => setOpen((value) => !value)} aria-expanded={open} fw={500} fz="sm">
              <span aria-hidden>{open ? '▾' : '▸'}</span> {plan.companyName}
            </UnstyledButton>
          ) : (
            <Text size="sm" fw={500}>
              {plan.companyName}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {[plan.clientCode, plan.siren].filter(Boolean).join(' · ')}
          </Text>
        </Table.Td>
        <Table.Td ta="right">{formatCents(plan.annualBeforeCents)}</Table.Td>
        {plan.outcome === 'planned' ? (
          <>
            <Table.Td ta="right">{formatCents(plan.annualAfterCents)}</Table.Td>
            <Table.Td ta="right">{formatPercent(plan.changePercent)}</Table.Td>
            <Table.Td>
              {formatCoefficient(plan.coefficient)}
              {plan.exception && (
                <Badge size="xs" variant="light" ml={6}>
                  {t(`campaign.exception.${plan.exception}` as MessageKey)}
                </Badge>
              )}
            </Table.Td>
          </>
        ) : (
          <Table.Td colSpan={3}>
            <Badge size="sm" color="gray" variant="light">
              {t(`campaign.skip.${plan.reason}` as MessageKey)}
            </Badge>
            {plan.detail && (
              <Text size="xs" c="dimmed">
                {plan.detail}
              </Text>
            )}
          </Table.Td>
        )}
      </Table.Tr>
      {planned && open && (
        <Table.Tr>
          <Table.Td colSpan={5} bg="var(--mantine-color-gray-0)">
            <PlanLines plan={planned} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
};

/** Step 2, « Aperçu »: the before and after of every selected client, and the campaign's totals. */
export const PreviewStep = ({ campaign, actions }: { campaign: CampaignView; actions?: React.ReactNode }) => {
  const t = useT();
  const [outcome, setOutcome] = useState<'' | 'planned' | 'skipped'>('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const filters: PreviewFilters = {
    page,
    outcome: outcome || undefined,
    search: debounced.trim() || undefined,
  };
  const preview = usePreview(campaign.id, campaign.version, filters);
  return (
    <QueryState query={preview}>
      {(data) => (
        <Stack>
          <PreviewSummary summary={data.summary} />
          <Group justify="space-between" align="flex-end">
            <Title order={3} size="h4">
              {t('campaign.clientsTitle')}
            </Title>
            <Anchor href={`/api/v1/campaigns/${campaign.id}/preview.csv`} download size="sm">
              {t('campaign.downloadCsv')}
            </Anchor>
          </Group>
          <Group align="flex-end">
            <SegmentedControl
              aria-label={t('campaign.outcomeFilter')}
              value={outcome}
              onChange={(value) => {
                setOutcome(value as typeof outcome);
                setPage(1);
              }}
              data={[
                { value: '', label: t('campaign.outcome.all') },
                { value: 'planned', label: t('campaign.outcome.planned') },
                { value: 'skipped', label: t('campaign.outcome.skipped') },
              ]}
            />
            <TextInput
              label={t('campaign.searchClient')}
              value={search}
              onChange={(event) => {
                setSearch(event.currentTarget.value);
                setPage(1);
              }}
              w={240}
            />
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('campaign.clientsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaign.client')}</Table.Th>
                  <Table.Th ta="right">{t('campaign.before')}</Table.Th>
                  <Table.Th ta="right">{t('campaign.after')}</Table.Th>
                  <Table.Th ta="right">{t('campaign.change')}</Table.Th>
                  <Table.Th>{t('catalogue.coefficient')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.clients.items.map((plan) => (
                  <ClientRow key={plan.engagementId} plan={plan} />
                ))}
                {data.clients.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text size="sm" c="dimmed">
                        {t('campaign.noClients')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListPages total={data.clients.total} pageSize={PREVIEW_PAGE_SIZE} page={page} onChange={setPage} />
          {actions}
        </Stack>
      )}
    </QueryState>
  );
};

type GenerateProps = { campaign: CampaignView; onClick: () => void; loading: boolean; onEdit: () => void };

/** Generating, after a dialog with the letters it makes and the clients it leaves out (issue 18). */
export const GenerateButton = ({ campaign, onClick, loading, onEdit }: GenerateProps) => {
  const t = useT();
  // The same query as the preview's first page: already in the cache.
  const summary = usePreview(campaign.id, campaign.version, { page: 1 }).data?.summary;
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onEdit}>
        {t('campaign.editSettings')}
      </Button>
      <ConfirmCommandButton
        label={t('campaign.generate')}
        title={t('campaign.confirmGenerateTitle')}
        body={t('campaign.confirmGenerateBody')}
        counts={[
          { label: t('campaign.countToGenerate'), value: summary?.planned },
          { label: t('campaign.countExcluded'), value: summary?.skipped },
        ]}
        confirmLabel={t('campaign.confirmGenerate')}
        loading={loading}
        onConfirm={onClick}
      />
    </Group>
  );
};

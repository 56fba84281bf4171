import { Anchor, Badge, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CampaignItemStatus, CampaignView, DocumentStatus } from '../api/types.ts';
import { STATUS_COLORS, statusKey } from '../documents/labels.ts';
import { formatCents, formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ListPages } from '../ui/list-pages.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { useCampaignItems } from './queries.ts';
import { SignLettersButton } from './sign-letters-button.tsx';

/** The schema gives the document's status as a string: it is one of the document statuses. */
const DocumentStatusBadge = ({ status }: { status: DocumentStatus }) => {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLORS[status] ?? 'gray'}>
      {t(statusKey(status))}
    </Badge>
  );
};

const STATUSES = ['draft', 'sent', 'signed', 'refused', 'expired', 'cancelled'] as const;

const Figure = ({ label, value, testId }: { label: string; value: string | number; testId: string }) => (
  <Card withBorder padding="sm">
    <Text size="sm" c="dimmed">
      {label}
    </Text>
    <Text fz={22} fw={700} data-testid={testId}>
      {value}
    </Text>
  </Card>
);

/** The letters of one item status, with a link to each (the failures say what the letter lacks). */
export const ItemsTable = ({
  campaign,
  status,
  title,
}: {
  campaign: CampaignView;
  status: CampaignItemStatus;
  title: string;
}) => {
  const t = useT();
  const [page, setPage] = useState(1);
  const items = useCampaignItems(campaign.id, status, page);
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <QueryState query={items}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('campaign.noItems')}
            </Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={520}>
                <Table striped aria-label={title} data-testid={`items-${status}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('campaign.client')}</Table.Th>
                      <Table.Th>{t('campaign.letter')}</Table.Th>
                      <Table.Th ta="right">{t('campaign.after')}</Table.Th>
                      <Table.Th>
                        {status === 'send_failed' ? t('campaign.missing') : t('campaign.documentStatus')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((item) => (
                      <Table.Tr key={item.engagementId}>
                        <Table.Td>{item.companyName}</Table.Td>
                        <Table.Td>
                          {item.documentId ? (
                            <Anchor component={Link} to={`/documents/${item.documentId}`} size="sm">
                              {item.documentNumber ?? t('campaign.openLetter')}
                            </Anchor>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          {item.annualAfterCents === null ? '—' : formatCents(item.annualAfterCents)}
                        </Table.Td>
                        <Table.Td>
                          {status === 'send_failed' ? (
                            item.sendProblem?.missing?.length ? (
                              <List size="xs">
                                {item.sendProblem.missing.map((missing) => (
                                  <List.Item key={missing}>{missing}</List.Item>
                                ))}
                              </List>
                            ) : (
                              <Text size="xs">{item.sendProblem?.code}</Text>
                            )
                          ) : item.documentStatus ? (
                            <DocumentStatusBadge status={item.documentStatus as DocumentStatus} />
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListPages total={data.total} pageSize={data.pageSize} page={page} onChange={setPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
};

/** Step 5, « Suivi »: the letters by status, the fees secured, the failures to complete, the refusals. */
export const FollowStep = ({ campaign }: { campaign: CampaignView }) => {
  const t = useT();
  const { followUp, progress } = campaign;
  return (
    <Stack>
      <SignLettersButton campaignId={campaign.id} />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        {STATUSES.map((status) => (
          <Figure
            key={status}
            label={t(statusKey(status))}
            value={followUp.byStatus[status]}
            testId={`follow-${status}`}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Figure
          label={t('campaign.annualBefore')}
          value={formatCents(followUp.annualBeforeCents)}
          testId="follow-before"
        />
        <Figure
          label={t('campaign.annualAfter')}
          value={formatCents(followUp.annualAfterCents)}
          testId="follow-after"
        />
        <Figure
          label={t('campaign.feesSecured')}
          value={formatCents(followUp.feesSecuredCents)}
          testId="follow-secured"
        />
        <Figure
          label={t('campaign.feesPending')}
          value={formatCents(followUp.feesPendingCents)}
          testId="follow-pending"
        />
      </SimpleGrid>
      {progress.sendFailed > 0 && (
        <ItemsTable campaign={campaign} status="send_failed" title={t('campaign.sendFailures')} />
      )}
      <Stack gap="xs" component="section" aria-labelledby="refusals-title">
        <Title order={3} size="h5" id="refusals-title">
          {t('campaign.refusals')}
        </Title>
        {followUp.refusals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('campaign.noRefusals')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {followUp.refusals.map((refusal) => (
              <List.Item key={refusal.documentId}>
                <Anchor component={Link} to={`/documents/${refusal.documentId}`} size="sm">
                  {refusal.companyName} — {refusal.number}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {formatInstant(refusal.refusedAt)}
                </Text>
                <Text size="sm">{refusal.reason ?? t('campaign.noReason')}</Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <ItemsTable campaign={campaign} status="sent" title={t('campaign.sentLetters')} />
    </Stack>
  );
};

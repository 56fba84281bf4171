import { Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTerms } from '../api/queries.ts';
import { useCanWrite } from '../auth/session.tsx';
import { NoticeTerminationLink } from '../billing/notice-termination-link.tsx';
import { formatCents, formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ListPages } from '../ui/list-pages.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { useNoticeDeadlines, useOutdatedTerms } from './queries.ts';

const DAY_CHOICES = ['30', '60', '90', '180', '365'];

const NoticeDeadlines = () => {
  const t = useT();
  const [days, setDays] = useState('90');
  const [page, setPage] = useState(1);
  const deadlines = useNoticeDeadlines(Number(days), { page });
  return (
    <Card withBorder component="section" aria-labelledby="deadlines-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={3} size="h4" id="deadlines-title">
          {t('renewals.deadlines')}
        </Title>
        <NativeSelect
          label={t('renewals.within')}
          value={days}
          onChange={(event) => {
            setDays(event.currentTarget.value);
            setPage(1);
          }}
          data={DAY_CHOICES.map((value) => ({ value, label: t('renewals.days', { days: value }) }))}
          w={160}
        />
      </Group>
      <QueryState query={deadlines}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('renewals.noDeadlines', { days })}
            </Text>
          ) : (
            <Stack gap="xs">
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-label={t('renewals.deadlines')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('campaign.client')}</Table.Th>
                      <Table.Th>{t('campaign.letter')}</Table.Th>
                      <Table.Th>{t('renewals.noticeDeadline')}</Table.Th>
                      <Table.Th>{t('renewals.periodEnd')}</Table.Th>
                      <Table.Th ta="right">{t('renewals.annualFees')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((item) => (
                      <Table.Tr key={item.letterId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/engagements/${item.engagementId}`} size="sm">
                            {item.companyName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={0}>
                            <Anchor component={Link} to={`/documents/${item.letterId}`} size="sm">
                              {item.letterNumber}
                            </Anchor>
                            <NoticeTerminationLink letterId={item.letterId} endDate={item.endDate} />
                          </Stack>
                        </Table.Td>
                        <Table.Td>{formatDay(item.noticeDeadline)}</Table.Td>
                        <Table.Td>{formatDay(item.periodEnd)}</Table.Td>
                        <Table.Td ta="right">{formatCents(item.annualFeesCents)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListPages {...data} onChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
};

const OutdatedTermsCard = () => {
  const t = useT();
  const terms = useTerms();
  const [below, setBelow] = useState('');
  const [page, setPage] = useState(1);
  const outdated = useOutdatedTerms(below ? Number(below) : undefined, page);
  const versions = (terms.data ?? []).toSorted((a, b) => a.version - b.version);
  return (
    <Card withBorder component="section" aria-labelledby="outdated-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={3} size="h4" id="outdated-title">
          {t('renewals.outdated')}
        </Title>
        <NativeSelect
          label={t('renewals.olderThan')}
          value={below}
          onChange={(event) => {
            setBelow(event.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: t('renewals.currentVersion') },
            ...versions.map((version) => ({
              value: String(version.version),
              label: String(version.version),
            })),
          ]}
          w={200}
        />
      </Group>
      <QueryState query={outdated}>
        {(data) => (
          <Stack gap="xs">
            {data.currentVersion !== null && (
              <Text size="sm" c="dimmed">
                {t('renewals.currentIs', { version: data.currentVersion })}
              </Text>
            )}
            {data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('renewals.noneOutdated')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table striped aria-label={t('renewals.outdated')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('campaign.client')}</Table.Th>
                      <Table.Th>{t('campaign.letter')}</Table.Th>
                      <Table.Th ta="right">{t('renewals.termsVersion')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((item) => (
                      <Table.Tr key={item.letterId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/engagements/${item.engagementId}`} size="sm">
                            {item.companyName}
                          </Anchor>
                          {item.clientCode && (
                            <Text span size="xs" c="dimmed" ml={6}>
                              {item.clientCode}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/documents/${item.letterId}`} size="sm">
                            {item.letterNumber}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">{item.termsVersion ?? t('renewals.noTerms')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <ListPages {...data} onChange={setPage} />
          </Stack>
        )}
      </QueryState>
    </Card>
  );
};

/** /renouvellements — what is due for renewal: notice deadlines soon, letters on older terms (R-D6). */
export const RenewalsPage = () => {
  const t = useT();
  const canWrite = useCanWrite();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('renewals.title')}</Title>
        {canWrite && (
          <Button component={Link} to="/campagnes/nouvelle" variant="light">
            {t('campaign.new')}
          </Button>
        )}
      </Group>
      <NoticeDeadlines />
      <OutdatedTermsCard />
    </Stack>
  );
};

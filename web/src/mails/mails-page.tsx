import { Alert, Anchor, Grid, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client.ts';
import type { MailPage } from '../api/types.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ListPages } from '../ui/list-pages.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { MailReader } from './mail-reader.tsx';
import { MailStatusBadge } from './mail-status.tsx';

const PAGE_SIZE = 25;

/**
 * « Courriels »: every mail the firm sent or would send. Without an SMTP server they stay here, in
 * the outbox, and the firm reads them (and their links) in the product.
 */
export const MailsPage = () => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const documentId = params.get('documentId') ?? undefined;
  const selected = params.get('id');
  const mails = useQuery({
    queryKey: ['mails', page, documentId],
    queryFn: () => api<MailPage>(`/mails${query({ page, pageSize: PAGE_SIZE, documentId })}`),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes))
      if (value === null) next.delete(key);
      else next.set(key, value);
    setParams(next);
  };
  return (
    <Stack>
      <Title order={2}>{t('mail.title')}</Title>
      {documentId && (
        <Group gap="xs">
          <Text size="sm">{t('mail.filteredByDocument')}</Text>
          <Anchor component={Link} to={`/documents/${documentId}`} size="sm">
            {t('mail.openDocument')}
          </Anchor>
          <Anchor component="button" size="sm" onClick={() => set({ documentId: null, page: null })}>
            {t('mail.showAll')}
          </Anchor>
        </Group>
      )}
      <QueryState query={mails}>
        {(data) => (
          <>
            {data.items.some((mail) => mail.status === 'outbox') && (
              <Alert color="blue" title={t('mail.outboxTitle')}>
                {/* Only an associé reads a signer's link or code: the others are not told to pass it on. */}
                {t(isAssocie ? 'mail.outboxText' : 'mail.outboxTextStaff')}
              </Alert>
            )}
            <Grid>
              {/* Side by side on wide screens only; narrower, the mail opens above the list. */}
              <Grid.Col span={{ base: 12, xl: selected ? 5 : 12 }} order={{ base: 2, xl: 1 }}>
                <Stack>
                  {/* On a phone the table scrolls sideways rather than squeezing the subject to a word a line. */}
                  <Table.ScrollContainer minWidth={720}>
                    <Table aria-label={t('mail.title')} highlightOnHover>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('mail.date')}</Table.Th>
                          <Table.Th>{t('mail.to')}</Table.Th>
                          <Table.Th>{t('mail.subject')}</Table.Th>
                          <Table.Th>{t('mail.status')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.items.map((mail) => (
                          <Table.Tr
                            key={mail.id}
                            bg={mail.id === selected ? 'var(--mantine-color-grape-0)' : undefined}
                          >
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>
                              {formatInstant(mail.createdAt)}
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{mail.toName}</Text>
                              <Text size="xs" c="dimmed">
                                {mail.toAddress}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <UnstyledButton
                                onClick={() => set({ id: mail.id })}
                                aria-current={mail.id === selected ? 'true' : undefined}
                              >
                                <Text size="sm" c="grape.8" td="underline">
                                  {mail.subject}
                                </Text>
                              </UnstyledButton>
                            </Table.Td>
                            <Table.Td miw={130}>
                              <MailStatusBadge status={mail.status} />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  {data.items.length === 0 && <Text c="dimmed">{t('mail.none')}</Text>}
                  <ListPages
                    total={data.total}
                    pageSize={PAGE_SIZE}
                    page={page}
                    onChange={(next) => set({ page: String(next) })}
                  />
                </Stack>
              </Grid.Col>
              {selected && (
                <Grid.Col span={{ base: 12, xl: 7 }} order={{ base: 1, xl: 2 }}>
                  <MailReader id={selected} onClose={() => set({ id: null })} />
                </Grid.Col>
              )}
            </Grid>
          </>
        )}
      </QueryState>
    </Stack>
  );
};

import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCanWrite } from '../auth/session.tsx';
import { formatCents, formatDay, formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { statusKey } from './labels.ts';
import { useCampaigns } from './queries.ts';

/** /campagnes — the renewal campaigns of the firm (R-D5), newest first. */
export const CampaignsPage = () => {
  const t = useT();
  const canWrite = useCanWrite();
  const campaigns = useCampaigns();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('campaign.title')}</Title>
        {canWrite && (
          <Button component={Link} to="/campagnes/nouvelle">
            {t('campaign.new')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" maw={720}>
        {t('campaign.intro')}
      </Text>
      <QueryState query={campaigns}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('campaign.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={680}>
              <Table striped aria-label={t('campaign.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('campaign.name')}</Table.Th>
                    <Table.Th>{t('campaign.statusLabel')}</Table.Th>
                    <Table.Th>{t('document.effectiveDate')}</Table.Th>
                    <Table.Th ta="right">{t('campaign.letterCount')}</Table.Th>
                    <Table.Th ta="right">{t('campaign.feesSecured')}</Table.Th>
                    <Table.Th>{t('campaign.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((campaign) => (
                    <Table.Tr key={campaign.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/campagnes/${campaign.id}`} size="sm">
                          {campaign.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" size="sm">
                          {t(statusKey(campaign.status))}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDay(campaign.settings.effectiveDate)}</Table.Td>
                      <Table.Td ta="right">{campaign.progress.total || '—'}</Table.Td>
                      <Table.Td ta="right">{formatCents(campaign.followUp.feesSecuredCents)}</Table.Td>
                      <Table.Td>{formatInstant(campaign.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
};

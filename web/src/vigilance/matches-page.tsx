import { Anchor, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useIsAssocie } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { QueryList } from '../ui/query-state.tsx';
import { vigilanceTabPath } from './client-link.tsx';
import { MatchItem } from './match-card.tsx';
import { useOpenMatches } from './queries.ts';
import { RegisterCard } from './register-card.tsx';
import type { OpenMatch } from './types.ts';

/** One match of the firm's list, with its client and the person's birth date (sent with the list). */
const FirmMatch = ({ match }: { match: OpenMatch }) => (
  <MatchItem
    match={match}
    birthDate={match.personBirthDate}
    client={
      <Anchor component={Link} to={vigilanceTabPath(match.engagementId)} size="sm">
        {match.companyName}
      </Anchor>
    }
  />
);

/**
 * « Correspondances à lever » (R-F5): the possible matches with the asset-freeze register no associé
 * decided yet, each cleared or confirmed with a reason; and the register's import.
 */
export const VigilanceMatchesPage = () => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const matches = useOpenMatches();
  return (
    <Stack>
      <Title order={2}>{t('vigilance.matchesPage')}</Title>
      {!isAssocie ? (
        <Text size="sm" c="dimmed">
          {t('vigilance.matchesAssocieOnly')}
        </Text>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder component="section" aria-label={t('vigilance.matchesPage')}>
              <QueryList
                query={matches}
                empty={t('vigilance.noMatches')}
                emptyTestId="vigilance-matches-empty"
              >
                {(items) => (
                  <Stack>
                    {items.map((match) => (
                      <FirmMatch key={match.id} match={match} />
                    ))}
                  </Stack>
                )}
              </QueryList>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <RegisterCard />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
};

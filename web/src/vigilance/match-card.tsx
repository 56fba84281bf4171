import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useIsAssocie } from '../auth/session.tsx';
import { formatDay, formatInstant } from '../format.ts';
import { type Translate, useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { useMatchDecision, useUserNames } from './queries.ts';
import type { Match, VigilanceFile } from './types.ts';

type Identification = NonNullable<VigilanceFile['file']['identification']>;

/** The persons a file names (the client, its representatives, its beneficial owners), by id. */
export const personsOf = (identification: Identification | null | undefined) =>
  identification
    ? [
        ...(identification.person ? [identification.person] : []),
        ...identification.representatives,
        ...identification.beneficialOwners,
      ]
    : [];

const STATUS_COLOR = { open: 'orange', cleared: 'teal', confirmed: 'red' } as const;

/** 0.934 → "93 %" (the similarity of the two names, R-F5). */
const percent = (score: number) => `${Math.round(score * 100)}\u202f%`;

type RegisterBirthDate = Match['entryBirthDates'][number];
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** A register's birth date as it gives it: « né(e) le 12/03/1970 », « en 03/1970 », « en 1970 ». */
const registerBorn = (t: Translate, { year, month, day }: RegisterBirthDate) =>
  month && day
    ? t('vigilance.match.bornOn', { date: `${twoDigits(day)}/${twoDigits(month)}/${year}` })
    : t('vigilance.match.bornIn', { date: month ? `${twoDigits(month)}/${year}` : String(year) });

/** The two birth dates the associé compares: the file's person's, and the register entry's. */
const birthLines = (t: Translate, birthDate: string | null | undefined, entryDates: RegisterBirthDate[]) => ({
  file: t('vigilance.match.fileBirth', {
    birth: birthDate
      ? t('vigilance.match.bornOn', { date: formatDay(birthDate) })
      : t('vigilance.match.birthNotGiven'),
  }),
  register: t('vigilance.match.registerBirth', {
    birth:
      entryDates.length > 0
        ? entryDates.map((date) => registerBorn(t, date)).join(` ${t('vigilance.match.bornOr')} `)
        : t('vigilance.match.birthNotGiven'),
  }),
});

/**
 * R-F5: one possible match, the register's entry against the file's person (name, birth dates side
 * by side, whether they agree, similarity); an associé clears it (not the same person) or confirms
 * it, always with a reason. Others see its state only.
 */
export const MatchItem = ({
  match,
  birthDate,
  client,
}: {
  match: Match;
  birthDate: string | null | undefined;
  /** The client's link, on the firm's list (the tab needs none). */
  client?: ReactNode;
}) => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const nameOf = useUserNames();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const decide = useMatchDecision(match);
  const submit = (decision: 'cleared' | 'confirmed') => {
    if (reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    decide.mutate({ decision, reason });
  };
  const agreement = match.birthDateAgrees === null ? 'unknown' : match.birthDateAgrees ? 'agrees' : 'differs';
  const births = birthLines(t, birthDate, match.entryBirthDates);
  const label = t('vigilance.match.label', { person: match.personName, entry: match.matchedName });
  return (
    <Paper withBorder p="sm" role="group" aria-label={label} data-testid="vigilance-match">
      <Stack gap="xs">
        {client}
        <Group justify="space-between" wrap="nowrap">
          <Text fw={500} size="sm">
            {label}
          </Text>
          <Badge color={STATUS_COLOR[match.status]} variant="light">
            {t(`vigilance.match.status.${match.status}`)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('vigilance.match.person')}
            </Text>
            <Text size="sm">{match.personName}</Text>
            <Text size="sm">{births.file}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('vigilance.match.entry', { id: match.entryId })}
            </Text>
            <Text size="sm">{match.matchedName}</Text>
            <Text size="sm">{births.register}</Text>
            <Text size="sm">{t(`vigilance.match.birth.${agreement}`)}</Text>
          </Stack>
        </SimpleGrid>
        <Text size="sm">
          {t('vigilance.match.similarity', { score: percent(match.score) })} ·{' '}
          {t('vigilance.match.foundOn', { date: formatInstant(match.foundAt) })}
        </Text>
        {match.status !== 'open' ? (
          <Text size="sm" data-testid="vigilance-match-decision">
            {t('vigilance.match.decided', {
              who: nameOf(match.decidedBy) ?? '—',
              date: formatInstant(match.decidedAt),
            })}
            {match.reason ? ` — ${match.reason}` : ''}
          </Text>
        ) : isAssocie ? (
          <>
            <Textarea
              label={t('vigilance.match.reason')}
              description={t('vigilance.match.reasonHint')}
              required
              autosize
              minRows={2}
              value={reason}
              error={missingReason && reason.trim() === '' ? t('vigilance.match.reasonRequired') : undefined}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {decide.error && <ProblemText error={decide.error} />}
            <Group justify="end">
              <Button
                variant="light"
                color="red"
                loading={decide.isPending && decide.variables?.decision === 'confirmed'}
                disabled={decide.isPending}
                onClick={() => submit('confirmed')}
              >
                {t('vigilance.match.confirm')}
              </Button>
              <Button
                loading={decide.isPending && decide.variables?.decision === 'cleared'}
                disabled={decide.isPending}
                onClick={() => submit('cleared')}
              >
                {t('vigilance.match.clear')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c="orange.9">
            {t('vigilance.match.awaitingAssocie')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
};

/** R-F5: the file's screening matches on the engagement's tab, the undecided first. */
export const MatchesCard = ({ data }: { data: VigilanceFile }) => {
  const t = useT();
  if (data.matches.length === 0) return null;
  const persons = personsOf(data.file.identification);
  const ordered = [...data.matches].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  return (
    <Card withBorder component="section" aria-labelledby="vigilance-matches-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="vigilance-matches-title">
          {t('vigilance.matches')}
        </Title>
        {ordered.map((match) => (
          <MatchItem
            key={match.id}
            match={match}
            birthDate={persons.find((p) => p.id === match.personId)?.birthDate}
          />
        ))}
      </Stack>
    </Card>
  );
};

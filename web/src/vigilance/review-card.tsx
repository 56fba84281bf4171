import { Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay, todayInParis } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { useFileChange } from './queries.ts';
import type { VigilanceFile } from './types.ts';

/**
 * R-F4: the file's reviews (the periodic one, those an amendment or a replacement letter asked for)
 * and the review done, recorded with an optional note: the next one is set from the firm's periods.
 */
export const ReviewCard = ({ data }: { data: VigilanceFile }) => {
  const t = useT();
  const canWrite = useCanWrite();
  const [note, setNote] = useState('');
  const record = useFileChange<{ note: string | null }>(data.file.engagementId, 'reviews', 'POST');
  const { file } = data;
  const today = todayInParis();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ note: note.trim() === '' ? null : note }, { onSuccess: () => setNote('') });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="vigilance-review-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="vigilance-review-title">
          {t('vigilance.review.title')}
        </Title>
        <Text size="sm">
          {t('vigilance.review.last', { date: formatDay(file.lastReviewedOn) })}
          {' · '}
          <span data-testid="vigilance-next-review">
            {t('vigilance.nextReview', { date: formatDay(file.nextReviewDue) })}
          </span>
        </Text>
        {data.reviews.length > 0 && (
          <List size="sm" spacing={2} data-testid="vigilance-open-reviews">
            {data.reviews.map((review) => (
              <List.Item key={review.id} c={review.dueOn < today ? 'red.8' : undefined}>
                {t(`vigilance.review.reason.${review.reason}`)} —{' '}
                {t(review.dueOn < today ? 'vigilance.review.overdueSince' : 'vigilance.review.dueOn', {
                  date: formatDay(review.dueOn),
                })}
              </List.Item>
            ))}
          </List>
        )}
        {!file.assessment ? (
          <Text size="sm" c="dimmed">
            {t('vigilance.review.needsAssessment')}
          </Text>
        ) : (
          canWrite && (
            <>
              <Textarea
                label={t('vigilance.review.note')}
                autosize
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              {record.error && <ProblemText error={record.error} />}
              <Group justify="end">
                <Button type="submit" variant="light" loading={record.isPending}>
                  {t('vigilance.review.record')}
                </Button>
              </Group>
            </>
          )
        )}
      </Stack>
    </Card>
  );
};

import { Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useIsAssocie } from '../auth/session.tsx';
import { formatDay, formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { useFileChange, useUserNames } from './queries.ts';
import type { VigilanceFile } from './types.ts';

const LEVEL_COLOR = { simplified: 'teal', standard: 'blue', enhanced: 'red' } as const;

/** R-F3: an associé approves an enhanced file, with a note on the origin of the funds. */
const ApprovalForm = ({ data }: { data: VigilanceFile }) => {
  const t = useT();
  const [origin, setOrigin] = useState('');
  const approve = useFileChange<{ originOfFunds: string }>(data.file.engagementId, 'approval', 'POST');
  return (
    <Stack gap="xs">
      <Textarea
        label={t('vigilance.originOfFunds')}
        autosize
        minRows={2}
        value={origin}
        onChange={(e) => setOrigin(e.currentTarget.value)}
      />
      {approve.error && <ProblemText error={approve.error} />}
      <Group justify="end">
        <Button
          color="red"
          loading={approve.isPending}
          onClick={() => approve.mutate({ originOfFunds: origin })}
        >
          {t('vigilance.approve')}
        </Button>
      </Group>
    </Stack>
  );
};

/** Where the file stands: complete or what is missing, its vigilance level, its next review. */
export const FileStateCard = ({ data }: { data: VigilanceFile }) => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const nameOf = useUserNames();
  const { file } = data;
  const approved = file.approval !== null && file.approval.assessmentVersion === file.assessmentVersion;
  return (
    <Card withBorder component="section" aria-labelledby="vigilance-state-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="vigilance-state-title">
            {t('vigilance.state')}
          </Title>
          {file.level && (
            <Badge color={LEVEL_COLOR[file.level]} data-testid="vigilance-level">
              {t(`vigilance.level.${file.level}`)}
            </Badge>
          )}
        </Group>
        {file.purgedAt && (
          <Text size="sm" c="dimmed" data-testid="vigilance-purged">
            {t('vigilance.purgedBy', {
              who: nameOf(file.purgedBy) ?? '—',
              date: formatInstant(file.purgedAt),
            })}
            {file.purgeReason ? ` — ${file.purgeReason}` : ''}
          </Text>
        )}
        {!data.controlsEnabled && (
          <Text size="sm" c="dimmed">
            {t('vigilance.gateOff')}
          </Text>
        )}
        {data.blockers.length === 0 ? (
          <Text size="sm" c="teal" data-testid="vigilance-complete">
            {t('vigilance.complete')}
          </Text>
        ) : (
          <List size="sm" spacing={2} c="orange.9" data-testid="vigilance-blockers">
            {data.blockers.map((item) => (
              <List.Item key={item.code}>{item.message}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{t('vigilance.nextReview', { date: formatDay(file.nextReviewDue) })}</Text>
        {file.level === 'enhanced' &&
          (approved && file.approval ? (
            <Stack gap={0} data-testid="vigilance-approval">
              <Text size="sm" c="teal.8">
                {t('vigilance.approvedBy', {
                  who: nameOf(file.approval.approvedBy) ?? '—',
                  date: formatInstant(file.approval.approvedAt),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('common.labelValue', {
                  label: t('vigilance.originOfFunds'),
                  value: file.approval.originOfFunds,
                })}
              </Text>
            </Stack>
          ) : isAssocie ? (
            <ApprovalForm data={data} />
          ) : (
            <Text size="sm" c="orange.9">
              {t('vigilance.awaitingApproval')}
            </Text>
          ))}
      </Stack>
    </Card>
  );
};

import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { DocumentListItem, EngagementView } from '../api/types.ts';
import { useCanWrite } from '../auth/session.tsx';
import { ConvertButton } from './convert-button.tsx';
import { NewDocumentMenu } from './new-document-menu.tsx';
import { RenameButton } from './rename-button.tsx';
import { StateBadge } from './state-badge.tsx';

export const EngagementHeader = ({
  view,
  documents,
}: {
  view: EngagementView;
  documents: DocumentListItem[];
}) => {
  const canWrite = useCanWrite();
  const { engagement } = view;
  return (
    <Group justify="space-between" align="start">
      <Stack gap={4}>
        <Title order={2}>{view.company.name}</Title>
        <Group gap="xs">
          <StateBadge state={engagement.state} />
          {engagement.clientCode && (
            <Badge variant="outline" data-testid="client-code">
              {engagement.clientCode}
            </Badge>
          )}
          <Text size="sm" c="dimmed" data-testid="engagement-title">
            {engagement.title}
          </Text>
          {canWrite && <RenameButton engagement={engagement} />}
        </Group>
      </Stack>
      {canWrite && (
        <Group>
          {engagement.state === 'prospect' && <ConvertButton engagement={engagement} />}
          <NewDocumentMenu engagement={engagement} documents={documents} />
        </Group>
      )}
    </Group>
  );
};

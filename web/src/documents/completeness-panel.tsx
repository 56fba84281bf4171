import { Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Completeness } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';

/** What a letter still lacks before it may be sent (GET /documents/{id}/completeness, issue 3). */
export const CompletenessPanel = ({ documentId, version }: { documentId: string; version: number }) => {
  const t = useT();
  const check = useQuery({
    queryKey: ['document', documentId, 'completeness', version],
    queryFn: () => api<Completeness>(`/documents/${documentId}/completeness`),
  });
  if (!check.data) return null;
  return (
    <Card withBorder component="section" aria-labelledby="completeness-title">
      <Title order={3} size="h5" id="completeness-title" mb="xs">
        {t('completeness.title')}
      </Title>
      {check.data.complete ? (
        <Text size="sm" c="teal">
          {t('completeness.ok')}
        </Text>
      ) : (
        <List size="sm" spacing={2} c="orange.9">
          {check.data.missing.map((item) => (
            <List.Item key={item.code}>{item.message}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
};

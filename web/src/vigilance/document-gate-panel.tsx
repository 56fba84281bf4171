import { Card, List, Text, Title } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';
import { useDocumentVigilance } from './queries.ts';

/**
 * The gate's list before sending an engagement letter or a replacement letter (R-F1, R-F3, R-F4,
 * R-F5): the same list the send would be refused with. Nothing when the gate does not apply.
 */
export const DocumentGatePanel = ({ documentId, version }: { documentId: string; version: number }) => {
  const t = useT();
  const gate = useDocumentVigilance(documentId, version);
  if (!gate.data?.applies) return null;
  return (
    <Card withBorder component="section" aria-labelledby="gate-title" data-testid="vigilance-gate">
      <Title order={3} size="h5" id="gate-title" mb="xs">
        {t('vigilance.gateTitle')}
      </Title>
      {gate.data.ready ? (
        <Text size="sm" c="teal">
          {t('vigilance.gateReady')}
        </Text>
      ) : (
        <List size="sm" spacing={2} c="orange.9">
          {gate.data.missing.map((item) => (
            <List.Item key={item.code}>{item.message}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
};

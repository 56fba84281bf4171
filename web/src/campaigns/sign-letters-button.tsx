import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { campaignSigningCountOut, campaignSigningOut } from '../../../src/http/campaigns.schemas.ts';
import { api } from '../api/client.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';

type Count = z.output<typeof campaignSigningCountOut>;
type Signing = z.output<typeof campaignSigningOut>;

/**
 * « Signer les lettres pour le cabinet »: the associé signs every sent letter of the campaign in one
 * action, after a confirmation that counts them. Each letter gets its own signature and evidence on
 * the server, a chunk a call: the button calls again from the cursor the server returns (next) until none.
 */
export const SignLettersButton = ({ campaignId }: { campaignId: string }) => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const waiting = useQuery({
    queryKey: ['campaign', campaignId, 'firm-signature'],
    queryFn: () => api<Count>(`/campaigns/${campaignId}/firm-signature`),
    enabled: isAssocie,
  });
  const sign = useMutation({
    mutationFn: async () => {
      const signed: Signing['signed'] = [];
      // A refused letter is refused again by each following call: it is listed once, last word kept.
      const failed = new Map<string, Signing['failed'][number]>();
      let after: string | null = null;
      for (;;) {
        const query: string = after === null ? '' : `?after=${encodeURIComponent(after)}`;
        const part: Signing = await api<Signing>(`/campaigns/${campaignId}/firm-signature${query}`, {
          method: 'POST',
          idempotent: true,
        });
        signed.push(...part.signed);
        for (const failure of part.failed) failed.set(failure.documentId, failure);
        // The cursor moves past the letters tried, refused ones included: the loop ends.
        after = part.next;
        if (after === null)
          return {
            signed,
            failed: [...failed.values()],
            remaining: part.remaining,
            next: null,
          } satisfies Signing;
      }
    },
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['campaign', campaignId] });
      await client.invalidateQueries({ queryKey: ['documents'] });
    },
  });
  if (!isAssocie || !waiting.data || (waiting.data.waiting === 0 && !sign.data)) return null;
  const count = waiting.data.waiting;
  return (
    <Stack gap="xs" data-testid="campaign-firm-signature">
      {count > 0 && (
        <Group>
          <Button color="teal" onClick={open}>
            {t('campaign.signLetters', { count })}
          </Button>
        </Group>
      )}
      {sign.data && (
        <Alert color={sign.data.failed.length > 0 ? 'orange' : 'teal'} role="status">
          <Text size="sm">{t('campaign.lettersSigned', { count: sign.data.signed.length })}</Text>
          {sign.data.failed.length > 0 && (
            <List size="sm">
              {sign.data.failed.map((failure) => (
                <List.Item key={failure.documentId}>
                  {failure.number} : {failure.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Modal opened={opened} onClose={close} title={t('campaign.signLettersTitle')} centered>
        <Stack>
          <Text size="sm">{t('campaign.signLettersConfirm', { count })}</Text>
          {sign.error && (
            <Text c="red" component="div" role="alert">
              <ProblemText error={sign.error} />
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.back')}
            </Button>
            <Button
              color="teal"
              loading={sign.isPending}
              onClick={() => sign.mutate(undefined, { onSuccess: close })}
            >
              {t('campaign.signLettersNow', { count })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
};

import { Alert, Group, Stack, Text } from '@mantine/core';
import type { CampaignView } from '../api/types.ts';
import { formatInstant } from '../format.ts';
import { useI18n, useT } from '../i18n/i18n.tsx';
import { ConfirmCommandButton } from './confirm-command.tsx';
import { pluralKey, progressCounts } from './labels.ts';
import { CountProgress } from './progress-bar.tsx';

const grouped = (n: number) => n.toLocaleString('fr-FR');

/** Step 3, « Génération »: one replacement letter per planned client, made in the background. */
export const GenerationStep = ({ campaign }: { campaign: CampaignView }) => {
  const { t, language } = useI18n();
  const counts = progressCounts(campaign.progress);
  const done = campaign.status !== 'generating';
  return (
    <Stack>
      <CountProgress
        label={t('campaign.generationProgress')}
        value={counts.processed}
        max={counts.total}
        testId="generation-progress"
        text={t('campaign.lettersGenerated', {
          done: grouped(counts.letters),
          total: grouped(counts.total - counts.skipped),
        })}
      />
      {counts.skipped > 0 && (
        <Text size="sm" c="dimmed">
          {t(pluralKey('campaign.skippedCount', counts.skipped, language), {
            count: grouped(counts.skipped),
          })}
        </Text>
      )}
      {done && campaign.generatedAt && (
        <Alert color="teal" title={t('campaign.generatedTitle')}>
          {t('campaign.generatedAt', { at: formatInstant(campaign.generatedAt) })}
        </Alert>
      )}
    </Stack>
  );
};

type SendProps = { campaign: CampaignView; canWrite: boolean; onSend: () => void; sending: boolean };

/** Step 4, « Envoi »: every generated letter sent to its client for signature, in the background. */
export const SendingStep = ({ campaign, canWrite, onSend, sending }: SendProps) => {
  const t = useT();
  const counts = progressCounts(campaign.progress);
  return (
    <Stack>
      {campaign.status === 'generated' ? (
        <>
          <Text>{t('campaign.readyToSend', { count: grouped(counts.letters) })}</Text>
          {canWrite && (
            <Group justify="flex-end">
              <ConfirmCommandButton
                label={t('campaign.send')}
                title={t('campaign.confirmSendTitle')}
                body={t('campaign.confirmSendBody')}
                counts={[
                  { label: t('campaign.countToSend'), value: counts.letters },
                  { label: t('campaign.countExcluded'), value: counts.skipped },
                ]}
                confirmLabel={t('campaign.confirmSend')}
                loading={sending}
                onConfirm={onSend}
              />
            </Group>
          )}
        </>
      ) : (
        <CountProgress
          label={t('campaign.sendingProgress')}
          value={counts.sendDone}
          max={counts.letters}
          testId="sending-progress"
          text={t('campaign.lettersSent', { done: grouped(counts.sent), total: grouped(counts.letters) })}
        />
      )}
      {counts.sendFailed > 0 && (
        <Alert color="orange">{t('campaign.sendFailedCount', { count: grouped(counts.sendFailed) })}</Alert>
      )}
    </Stack>
  );
};

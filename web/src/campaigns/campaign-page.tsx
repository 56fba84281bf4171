import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CampaignView } from '../api/types.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { notifyError } from '../ui/notify.ts';
import { QueryState } from '../ui/query-state.tsx';
import { CampaignStepper } from './campaign-stepper.tsx';
import { FollowStep, ItemsTable } from './follow-step.tsx';
import { type Step, statusKey, stepOf } from './labels.ts';
import { GenerateButton, PreviewStep } from './preview-step.tsx';
import { useCampaignCommand, useUpdateCampaign } from './queries.ts';
import { fromSettings, toSettings } from './settings-draft.ts';
import { SettingsForm } from './settings-form.tsx';
import { SettingsView } from './settings-view.tsx';
import { useCampaignLive } from './use-campaign-live.ts';
import { GenerationStep, SendingStep } from './work-steps.tsx';

const Wizard = ({ campaign }: { campaign: CampaignView }) => {
  const t = useT();
  const canWrite = useCanWrite();
  const current = stepOf(campaign.status);
  const [viewed, setViewed] = useState<Step>(current);
  // The step follows the status: a campaign that moves on shows its new step.
  useEffect(() => setViewed(current), [current]);
  const update = useUpdateCampaign(campaign);
  const generate = useCampaignCommand(campaign.id, 'generate');
  const send = useCampaignCommand(campaign.id, 'send');
  const isDraft = campaign.status === 'draft';
  return (
    <Stack>
      <CampaignStepper current={current} viewed={viewed} onView={setViewed} />
      {viewed === 'selection' &&
        (isDraft && canWrite ? (
          <SettingsForm
            key={campaign.version}
            initial={fromSettings(campaign.name, campaign.settings)}
            submitLabel={t('campaign.saveAndPreview')}
            pending={update.isPending}
            error={update.error}
            onSubmit={(draft) =>
              update.mutate(
                { name: draft.name.trim(), settings: toSettings(draft) },
                { onSuccess: () => setViewed('preview') },
              )
            }
          />
        ) : (
          <SettingsView settings={campaign.settings} />
        ))}
      {viewed === 'preview' && (
        <PreviewStep
          campaign={campaign}
          actions={
            isDraft &&
            canWrite && (
              <GenerateButton
                campaign={campaign}
                loading={generate.isPending}
                onEdit={() => setViewed('selection')}
                onClick={() => generate.mutate(undefined, { onError: notifyError })}
              />
            )
          }
        />
      )}
      {viewed === 'generation' && <GenerationStep campaign={campaign} />}
      {viewed === 'sending' && (
        <>
          {campaign.status === 'generated' && <GenerationStep campaign={campaign} />}
          <SendingStep
            campaign={campaign}
            canWrite={canWrite}
            sending={send.isPending}
            onSend={() => send.mutate(undefined, { onError: notifyError })}
          />
          {campaign.status === 'generated' && (
            <ItemsTable campaign={campaign} status="generated" title={t('campaign.generatedLetters')} />
          )}
        </>
      )}
      {viewed === 'followUp' && <FollowStep campaign={campaign} />}
    </Stack>
  );
};

/** /campagnes/:id — one renewal campaign, from its settings to the follow-up of its letters. */
export const CampaignPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const campaign = useCampaignLive(id);
  return (
    <Stack>
      <Anchor component={Link} to="/campagnes" size="sm">
        {t('campaign.backToList')}
      </Anchor>
      <QueryState query={campaign}>
        {(data) => (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Title order={2}>{data.name}</Title>
                <Text size="sm" c="dimmed">
                  {t('campaign.dates', {
                    effective: formatDay(data.settings.effectiveDate),
                    until: formatDay(data.settings.validUntil),
                  })}
                </Text>
              </Stack>
              <Badge size="lg" variant="light" data-testid="campaign-status">
                {t(statusKey(data.status))}
              </Badge>
            </Group>
            <Wizard campaign={data} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
};

import { Anchor, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useCanWrite, useMe } from '../auth/session.tsx';
import { todayInParis } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { CampaignStepper } from './campaign-stepper.tsx';
import { useCreateCampaign } from './queries.ts';
import { newDraft, toSettings } from './settings-draft.ts';
import { SettingsForm } from './settings-form.tsx';

/** /campagnes/nouvelle — the first step of a campaign; once saved, it has its own page. */
export const NewCampaignPage = () => {
  const t = useT();
  const me = useMe();
  const canWrite = useCanWrite();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const [initial] = useState(() => newDraft(todayInParis()));
  if (me.data && !canWrite) return <Navigate to="/campagnes" replace />;
  return (
    <Stack>
      <Anchor component={Link} to="/campagnes" size="sm">
        {t('campaign.backToList')}
      </Anchor>
      <Title order={2}>{t('campaign.new')}</Title>
      <CampaignStepper current="selection" viewed="selection" onView={() => {}} />
      <SettingsForm
        initial={initial}
        submitLabel={t('campaign.create')}
        pending={create.isPending}
        error={create.error}
        onCancel={() => navigate('/campagnes')}
        onSubmit={(draft) =>
          create.mutate(
            { name: draft.name.trim(), settings: toSettings(draft) },
            { onSuccess: (campaign) => navigate(`/campagnes/${campaign.id}`) },
          )
        }
      />
    </Stack>
  );
};

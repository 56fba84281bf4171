import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { useVigilanceSettings } from './queries.ts';
import type { VigilanceSettings } from './types.ts';

/** The LCB-FT gate of the firm (on for new firms; an older firm turns it on once its files are complete). */
export const VigilanceSettingsCard = () => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const settings = useVigilanceSettings();
  const save = useMutation({
    mutationFn: (next: Omit<VigilanceSettings, 'version'>) =>
      api<VigilanceSettings>('/vigilance/settings', { method: 'PUT', body: next }),
    onSuccess: (next) => {
      client.setQueryData(['vigilance', 'settings'], next);
      void client.invalidateQueries({ queryKey: ['document'] });
      void client.invalidateQueries({ queryKey: ['engagement'] });
    },
  });
  if (!settings.data) return null;
  const { controlsEnabled, periods } = settings.data;
  return (
    <Card withBorder component="section" aria-labelledby="vigilance-settings-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="vigilance-settings-title">
          {t('vigilance.settingsTitle')}
        </Title>
        <Switch
          label={t('vigilance.gateSwitch')}
          checked={controlsEnabled}
          disabled={!isAssocie || save.isPending}
          onChange={(e) => save.mutate({ controlsEnabled: e.currentTarget.checked, periods })}
        />
        <Text size="sm" c="dimmed">
          {t('vigilance.periods', periods)}
        </Text>
        {save.error && <ProblemText error={save.error} />}
      </Stack>
    </Card>
  );
};

import { Alert, Button, Card, ColorInput, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Firm } from '../api/types.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { fileToBase64 } from '../ui/file-base64.ts';

/** The firm's logo and accent colour on its documents (issue 3). */
export const BrandingCard = ({ firm }: { firm: Firm }) => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const accent = (firm as Firm & { accentColor?: string | null }).accentColor;
  const hasAccent = accent !== undefined;
  const [color, setColor] = useState(accent ?? '#7a3e9d');
  const [stamp, setStamp] = useState(Date.now());
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File) =>
      api('/firm/logo', {
        method: 'PUT',
        body: { contentType: file.type, base64: await fileToBase64(file) },
      }),
    onSuccess: () => setStamp(Date.now()),
  });
  const remove = useMutation({
    mutationFn: () => api('/firm/logo', { method: 'DELETE' }),
    onSuccess: () => setStamp(Date.now()),
  });
  const saveColor = useMutation({
    mutationFn: () => api('/firm', { method: 'PATCH', body: { version: firm.version, accentColor: color } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['firm'] }),
  });
  return (
    <Card withBorder component="section" aria-labelledby="branding-title">
      <Stack>
        <Title order={3} size="h4" id="branding-title">
          {t('firm.branding')}
        </Title>
        <Group>
          <Image
            src={`/api/v1/firm/logo?v=${stamp}`}
            alt={t('firm.logo')}
            h={64}
            w="auto"
            fit="contain"
            fallbackSrc="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>"
          />
          {isAssocie && (
            <FileButton accept="image/png,image/jpeg" onChange={(file) => file && upload.mutate(file)}>
              {(props) => (
                <Button variant="default" {...props} loading={upload.isPending}>
                  {t('firm.uploadLogo')}
                </Button>
              )}
            </FileButton>
          )}
          {isAssocie && (
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('firm.removeLogo')}
            </Button>
          )}
          {upload.error && (
            <Text c="red" size="sm">
              {upload.error.message}
            </Text>
          )}
        </Group>
        {hasAccent && (
          <Group align="end">
            <ColorInput
              label={t('firm.accentColor')}
              value={color}
              onChange={setColor}
              format="hex"
              eyeDropperButtonProps={{ 'aria-label': t('firm.eyeDropper') }}
              readOnly={!isAssocie}
              error={fieldErrors(saveColor.error).accentColor}
              w={200}
            />
            {isAssocie && (
              <Button variant="default" onClick={() => saveColor.mutate()} loading={saveColor.isPending}>
                {t('editor.save')}
              </Button>
            )}
          </Group>
        )}
        {saveColor.error && !fieldErrors(saveColor.error).accentColor && (
          <Alert color="red">{saveColor.error.message}</Alert>
        )}
      </Stack>
    </Card>
  );
};

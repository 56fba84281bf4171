import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n.tsx';

export const NotFoundPage = () => {
  const t = useT();
  return (
    <Stack>
      <Title order={2}>{t('notFound.title')}</Title>
      <Text>{t('notFound.text')}</Text>
      <Anchor component={Link} to="/">
        {t('nav.dashboard')}
      </Anchor>
    </Stack>
  );
};

import { Badge } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';

export const StateBadge = ({ state }: { state: 'prospect' | 'client' }) => {
  const t = useT();
  return (
    <Badge color={state === 'client' ? 'teal' : 'orange'} variant="light">
      {t(`state.${state}`)}
    </Badge>
  );
};

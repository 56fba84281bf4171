import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { TERMINATE_PARAM } from './termination-panel.tsx';

/**
 * R-G1 from the notice-deadline list: a letter still running links to its page with the
 * termination dialog open (writers); a letter already terminated says so and links to its
 * termination on the same page.
 */
export const NoticeTerminationLink = ({
  letterId,
  endDate,
}: {
  letterId: string;
  endDate: string | null;
}) => {
  const t = useT();
  const canWrite = useCanWrite();
  if (endDate)
    return (
      <Anchor component={Link} to={`/documents/${letterId}`} size="xs" c="orange">
        {t('termination.ended', { date: formatDay(endDate) })}
      </Anchor>
    );
  if (!canWrite) return null;
  return (
    <Anchor component={Link} to={`/documents/${letterId}?${TERMINATE_PARAM}=1`} size="xs" c="red">
      {t('termination.terminate')}
    </Anchor>
  );
};

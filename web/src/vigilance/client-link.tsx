import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useEngagement } from '../api/queries.ts';
import { useT } from '../i18n/i18n.tsx';

/** The engagement's address with its LCB-FT tab open. */
export const vigilanceTabPath = (engagementId: string) => `/engagements/${engagementId}?onglet=vigilance`;

/** A link to an engagement's LCB-FT file, named after its client (fetched, then cached). */
export const ClientLink = ({ engagementId }: { engagementId: string }) => {
  const t = useT();
  const engagement = useEngagement(engagementId);
  return (
    <Anchor component={Link} to={vigilanceTabPath(engagementId)} size="sm">
      {engagement.data?.company.name ?? t('common.loading')}
    </Anchor>
  );
};

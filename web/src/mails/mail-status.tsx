import { Badge } from '@mantine/core';
import type { MailSummary } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';

const COLORS: Record<MailSummary['status'], string> = {
  queued: 'gray',
  sent: 'teal',
  outbox: 'blue',
  failed: 'red',
};

export const MailStatusBadge = ({ status }: { status: MailSummary['status'] }) => {
  const t = useT();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      data-status={status}
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(`mail.status.${status}`)}
    </Badge>
  );
};
